import { Alert, Button, Card, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../../src/api/result';
import type { Holding } from '../../../../src/ledger/people/departure';
import type { Person } from '../../../../src/ledger/people/people';
import { DateField } from '../../components/fields/date-field';
import { today } from '../../lib/dates';
import { errorText } from '../../lib/errors';
import { focusFirstError } from '../../lib/focus-first-error';
import { validDate } from '../../lib/form-rules';
import { notifySuccess } from '../../lib/notify';
import { useLedger } from '../../shell/ledger-context';
import { useNavigation } from '../../shell/navigation';
import { HoldingsTable } from './holdings-table';

type LeaveKind = 'left_post' | 'left_unit';

/**
 * R-14's refusal carries the handover list in `details.outstanding`; anything else there
 * is not trusted to be one.
 */
export function outstandingOf(error: IpcError): Holding[] | null {
  const v = error.details?.['outstanding'];
  if (!Array.isArray(v)) return null;
  const ok = v.every((h) => typeof h === 'object' && h !== null && typeof (h as Holding).id === 'string' && typeof (h as Holding).number === 'string');
  return ok ? (v as Holding[]) : null;
}

interface Refusal {
  message: string;
  outstanding: Holding[] | null;
}

/**
 * 离岗 / 离职: refused while the person still holds anything, and then the
 * refusal lists it with the way to the handover; once accepted, the 脱密期 end
 * computed by main is shown. The page remounts it when the person's status changes.
 */
export function DepartureForm({ person, onLeft }: { person: Person; onLeft: () => Promise<void> | void }) {
  const { t, i18n } = useTranslation();
  const { fail, reloadSummary } = useLedger();
  const { navigate } = useNavigation();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const form = useForm<{ kind: LeaveKind; approvedOn: string; note: string }>({
    initialValues: { kind: person.leftOn ? 'left_unit' : 'left_post', approvedOn: today(), note: '' },
    validate: { approvedOn: validDate(t, t('departure.approvedOn')) },
  });

  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    setRefusal(null);
    try {
      const r = await window.api.people.leave({ personId: person.id, kind: v.kind, approvedOn: v.approvedOn, note: v.note.trim() });
      if (!r.ok) {
        if (r.error.code === 'VAULT_LOCKED') fail(r.error);
        else setRefusal({ message: errorText(i18n, r.error), outstanding: outstandingOf(r.error) });
        return;
      }
      void reloadSummary();
      notifySuccess(t(`departure.done.${v.kind}`, { name: person.name }));
      await onLeft();
    } finally {
      setBusy(false);
    }
  }, focusFirstError);

  if (person.leaveKind === 'left_unit') {
    return (
      <Card withBorder>
        <Title order={4} mb="xs">
          {t('departure.title')}
        </Title>
        <LeftNotice person={person} />
      </Card>
    );
  }

  const devices = refusal?.outstanding?.filter((h) => h.kind !== 'carrier') ?? [];
  const carriers = refusal?.outstanding?.filter((h) => h.kind === 'carrier') ?? [];
  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate aria-label={t('departure.title')}>
        <Stack gap="sm">
          <Title order={4}>{t('departure.title')}</Title>
          {person.leftOn && <LeftNotice person={person} />}
          <Text size="sm" c="dimmed">
            {t('departure.intro')}
          </Text>
          <Group align="flex-end">
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('departure.kind')}
              </Text>
              <SegmentedControl
                aria-label={t('departure.kind')}
                data={(person.leftOn ? (['left_unit'] as const) : (['left_post', 'left_unit'] as const)).map((k) => ({ value: k, label: t(`departure.kinds.${k}`) }))}
                {...form.getInputProps('kind')}
              />
            </Stack>
            <DateField label={t('departure.approvedOn')} withAsterisk {...form.getInputProps('approvedOn')} />
            <TextInput label={t('form.note')} maxLength={200} w={280} {...form.getInputProps('note')} />
          </Group>
          {refusal && (
            <Alert color="red" variant="light" title={t('form.refused')} data-testid="departure-refusal">
              <Stack gap="xs">
                <Text size="sm">{refusal.message}</Text>
                {refusal.outstanding && refusal.outstanding.length > 0 && (
                  <>
                    <Text size="sm" fw={600}>
                      {t('departure.outstanding', { count: refusal.outstanding.length })}
                    </Text>
                    <HoldingsTable holdings={refusal.outstanding} label={t('departure.outstandingLabel')} />
                    <Group>
                      {carriers.length > 0 && (
                        <Button color="red" variant="filled" onClick={() => navigate({ page: 'handover', fromId: person.id })}>
                          {t('departure.toHandover', { count: carriers.length })}
                        </Button>
                      )}
                    </Group>
                    {devices.length > 0 && (
                      <Text size="sm" c="dimmed">
                        {t('departure.devicesHint', { count: devices.length })}
                      </Text>
                    )}
                  </>
                )}
              </Stack>
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={busy} color="orange">
              {t(`departure.submit.${form.values.kind}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function LeftNotice({ person }: { person: Person }) {
  const { t } = useTranslation();
  if (!person.leftOn) return null;
  return (
    <Alert color="teal" variant="light" data-testid="departure-done">
      <Text size="sm">
        {t(`departure.left.${person.leaveKind ?? 'left_post'}`, { date: person.leftOn })}
        {person.declassUntil && ` ${t('departure.declassUntil', { date: person.declassUntil })}`}
      </Text>
    </Alert>
  );
}
