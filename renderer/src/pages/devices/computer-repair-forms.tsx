import { Autocomplete, Checkbox, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ActionFormFrame, DateAndNote } from '../../components/event-forms/event-form-frame';
import { ApprovalFields, approvalDefaults, approvalRules, toApproval, useApprovalDateFollows, type ApprovalValues } from '../../components/fields/approval-fields';
import { PersonNameInput } from '../../components/fields/person-name-input';
import { useMutation } from '../../hooks/use-mutation';
import { today } from '../../lib/dates';
import { focusFirstError } from '../../lib/focus-first-error';
import { required, validDate } from '../../lib/form-rules';
import { toPersonRef } from '../../lib/person-ref';
import { useDirectory } from '../../shell/directory';
import { useLedger } from '../../shell/ledger-context';
import type { ComputerFormProps } from './computer-forms';
import { REPAIR_MODES, type RepairMode } from './device-enums';

interface RepairValues {
  mode: RepairMode;
  fault: string;
  repairer: string;
  supervisor: string;
  removed: string[];
  /** Serials typed in when the ledger has none registered for the computer. */
  typedSerials: string;
  diskKeptAt: string;
  occurredOn: string;
  note: string;
  approval: ApprovalValues;
}

const splitSerials = (s: string) => s.split(/[,，、\s]+/).map((x) => x.trim()).filter(Boolean);

/**
 * 维修: on site under a named supervisor, or sent out with approval and every hard
 * disk removed and kept; the disks are ticked off the ones registered for the computer.
 */
export function RepairForm({ computer, onDone, onCancel }: ComputerFormProps) {
  const { t } = useTranslation();
  const { people, cabinets } = useDirectory();
  const { run, error, busy } = useMutation();
  const on = today();
  const registered = computer.disks.map((d) => d.serial);
  const form = useForm<RepairValues>({
    initialValues: { mode: 'on_site', fault: '', repairer: '', supervisor: '', removed: [], typedSerials: '', diskKeptAt: '', occurredOn: on, note: '', approval: approvalDefaults('leader', on) },
    validate: (v) => {
      const base = {
        fault: required(t, t('computers.repair.fault'))(v.fault),
        repairer: required(t, t('computers.repair.repairer'))(v.repairer),
        occurredOn: validDate(t, t('computers.repair.occurredOn'))(v.occurredOn),
      };
      if (v.mode === 'on_site') return { ...base, supervisor: required(t, t('computers.repair.supervisor'))(v.supervisor) };
      const rules = approvalRules(t);
      const missing = registered.filter((s) => !v.removed.includes(s));
      return {
        ...base,
        'approval.approver': rules.approver(v.approval.approver),
        'approval.role': rules.role(v.approval.role),
        'approval.approvedOn': rules.approvedOn(v.approval.approvedOn),
        removed: registered.length > 0 && missing.length > 0 ? t('computers.repair.allDisks', { serials: missing.join('、') }) : null,
        typedSerials: registered.length === 0 && splitSerials(v.typedSerials).length === 0 ? t('computers.repair.serialsRequired') : null,
        diskKeptAt: required(t, t('computers.repair.diskKeptAt'))(v.diskKeptAt),
      };
    },
  });
  useApprovalDateFollows(form);
  const submit = form.onSubmit(async (v) => {
    const out = v.mode === 'sent_out';
    const done = await run(() =>
      window.api.computers.startRepair({
        computerId: computer.id,
        mode: v.mode,
        fault: v.fault.trim(),
        repairer: v.repairer.trim(),
        occurredOn: v.occurredOn,
        note: v.note,
        supervisor: !out ? toPersonRef(v.supervisor, people) : v.supervisor.trim() ? toPersonRef(v.supervisor, people) : null,
        approval: out ? toApproval(v.approval, people) : null,
        removedDiskSerials: out ? (registered.length ? v.removed : splitSerials(v.typedSerials)) : [],
        diskKeptAt: out ? v.diskKeptAt.trim() : '',
      }),
    );
    if (done) onDone();
  }, focusFirstError);
  const out = form.values.mode === 'sent_out';
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={t('computers.repair.submit')} onCancel={onCancel}>
      <SegmentedControl
        aria-label={t('computers.repair.mode')}
        data={REPAIR_MODES.map((m) => ({ value: m, label: t(`devices.repairMode.${m}`) }))}
        {...form.getInputProps('mode')}
      />
      <Group grow align="flex-start">
        <TextInput label={t('computers.repair.fault')} withAsterisk autoFocus maxLength={200} {...form.getInputProps('fault')} />
        <TextInput label={t('computers.repair.repairer')} withAsterisk maxLength={100} {...form.getInputProps('repairer')} />
        <PersonNameInput label={t('computers.repair.supervisor')} withAsterisk={!out} {...form.getInputProps('supervisor')} />
      </Group>
      <DateAndNote form={form} dateLabel={t('computers.repair.occurredOn')} />
      {out && (
        <Stack gap="xs">
          <Text size="sm" c="orange.8">
            {t('computers.repair.sentOutRule')}
          </Text>
          {registered.length > 0 ? (
            <Checkbox.Group label={t('computers.repair.removed')} withAsterisk {...form.getInputProps('removed')}>
              <Group gap="md" mt={4}>
                {computer.disks.map((d) => (
                  <Checkbox key={d.serial} value={d.serial} label={d.capacity ? `${d.serial}（${d.capacity}）` : d.serial} />
                ))}
              </Group>
            </Checkbox.Group>
          ) : (
            <TextInput label={t('computers.repair.typedSerials')} withAsterisk description={t('computers.repair.noDisks')} {...form.getInputProps('typedSerials')} />
          )}
          <Autocomplete
            label={t('computers.repair.diskKeptAt')}
            withAsterisk
            maxLength={100}
            data={cabinets.map((c) => c.name)}
            placeholder={t('computers.repair.keptPlaceholder')}
            {...form.getInputProps('diskKeptAt')}
          />
          <ApprovalFields form={form} />
        </Stack>
      )}
    </ActionFormFrame>
  );
}

