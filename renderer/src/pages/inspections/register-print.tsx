import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintRequest } from '../../../../src/print/print-types';
import { FormError } from '../../components/form-error';
import { useMutation } from '../../hooks/use-mutation';
import { notifySuccess } from '../../lib/notify';
import type { PrintOutput } from '../print/print-page';
import { PrintoutRegistration } from '../print/printout-registration';

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
export function RegisterPrint({ request, printLabel, testId }: RegisterPrintProps) {
  const { t } = useTranslation();
  const { run, error, busy } = useMutation();
  const [output, setOutput] = useState<PrintOutput | null>(null);

  const print = async () => {
    const done = await run(() => window.api.print.print(request));
    if (done?.value.printed) {
      notifySuccess(t('print.printed'));
      setOutput({ request, pages: null, path: null });
    }
  };
  const savePdf = async () => {
    const done = await run(() => window.api.print.savePdf(request));
    if (done?.value) setOutput({ request, pages: done.value.pages, path: done.value.path });
  };

  return (
    <Stack gap="sm" data-testid={testId}>
      <Group>
        <Button variant="default" onClick={() => void print()} loading={busy}>
          {printLabel}
        </Button>
        <Button variant="default" onClick={() => void savePdf()} disabled={busy}>
          {t('print.savePdf')}
        </Button>
      </Group>
      <FormError error={error} />
      {output &&
        (request.blank ? (
          <Alert color="teal" title={output.path ? t('print.saved') : t('print.printed')} data-testid="pdf-saved">
            {output.path && (
              <Text size="sm" style={{ wordBreak: 'break-all' }}>
                {t('print.savedAt', { path: output.path, pages: output.pages })}
              </Text>
            )}
          </Alert>
        ) : (
          <PrintoutRegistration key={`${output.path ?? 'printed'}:${output.pages ?? ''}`} output={output} />
        ))}
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
