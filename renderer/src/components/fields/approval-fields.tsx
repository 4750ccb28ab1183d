import { Fieldset, Group, Select } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Approval } from '../../../../src/ledger/carriers/carrier-model';
import type { Person } from '../../../../src/ledger/people/people';
import { APPROVER_ROLES, type ApproverRole } from '../../lib/carrier-enums';
import { chosen, required, validDate } from '../../lib/form-rules';
import { toPersonRef } from '../../lib/person-ref';
import { DateField } from './date-field';
import { PersonNameInput } from './person-name-input';

export interface ApprovalValues {
  approver: string;
  role: ApproverRole | '';
  approvedOn: string;
}

export const approvalDefaults = (role: ApproverRole, on: string): ApprovalValues => ({ approver: '', role, approvedOn: on });

export const approvalRules = (t: TFunction) => ({
  approver: required(t, t('approval.approver')),
  role: chosen(t, t('approval.role')),
  approvedOn: validDate(t, t('approval.approvedOn')),
});

export const toApproval = (v: ApprovalValues, people: readonly Person[]): Approval => ({
  approver: toPersonRef(v.approver, people),
  role: v.role as ApproverRole,
  approvedOn: v.approvedOn,
  note: '',
});

/**
 * A backdated entry was usually approved on its own date, so the approval date follows
 * the event date for as long as the officer has not set it to something else.
 */
export function useApprovalDateFollows<T extends { occurredOn: string; approval: ApprovalValues }>(form: UseFormReturnType<T>): void {
  const occurredOn = form.values.occurredOn;
  const previous = useRef(occurredOn);
  useEffect(() => {
    if (occurredOn === previous.current) return;
    if (form.getValues().approval.approvedOn === previous.current) {
      // The path is fixed by T's constraint; @mantine/form cannot type it for a generic T.
      form.setFieldValue('approval.approvedOn' as never, occurredOn as never);
    }
    previous.current = occurredOn;
  }, [occurredOn, form]);
}

/** 审批: who approved, in which capacity (the rules ask for particular roles), and when. */
export function ApprovalFields<T extends { approval: ApprovalValues }>({
  form,
  legend,
}: {
  form: UseFormReturnType<T>;
  legend?: string;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={legend ?? t('approval.legend')} variant="filled" p="sm">
      <Group grow align="flex-start">
        <PersonNameInput label={t('approval.approver')} withAsterisk {...form.getInputProps('approval.approver')} />
        <Select
          label={t('approval.role')}
          withAsterisk
          allowDeselect={false}
          data={APPROVER_ROLES.map((r) => ({ value: r, label: t(`approverRole.${r}`) }))}
          {...form.getInputProps('approval.role')}
        />
        <DateField label={t('approval.approvedOn')} withAsterisk {...form.getInputProps('approval.approvedOn')} />
      </Group>
    </Fieldset>
  );
}
