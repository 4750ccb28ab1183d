import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PrintRequest } from '../../../../src/print/print-types';
import { FormError } from '../../components/form-error';
import { PrintoutRegistration } from '../print/printout-registration';
import { usePrintOutput } from '../print/use-print-output';

interface RegisterPrintProps {
  request: PrintRequest;
  printLabel: string;
  testId?: string;
}

/**
 * 打印 / 保存为 PDF of one register for a given subject (a run, a session), where the
 * officer already is. A filled printout lists ledger content and is offered for
 * registration as a carrier; a blank form is not.
 */
function RegisterPrint({ request, printLabel, testId }: RegisterPrintProps) {
  const { t } = useTranslation();
  const { error, busy, output, outputs, print, savePdf, markRegistered, dismiss } = usePrintOutput();

  return (
    <Stack gap="sm" data-testid={testId}>
      <Group>
        <Button variant="default" onClick={() => void print(request)} loading={busy}>
          {printLabel}
        </Button>
        <Button variant="default" onClick={() => void savePdf(request)} disabled={busy}>
          {t('print.savePdf')}
        </Button>
      </Group>
      <FormError error={error} />
      {request.blank
        ? // A blank form lists nothing from the ledger: not a carrier, so only the last one is shown.
          output && (
            <Alert color="teal" title={output.path ? t('print.saved') : t('print.printed')} data-testid="pdf-saved">
              {output.path && (
                <Text size="sm" style={{ wordBreak: 'break-all' }}>
                  {t('print.savedAt', { path: output.path, pages: output.pages, count: output.pages ?? 0 })}
                </Text>
              )}
            </Alert>
          )
        : outputs.map((o) => <PrintoutRegistration key={o.id} output={o} onRegistered={markRegistered} onDismiss={dismiss} />)}
    </Stack>
  );
}

/** RegisterPrint as a page's own card: a heading, then a line on what the printout holds. */
export function RegisterPrintCard({ title, hint, ...print }: RegisterPrintProps & { title: string; hint: string }) {
  return (
    <Card withBorder>
      <Title order={4} mb={4}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {hint}
      </Text>
      <RegisterPrint {...print} />
    </Card>
  );
}
