import { Anchor, Badge, Button, Group, Stack, Table, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PageFormCard } from '../../components/page-form-card';
import { PageTableCard } from '../../components/page-table-card';
import { useDetail } from '../../hooks/use-detail';
import { useMutation } from '../../hooks/use-mutation';
import { focusFirstError } from '../../lib/focus-first-error';
import { notifySuccess } from '../../lib/notify';
import { useNavigation } from '../../shell/navigation';
import { FindingsPanel } from './findings-panel';
import { RegisterPrintCard } from './register-print';

type RunRow = { id: string; month: string; state: string };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const thisMonth = (): string => dayjs().format('YYYY-MM');
const readRuns = () => window.api.inspections.list();
const readOpenFindings = () => window.api.inspections.openFindings();

/**
 * 月度检查: the runs so far, a new run for a month (one per month, on the current template
 * version), the findings still open, and the template and blank form.
 */
export function InspectionsPage({ month }: { month?: string }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const { detail: runs } = useDetail(readRuns);
  const { detail: openFindings, load: loadOpen } = useDetail(readOpenFindings);
  const open = openFindings ?? [];

  const now = dayjs();
  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{t('inspection.title')}</Title>
        <Button variant="default" onClick={() => navigate({ page: 'checklist' })}>
          {t('checklist.open')}
        </Button>
      </Group>
      <CreateRunForm month={month} runs={runs ?? []} />
      <PageTableCard
        title={t('inspection.runs', { count: runs?.length ?? 0 })}
        rows={runs}
        empty={t('inspection.noRuns')}
        label={t('inspection.runsLabel')}
        head={
          <>
            <Table.Th w={160}>{t('inspection.month')}</Table.Th>
            <Table.Th>{t('inspection.stateLabel')}</Table.Th>
          </>
        }
        renderRow={(r) => (
          <Table.Tr key={r.id}>
            <Table.Td>
              <Anchor component="button" type="button" onClick={() => navigate({ page: 'inspection', id: r.id })}>
                {t('inspection.runTitle', { month: r.month })}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Badge color={r.state === 'signed' ? 'teal' : 'orange'} variant="light">
                {t(`inspection.state.${r.state === 'signed' ? 'signed' : 'open'}`)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        )}
      />
      <FindingsPanel
        title={t('finding.allOpen', { count: open.length })}
        findings={open}
        testId="open-findings"
        empty={t('finding.noneOpen')}
        onClosed={() => void loadOpen()}
      />
      <RegisterPrintCard
        title={t('inspection.blankTitle')}
        hint={t('inspection.printBlankHint')}
        request={{ registerId: 'inspection', from: now.startOf('month').format('YYYY-MM-DD'), to: now.endOf('month').format('YYYY-MM-DD'), levels: [], blank: true }}
        printLabel={t('inspection.printBlankButton')}
      />
    </Stack>
  );
}

/** One run per month: the month defaults to this one (or the one a due entry named). */
function CreateRunForm({ month, runs }: { month: string | undefined; runs: readonly RunRow[] }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const { run, error, busy } = useMutation();
  const form = useForm({
    initialValues: { month: month ?? thisMonth() },
    validate: { month: (v: string) => (MONTH.test(v) ? null : t('inspection.badMonth')) },
  });
  const existing = runs.find((r) => r.month === form.values.month);

  const submit = form.onSubmit(async (v) => {
    if (existing) {
      navigate({ page: 'inspection', id: existing.id });
      return;
    }
    const done = await run(() => window.api.inspections.create({ month: v.month }));
    if (!done) return;
    notifySuccess(t('inspection.created', { month: v.month }));
    navigate({ page: 'inspection', id: done.value.id });
  }, focusFirstError);

  return (
    <PageFormCard
      title={t('inspection.create')}
      onSubmit={submit}
      submitLabel={existing ? t('inspection.openExisting', { month: form.values.month }) : t('inspection.createSubmit')}
      busy={busy}
      hint={t('inspection.createHint')}
      error={error}
    >
      <TextInput type="month" label={t('inspection.month')} withAsterisk autoFocus w={200} {...form.getInputProps('month')} />
    </PageFormCard>
  );
}
