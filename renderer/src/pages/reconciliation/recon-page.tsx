import { Anchor, Badge, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CabinetSelect } from '../../components/fields/cabinet-select';
import { PersonSelect } from '../../components/fields/person-select';
import { PageFormCard } from '../../components/page-form-card';
import { PageTableCard } from '../../components/page-table-card';
import { useDetail } from '../../hooks/use-detail';
import { useMutation } from '../../hooks/use-mutation';
import { focusFirstError } from '../../lib/focus-first-error';
import { formatDateTime } from '../../lib/format';
import { chosen } from '../../lib/form-rules';
import { useNavigation } from '../../shell/navigation';
import { isPurpose, RECON_PURPOSES, type ReconPurpose } from '../inspections/link-route';

const SCOPES = ['all', 'cabinet', 'person'] as const;
type Scope = (typeof SCOPES)[number];

interface StartValues {
  purpose: ReconPurpose;
  scopeKind: Scope;
  cabinetId: string | null;
  personId: string | null;
}

const readSessions = () => window.api.recon.list();

/**
 * 清点: 月清理, 季核对, 半年清退 and 年度清点 are one scanning session over a scope (everything,
 * one cabinet, or what one person keeps); the sessions so far are listed below.
 */
export function ReconPage({ purpose }: { purpose?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const { navigate } = useNavigation();
  const sessions = useDetail(readSessions).detail;

  return (
    <Stack maw={1100}>
      <Title order={2}>{t('recon.title')}</Title>
      <StartForm purpose={purpose && isPurpose(purpose) ? purpose : undefined} />
      <PageTableCard
        title={t('recon.sessions', { count: sessions?.length ?? 0 })}
        rows={sessions}
        empty={t('recon.noSessions')}
        label={t('recon.sessionsLabel')}
        head={
          <>
            <Table.Th w={200}>{t('recon.startedAt')}</Table.Th>
            <Table.Th>{t('recon.purposeLabel')}</Table.Th>
            <Table.Th>{t('recon.scope')}</Table.Th>
            <Table.Th>{t('recon.stateLabel')}</Table.Th>
          </>
        }
        renderRow={(s) => (
          <Table.Tr key={s.id}>
            <Table.Td>
              <Anchor component="button" type="button" onClick={() => navigate({ page: 'reconSession', id: s.id })}>
                {formatDateTime(s.startedAt, i18n.language)}
              </Anchor>
            </Table.Td>
            <Table.Td>{t(`recon.purpose.${s.purpose}`, { defaultValue: s.purpose })}</Table.Td>
            <Table.Td>{t(`recon.scopes.${s.scopeKind}`, { defaultValue: s.scopeKind })}</Table.Td>
            <Table.Td>
              <Badge color={s.endedAt ? 'teal' : 'orange'} variant="light">
                {s.endedAt ? t('recon.stateEnded') : t('recon.stateOpen')}
              </Badge>
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}

function StartForm({ purpose }: { purpose: ReconPurpose | undefined }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const { run, error, busy } = useMutation();
  const form = useForm<StartValues>({
    initialValues: { purpose: purpose ?? 'monthly', scopeKind: 'all', cabinetId: null, personId: null },
    validate: {
      cabinetId: (v, values) => (values.scopeKind === 'cabinet' ? chosen(t, t('recon.cabinet'))(v ?? '') : null),
      personId: (v, values) => (values.scopeKind === 'person' ? chosen(t, t('recon.person'))(v ?? '') : null),
    },
  });
  const scope = form.values.scopeKind;

  const submit = form.onSubmit(async (v) => {
    const scopeId = v.scopeKind === 'cabinet' ? v.cabinetId : v.scopeKind === 'person' ? v.personId : null;
    const done = await run(() => window.api.recon.start({ purpose: v.purpose, scopeKind: v.scopeKind, scopeId }));
    if (done) navigate({ page: 'reconSession', id: done.value.sessionId });
  }, focusFirstError);

  return (
    <PageFormCard title={t('recon.start')} onSubmit={submit} submitLabel={t('recon.startSubmit')} busy={busy} hint={t('recon.startHint')} error={error}>
      <Select
        label={t('recon.purposeLabel')}
        withAsterisk
        autoFocus
        allowDeselect={false}
        w={200}
        data={RECON_PURPOSES.map((p) => ({ value: p, label: t(`recon.purpose.${p}`) }))}
        {...form.getInputProps('purpose')}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('recon.scope')}
        </Text>
        <SegmentedControl
          aria-label={t('recon.scope')}
          data={SCOPES.map((s) => ({ value: s, label: t(`recon.scopes.${s}`) }))}
          {...form.getInputProps('scopeKind')}
        />
      </Stack>
      {scope === 'cabinet' && <CabinetSelect label={t('recon.cabinet')} withAsterisk w={240} {...form.getInputProps('cabinetId')} />}
      {scope === 'person' && <PersonSelect label={t('recon.person')} withAsterisk includeInactive w={240} {...form.getInputProps('personId')} />}
    </PageFormCard>
  );
}
