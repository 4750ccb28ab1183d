import { Alert, Button, Checkbox, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportPending } from '../../components/action-modal';
import { FormError } from '../../components/form-error';
import { useMutation } from '../../hooks/use-mutation';

interface PruneConfirmProps {
  fsUuid: string;
  /** What main offered for deletion: the backups beyond the newest `keep`. */
  names: string[];
  keep: number;
  onPruned: (deleted: string[]) => void;
}

/**
 * Retention never deletes on its own: the older backups are listed, and only the
 * officer's tick plus a press of 删除旧备份 sends exactly those names to backup:prune.
 */
export function PruneConfirm({ fsUuid, names, keep, onPruned }: PruneConfirmProps) {
  const { t } = useTranslation();
  const { run, error, busy } = useMutation();
  useReportPending(busy);
  const [confirmed, setConfirmed] = useState(false);
  const [outcome, setOutcome] = useState<'kept' | 'deleted' | null>(null);
  const [deleted, setDeleted] = useState<string[]>([]);

  if (outcome === 'kept') {
    return (
      <Text size="sm" c="dimmed" data-testid="prune-kept">
        {t('backup.prune.kept')}
      </Text>
    );
  }
  if (outcome === 'deleted') {
    return (
      <Alert color="teal" variant="light" data-testid="prune-done">
        {t('backup.prune.done', { count: deleted.length })}
      </Alert>
    );
  }

  const prune = async () => {
    if (!confirmed) return;
    const done = await run(() => window.api.backup.prune({ fsUuid, names }));
    if (!done) return;
    setDeleted(done.value.deleted);
    setOutcome('deleted');
    onPruned(done.value.deleted);
  };

  return (
    <Stack gap="xs" data-testid="prune-confirm">
      <Title order={5}>{t('backup.prune.title')}</Title>
      <Text size="sm">{t('backup.prune.intro', { keep })}</Text>
      <List size="sm" ff="monospace" data-testid="prune-list">
        {names.map((n) => (
          <List.Item key={n}>{n}</List.Item>
        ))}
      </List>
      <Checkbox label={t('backup.prune.confirm', { count: names.length })} checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
      <FormError error={error} />
      <Group>
        <Button color="red" disabled={!confirmed} loading={busy} onClick={() => void prune()}>
          {t('backup.prune.submit')}
        </Button>
        <Button variant="default" disabled={busy} onClick={() => setOutcome('kept')}>
          {t('backup.prune.keep')}
        </Button>
      </Group>
    </Stack>
  );
}
