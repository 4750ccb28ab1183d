import { z } from 'zod';
import { personRefSchema } from './people/person-ref';
import { dateSchema } from './field-schemas';

/** Roles whose approval the rules ask for: name who must approve 绝密. */
export const APPROVER_ROLES = ['leader', 'unit_head', 'originator', 'section_head'] as const;
export const APPROVER_ROLE_LABELS: Record<(typeof APPROVER_ROLES)[number], string> = {
  leader: '主管领导',
  unit_head: '单位主要负责人',
  originator: '原定密机关/发文机关',
  section_head: '部门负责人',
};

export const approvalSchema = z
  .object({
    approver: personRefSchema,
    role: z.enum(APPROVER_ROLES),
    approvedOn: dateSchema,
    note: z.string().trim().max(200).default(''),
  })
  .strict();
export type Approval = z.output<typeof approvalSchema>;
