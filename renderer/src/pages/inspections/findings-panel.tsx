import { Badge, Button, Card, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../../src/ledger/inspections/runs';
import { DateField } from '../../components/fields/date-field';
import { FormFooter } from '../../components/form-footer';
import { useMutation } from '../../hooks/use-mutation';
import { isIsoDate, today } from '../../lib/dates';
import { focusFirstError } from '../../lib/focus-first-error';
import { required, validDate } from '../../lib/form-rules';
import { notifySuccess } from '../../lib/notify';
import { PendingModal } from '../../components/action-modal';

interface FindingsPanelProps {
  title: string;
  findings: readonly Finding[];
  testId: string;
  empty: string;
  onClosed: () => void;
}

/**
 * Findings with their owner and 整改 deadline (red once passed). An open one is closed by
 * recording what was done (整改情况) and when; until then it carries over month by month.
 */
export function FindingsPanel({ title, findings, testId, empty, onClosed }: FindingsPanelProps) {
  const { t } = useTranslation();
  const [closing, setClosing] = useState<Finding | null>(null);
  const now = today();
  return (
    <Card withBorder data-testid={testId}>
      <Title order={4} mb="xs">
        {title}
      </Title>
      {findings.length === 0 ? (
        <Text c="dimmed" size="sm">
          {empty}
        </Text>
      ) : (
        <Table fz="sm" striped aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('finding.month')}</Table.Th>
              <Table.Th w={76}>{t('finding.item')}</Table.Th>
              <Table.Th>{t('finding.text')}</Table.Th>
              <Table.Th w={100}>{t('finding.owner')}</Table.Th>
              <Table.Th w={110}>{t('finding.deadline')}</Table.Th>
              <Table.Th w={220}>{t('finding.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {findings.map((f) => (
              <Table.Tr key={f.id} data-testid="finding-row">
                <Table.Td>{f.month}</Table.Td>
                <Table.Td ff="monospace">{f.itemId}</Table.Td>
                <Table.Td>{f.text}</Table.Td>
                <Table.Td>{f.owner.name}</Table.Td>
                <Table.Td c={f.state === 'open' && f.deadline < now ? 'red.8' : undefined} fw={f.state === 'open' && f.deadline < now ? 700 : undefined}>
                  {f.deadline}
                </Table.Td>
                <Table.Td>
                  {f.state === 'open' ? (
                    <Group gap="xs" wrap="nowrap">
                      <Badge color="red" variant="light">
                        {t('finding.open')}
                      </Badge>
                      <Button size="compact-xs" onClick={() => setClosing(f)}>
                        {t('finding.close')}
                      </Button>
                    </Group>
                  ) : (
                    <Stack gap={0}>
                      <Badge color="teal" variant="light">
                        {t('finding.closedOn', { date: f.closedOn ?? '' })}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {f.rectification}
                      </Text>
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <PendingModal opened={closing !== null} onClose={() => setClosing(null)} size="lg" title={t('finding.closeTitle')}>
        {closing && (
          <CloseFindingForm
            finding={closing}
            onCancel={() => setClosing(null)}
            onDone={() => {
              setClosing(null);
              notifySuccess(t('finding.closedDone', { text: closing.text }));
              onClosed();
            }}
          />
        )}
      </PendingModal>
    </Card>
  );
}

/** 整改关闭: the rectification and its date; Ctrl+Enter in the text submits as Enter elsewhere does. */
function CloseFindingForm({ finding, onCancel, onDone }: { finding: Finding; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { run, error, busy } = useMutation();
  const found = `${finding.month}-01`;
  const form = useForm({
    initialValues: { rectification: '', closedOn: today() },
    validate: {
      rectification: required(t, t('finding.rectification')),
      closedOn: (v: string) => validDate(t, t('finding.closedOnLabel'))(v) ?? (isIsoDate(v) && v < found ? t('finding.closedTooEarly', { date: found }) : null),
    },
  });
  const submit = form.onSubmit(async (v) => {
    const done = await run(() => window.api.inspections.closeFinding({ findingId: finding.id, closedOn: v.closedOn, rectification: v.rectification.trim() }));
    if (done) onDone();
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-label={t('finding.closeTitle')}>
      <Stack gap="sm">
        <Text size="sm">{t('finding.line', { text: finding.text, owner: finding.owner.name, deadline: finding.deadline })}</Text>
        <Textarea
          label={t('finding.rectification')}
          withAsterisk
          data-autofocus
          autosize
          minRows={2}
          maxLength={500}
          description={t('finding.ctrlEnter')}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
          {...form.getInputProps('rectification')}
        />
        <DateField label={t('finding.closedOnLabel')} withAsterisk {...form.getInputProps('closedOn')} />
        <FormFooter error={error} busy={busy} submitLabel={t('finding.closeSubmit')} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
