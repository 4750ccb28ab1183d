import { Alert, Anchor, Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '../../../../src/ledger/carriers/carrier-model';
import { formatMarking } from '../../../../src/ledger/classification/term';
import { CabinetSelect } from '../../components/fields/cabinet-select';
import { PersonSelect } from '../../components/fields/person-select';
import { FormError } from '../../components/form-error';
import { useMutation } from '../../hooks/use-mutation';
import { focusFirstError } from '../../lib/focus-first-error';
import { chosen, wholeNumber } from '../../lib/form-rules';
import { useNavigation } from '../../shell/navigation';
import type { PrintOutput } from './use-print-output';

interface PrintoutRegistrationProps {
  output: PrintOutput;
  onRegistered: (id: number) => void;
  /** Not registering this printout, deliberately (it was spoiled, or shredded at once). */
  onDismiss: (id: number) => void;
}

/**
 * The paper (or PDF) just produced lists classified items, so it is classified at the
 * highest level it lists and belongs in the ledger like any other carrier.
 */
export function PrintoutRegistration({ output, onRegistered, onDismiss }: PrintoutRegistrationProps) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const { run, error, busy } = useMutation();
  const [registered, setRegistered] = useState<Carrier | null>(null);
  const form = useForm<{ pages: number | string; custodianId: string; cabinetId: string | null }>({
    initialValues: { pages: output.pages ?? '', custodianId: '', cabinetId: null },
    validate: {
      pages: wholeNumber(t, t('printout.pages'), 1, 9999),
      custodianId: chosen(t, t('printout.custodian')),
    },
  });

  const submit = form.onSubmit(async (v) => {
    const done = await run(() =>
      window.api.print.registerPrintout({
        request: output.request,
        pages: Number(v.pages),
        custodianId: v.custodianId,
        cabinetId: v.cabinetId,
      }),
    );
    if (!done) return;
    setRegistered(done.value);
    onRegistered(output.id);
  }, focusFirstError);

  return (
    <Card withBorder data-testid="print-output">
      <Stack gap="sm">
        {output.path ? (
          <Alert color="teal" title={t('print.saved')} data-testid="pdf-saved">
            <Text size="sm" style={{ wordBreak: 'break-all' }}>
              {t('print.savedAt', { path: output.path, pages: output.pages, count: output.pages ?? 0 })}
            </Text>
          </Alert>
        ) : (
          <Alert color="teal" title={t('print.printed')} />
        )}
        {registered ? (
          <Alert color="indigo" title={t('printout.registered')} data-testid="printout-registered">
            <Group gap="xs">
              <Anchor component="button" ff="monospace" onClick={() => navigate({ page: 'carrier', id: registered.id })}>
                {registered.number}
              </Anchor>
              <Text size="sm">{formatMarking(registered.level, registered.term)}</Text>
              <Text size="sm">{registered.title}</Text>
            </Group>
          </Alert>
        ) : (
          <form onSubmit={submit} noValidate aria-label={t('printout.title')}>
            <Stack gap="sm">
              <Title order={5}>{t('printout.title')}</Title>
              <Text size="sm" c="dimmed">
                {t('printout.why')}
              </Text>
              <Group align="flex-start">
                <NumberInput label={t('printout.pages')} withAsterisk min={1} max={9999} allowDecimal={false} w={120} {...form.getInputProps('pages')} />
                <PersonSelect label={t('printout.custodian')} withAsterisk w={220} {...form.getInputProps('custodianId')} />
                <CabinetSelect label={t('printout.cabinet')} w={200} {...form.getInputProps('cabinetId')} />
              </Group>
              <FormError error={error} />
              <Group>
                <Button type="submit" loading={busy}>
                  {t('printout.submit')}
                </Button>
                <Button variant="subtle" color="gray" onClick={() => onDismiss(output.id)} disabled={busy}>
                  {t('printout.dismiss')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
