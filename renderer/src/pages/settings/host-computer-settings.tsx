import { Button, Card, Group, Loader, Select, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../src/api/types';
import type { ComputerRow } from '../../../../src/ledger/devices/device-queries';
import { FormError } from '../../components/form-error';
import { ReadFailed } from '../../components/read-failed';
import { useDetail } from '../../hooks/use-detail';
import { useMutation } from '../../hooks/use-mutation';
import { notifySuccess } from '../../lib/notify';
import { useDirectory } from '../../shell/directory';
import { computerLabel } from '../devices/use-device-lists';

// Module-level, so useDetail reads once per mount (see useDetail).
const readComputers = () => window.api.computers.list();

// Mantine's clear button cannot be reached by Tab, so "not set" is also an option; no
// ledger id looks like this.
const NONE = '__none__';

// Main refuses these as 本机: no medium may be used on them.
const RETIRED: ReadonlySet<string> = new Set(['destroyed', 'pending_scrap']);

/**
 * 本机: the computer of the computers ledger this ledger runs on. Backup media are checked
 * against it; cleared, nothing is checked and the backup page says so.
 */
export function HostComputerSettings({ initial }: { initial: Settings }) {
  const { t } = useTranslation();
  const { settingsSaved } = useDirectory();
  const { run, error, busy } = useMutation();
  const { detail: computers, loadError, load } = useDetail(readComputers);
  const [value, setValue] = useState<string | null>(initial.hostComputerId);
  const [unchanged, setUnchanged] = useState(false);

  const option = (c: ComputerRow) => {
    const label = computerLabel(c, t(`level.${c.level}`));
    return { value: c.id, label: RETIRED.has(c.state) ? t('settings.host.retired', { label, state: t(`devices.computerState.${c.state}`) }) : label };
  };
  // A host retired since it was named stays listed, or the field would look unset.
  const listed = (computers ?? []).filter((c) => !RETIRED.has(c.state) || c.id === initial.hostComputerId).map(option);
  const data = [{ value: NONE, label: t('settings.host.clear') }, ...listed];

  const save = async () => {
    // Saving what is in force already would only add an empty entry to the audit chain.
    if (value === initial.hostComputerId) {
      setUnchanged(true);
      return;
    }
    const done = await run(() => window.api.settings.update({ hostComputerId: value }));
    if (!done) return;
    notifySuccess(t('settings.saved'));
    settingsSaved(done.value);
  };

  const body = () => {
    if (loadError) return <ReadFailed error={loadError} onRetry={() => void load()} testId="host-computers-failed" />;
    if (computers === null) return <Loader size="sm" aria-label={t('settings.host.loading')} />;
    return (
      <Select
        label={t('settings.host.label')}
        description={t('settings.host.hint')}
        placeholder={t('settings.host.placeholder')}
        searchable
        clearable
        data={data}
        value={value}
        onChange={(v) => {
          setValue(v === NONE ? null : v);
          setUnchanged(false);
        }}
        error={unchanged ? t('settings.unchanged') : null}
        nothingFoundMessage={t('settings.host.none')}
      />
    );
  };

  return (
    <Card withBorder>
      <form
        noValidate
        aria-label={t('settings.host.title')}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack>
          <Title order={4}>{t('settings.host.title')}</Title>
          {body()}
          <FormError error={error} />
          <Group>
            <Button type="submit" loading={busy} disabled={computers === null}>
              {t('settings.host.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
