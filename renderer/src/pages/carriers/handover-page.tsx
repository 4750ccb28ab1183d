import { Alert, Button, Card, Checkbox, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '../../../../src/ledger/carriers/carrier-model';
import { formatMarking } from '../../../../src/ledger/classification/term';
import { StateBadge } from '../../components/carrier-badges';
import { DateField } from '../../components/fields/date-field';
import { PersonNameInput } from '../../components/fields/person-name-input';
import { PersonSelect } from '../../components/fields/person-select';
import { FormError } from '../../components/form-error';
import { useMutation } from '../../hooks/use-mutation';
import { OUT_STATES } from '../../lib/carrier-enums';
import { today } from '../../lib/dates';
import { errorText } from '../../lib/errors';
import { chosen, required, validDate } from '../../lib/form-rules';
import { notifySuccess } from '../../lib/notify';
import { toPersonRef } from '../../lib/person-ref';
import { useDirectory } from '../../shell/directory';
import { useLedger } from '../../shell/ledger-context';
import { useNavigation } from '../../shell/navigation';
import { focusFirstError } from '../../lib/focus-first-error';
import { ReadFailed } from '../../components/read-failed';

/**
 * 人员移交: everything one person holds goes, as one list, to a receiver; what they
 * have on loan or out is checked back in first. Both sign, and a leader (not the person
 * leaving) oversees it. Required before anyone leaves or changes post.
 */
export function HandoverPage({ personId = '' }: { personId?: string | undefined } = {}) {
  const { t, i18n } = useTranslation();
  const { people } = useDirectory();
  const { fail } = useLedger();
  const { back, navigate } = useNavigation();
  const { run, error, busy } = useMutation();
  const [holdings, setHoldings] = useState<Carrier[] | null>(null);
  // A failed read is shown where the list would be, or 正在读取… would stay for ever.
  const [readError, setReadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // Listed because they keep their holder from leaving, but nobody can sign for them.
  const handable = holdings?.filter((c) => c.state !== 'missing').length ?? 0;
  const form = useForm({
    initialValues: { fromId: personId, toId: '', leader: '', bothSigned: false, occurredOn: today(), note: '' },
    validate: {
      fromId: chosen(t, t('handover.from')),
      toId: (v, values) => chosen(t, t('handover.to'))(v) ?? (v === values.fromId ? t('handover.samePerson') : null),
      leader: required(t, t('handover.leader')),
      occurredOn: validDate(t, t('handover.occurredOn')),
    },
  });
  const fromId = form.values.fromId;

  useEffect(() => {
    setHoldings(null);
    setReadError(null);
    if (!fromId) return;
    let live = true;
    void window.api.carriers.holdings({ personId: fromId }).then((r) => {
      if (!live) return;
      if (r.ok) setHoldings(r.value);
      else {
        setReadError(errorText(i18n, r.error));
        fail(r.error);
      }
    });
    return () => {
      live = false;
    };
  }, [fromId, attempt, i18n, fail]);

  const submit = form.onSubmit(async (v) => {
    const done = await run(() =>
      window.api.carriers.handover({
        fromId: v.fromId,
        toId: v.toId,
        leader: toPersonRef(v.leader, people),
        bothSigned: v.bothSigned,
        occurredOn: v.occurredOn,
        note: v.note,
      }),
    );
    if (!done) return;
    notifySuccess(t('handover.done', { count: done.value.carriers.length }));
    // Opened from a refused departure: back to the person, where leaving is retried.
    navigate(personId ? { page: 'person', id: personId } : { page: 'carriers' });
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate aria-label={t('handover.title')}>
      <Stack maw={1000}>
        <Group justify="space-between">
          <Title order={2}>{t('handover.title')}</Title>
          <Button variant="subtle" onClick={back}>
            {t('detail.back')}
          </Button>
        </Group>
        <Card withBorder>
          <PersonSelect label={t('handover.from')} withAsterisk autoFocus w={300} includeInactive {...form.getInputProps('fromId')} />
        </Card>
        {fromId && (
          <Card withBorder>
            <Title order={4} mb="xs">
              {t('handover.holdings', { count: holdings?.length ?? 0 })}
            </Title>
            {readError !== null ? (
              <ReadFailed error={readError} onRetry={() => setAttempt((n) => n + 1)} testId="handover-read-failed" />
            ) : holdings === null ? (
              <Text c="dimmed">{t('app.loading')}</Text>
            ) : holdings.length === 0 ? (
              <Alert color="gray">{t('handover.nothing')}</Alert>
            ) : (
              <Table fz="sm" aria-label={t('handover.holdingsLabel')} data-testid="handover-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('carrier.number')}</Table.Th>
                    <Table.Th>{t('carrier.title')}</Table.Th>
                    <Table.Th>{t('carrier.marking')}</Table.Th>
                    <Table.Th>{t('carrier.copyNumbers')}</Table.Th>
                    <Table.Th>{t('carrier.state')}</Table.Th>
                    <Table.Th>{t('handover.how')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {holdings.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td ff="monospace">{c.number}</Table.Td>
                      <Table.Td>{c.title}</Table.Td>
                      <Table.Td>{formatMarking(c.level, c.term)}</Table.Td>
                      <Table.Td>{c.copyNumbers || '—'}</Table.Td>
                      <Table.Td>
                        <StateBadge state={c.state} />
                      </Table.Td>
                      <Table.Td>
                        {c.state === 'missing' ? t('handover.missing') : c.holderId === fromId && OUT_STATES.includes(c.state) ? t('handover.checkedIn') : t('handover.custodyMoves')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        )}
        <Card withBorder>
          <Stack gap="sm">
            <Group grow align="flex-start">
              <PersonSelect label={t('handover.to')} withAsterisk {...form.getInputProps('toId')} />
              <PersonNameInput label={t('handover.leader')} withAsterisk {...form.getInputProps('leader')} />
              <DateField label={t('handover.occurredOn')} withAsterisk {...form.getInputProps('occurredOn')} />
            </Group>
            <TextInput label={t('form.note')} maxLength={200} {...form.getInputProps('note')} />
            <Checkbox label={t('handover.bothSigned')} {...form.getInputProps('bothSigned', { type: 'checkbox' })} />
          </Stack>
        </Card>
        <FormError error={error} />
        <Group>
          <Button type="submit" loading={busy} disabled={handable === 0}>
            {t('handover.submit', { count: handable })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