/** 维修验收: who accepted the work, what was replaced and where the old parts went. */
export function FinishRepairForm({ computer, onDone, onCancel }: ComputerFormProps) {
  const { t } = useTranslation();
  const { people } = useDirectory();
  const { summary } = useLedger();
  const { run, error, busy } = useMutation();
  const form = useForm({
    initialValues: { acceptedBy: summary.officerName, partsReplaced: '', partsDisposition: '', disksReinstalled: computer.disks.length > 0, occurredOn: today(), note: '' },
    validate: { acceptedBy: required(t, t('computers.finish.acceptedBy')), occurredOn: validDate(t, t('computers.finish.occurredOn')) },
  });
  const submit = form.onSubmit(async (v) => {
    const done = await run(() =>
      window.api.computers.finishRepair({
        computerId: computer.id,
        acceptedBy: toPersonRef(v.acceptedBy, people),
        partsReplaced: v.partsReplaced.trim(),
        partsDisposition: v.partsDisposition.trim(),
        disksReinstalled: v.disksReinstalled,
        occurredOn: v.occurredOn,
        note: v.note,
      }),
    );
    if (done) onDone();
  }, focusFirstError);
  return (
    <ActionFormFrame onSubmit={submit} error={error} busy={busy} submitLabel={t('computers.finish.submit')} onCancel={onCancel}>
      <Group grow align="flex-start">
        <PersonNameInput label={t('computers.finish.acceptedBy')} withAsterisk autoFocus {...form.getInputProps('acceptedBy')} />
        <TextInput label={t('computers.finish.partsReplaced')} maxLength={200} {...form.getInputProps('partsReplaced')} />
        <TextInput label={t('computers.finish.partsDisposition')} maxLength={200} {...form.getInputProps('partsDisposition')} />
      </Group>
      <DateAndNote form={form} dateLabel={t('computers.finish.occurredOn')} />
      <Checkbox label={t('computers.finish.disksReinstalled')} {...form.getInputProps('disksReinstalled', { type: 'checkbox' })} />
    </ActionFormFrame>
  );
}
