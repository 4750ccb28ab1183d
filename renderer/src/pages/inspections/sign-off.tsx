import { Alert, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { RunDetail } from '../../../../src/ledger/inspections/runs';
import { DateField } from '../../components/fields/date-field';
import { PersonNameInput } from '../../components/fields/person-name-input';
import { FormError } from '../../components/form-error';
import { useMutation } from '../../hooks/use-mutation';
import { today } from '../../lib/dates';
import { focusFirstError } from '../../lib/focus-first-error';
import { required, validDate } from '../../lib/form-rules';
import { toPersonRef } from '../../lib/person-ref';
import { useDirectory } from '../../shell/directory';
import { useLedger } from '../../shell/ledger-context';

/**
 * 签署 (DOMAIN §5): inspector, user and section head sign the checklist; every item must
 * have a result first. A signed run is locked and takes corrections only.
 */
export function SignOff({ run: detail, onSigned }: { run: RunDetail; onSigned: (r: RunDetail) => void }) {
  const { t } = useTranslation();
  const { people } = useDirectory();
  const { summary } = useLedger();
  const { run, error, setError, busy } = useMutation();
  const total = detail.template.items.length;
  const answered = new Set(detail.results.map((r) => r.itemId));
  const missing = detail.template.items.filter((i) => !answered.has(i.id));
  const form = useForm({
    initialValues: { inspector: summary.officerName, user: '', sectionHead: '', signedOn: today() },
    validate: {
      inspector: required(t, t('signoff.inspector')),
      user: required(t, t('signoff.user')),
      sectionHead: required(t, t('signoff.sectionHead')),
      signedOn: validDate(t, t('signoff.signedOn')),
    },
  });

  const submit = form.onSubmit(async (v) => {
    if (missing.length > 0) {
      setError(t('signoff.unanswered', { count: missing.length, ids: missing.slice(0, 8).map((i) => i.id).join('、') }));
      return;
    }
    const done = await run(() =>
      window.api.inspections.sign({
        runId: detail.id,
        signedOn: v.signedOn,
        inspector: toPersonRef(v.inspector, people),
        user: toPersonRef(v.user, people),
        sectionHead: toPersonRef(v.sectionHead, people),
      }),
    );
    if (done) onSigned(done.value);
  }, focusFirstError);

  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate aria-label={t('signoff.title')}>
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={4}>{t('signoff.title')}</Title>
            <Text size="sm" c={missing.length ? 'orange.8' : 'teal.8'} data-testid="run-progress">
              {t('signoff.progress', { done: total - missing.length, total })}
            </Text>
          </Group>
          <Group grow align="flex-start">
            <PersonNameInput label={t('signoff.inspector')} withAsterisk {...form.getInputProps('inspector')} />
            <PersonNameInput label={t('signoff.user')} withAsterisk {...form.getInputProps('user')} />
            <PersonNameInput label={t('signoff.sectionHead')} withAsterisk {...form.getInputProps('sectionHead')} />
            <DateField label={t('signoff.signedOn')} withAsterisk {...form.getInputProps('signedOn')} />
          </Group>
          <Text size="xs" c="dimmed">
            {t('signoff.why')}
          </Text>
          <FormError error={error} />
          <Group>
            <Button type="submit" loading={busy}>
              {t('signoff.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** The signatures of a signed run. */
export function Signatures({ signatures }: { signatures: NonNullable<RunDetail['signatures']> }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" variant="light" title={t('signoff.signedTitle', { date: signatures.signedOn })} data-testid="run-signatures">
      <Table variant="vertical" fz="sm" withRowBorders={false} layout="fixed" w={480}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={110}>{t('signoff.inspector')}</Table.Th>
            <Table.Td>{signatures.inspector.name}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('signoff.user')}</Table.Th>
            <Table.Td>{signatures.user.name}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('signoff.sectionHead')}</Table.Th>
            <Table.Td>{signatures.sectionHead.name}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Alert>
  );
}
