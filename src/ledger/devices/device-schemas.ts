import { z } from 'zod';
import { LEVELS } from '../classification/levels';
import {
  approvalSchema,
  computerFieldsSchema,
  mediumFieldsSchema,
  personRefSchema,
} from './device-model';
import { dateSchema as date, idSchema as id, textSchema as text } from '../field-schemas';

/** Inputs of the computer and medium commands; the IPC contract uses the same schemas. */
const base = { occurredOn: date, note: text(200).default('') };
const timestamp = z.iso.datetime({ offset: true });

export const registerComputerSchema = z.object({ registeredOn: date, fields: computerFieldsSchema }).strict();
export const enableComputerSchema = z
  .object({ ...base, computerId: id, checkedOn: date, labelApplied: z.boolean(), level: z.enum(LEVELS) })
  .strict();
export const startUsageSchema = z
  .object({ computerId: id, userId: id, work: text(200).default(''), startedAt: timestamp.optional() })
  .strict();
export const endUsageSchema = z
  .object({
    computerId: id,
    endedAt: timestamp.optional(),
    work: text(200).optional(),
    highestLevel: z.enum(LEVELS),
    mediaIds: z.array(id).max(10).default([]),
    anomalies: text(200).default(''),
  })
  .strict();
export const logUsageSchema = startUsageSchema
  .extend({ startedAt: timestamp, endedAt: timestamp, highestLevel: z.enum(LEVELS), mediaIds: z.array(id).max(10).default([]), anomalies: text(200).default('') })
  .strict();
export const passwordChangedSchema = z
  .object({ ...base, computerId: id, length: z.number().int().min(1).max(128), meetsPolicy: z.boolean() })
  .strict();
export const startRepairSchema = z
  .object({
    ...base,
    computerId: id,
    mode: z.enum(['on_site', 'sent_out']),
    fault: z.string().trim().min(1, '请填写故障情况').max(200),
    repairer: z.string().trim().min(1, '请填写维修单位/人员').max(100),
    supervisor: personRefSchema.nullish(),
    approval: approvalSchema.nullish(),
    removedDiskSerials: z.array(z.string().trim().min(1).max(60)).max(8).default([]),
    diskKeptAt: text(100).default(''),
  })
  .strict();
export const finishRepairSchema = z
  .object({
    ...base,
    computerId: id,
    acceptedBy: personRefSchema,
    partsReplaced: text(200).default(''),
    partsDisposition: text(200).default(''),
    disksReinstalled: z.boolean().default(false),
  })
  .strict();
export const moveComputerSchema = z
  .object({ ...base, computerId: id, location: text(100).optional(), department: text(60).optional(), userId: id.nullish(), responsibleId: id.optional() })
  .strict();
export const raiseLevelSchema = z
  .object({ ...base, level: z.enum(LEVELS), reason: z.string().trim().min(1).max(200) })
  .strict();
export const raiseComputerLevelSchema = raiseLevelSchema.extend({ computerId: id }).strict();
export const raiseMediumLevelSchema = raiseLevelSchema.extend({ mediumId: id }).strict();
export const simpleComputerSchema = z.object({ ...base, computerId: id }).strict();
export const destroyDeviceSchema = z
  .object({
    ...base,
    approval: approvalSchema,
    place: z.string().trim().min(1, '请填写销毁地点（指定销毁点）').max(100),
    method: z.string().trim().min(1, '请填写销毁方式').max(60),
    handledBy: personRefSchema,
  })
  .strict();
export const destroyComputerSchema = destroyDeviceSchema.extend({ computerId: id }).strict();
export const destroyMediumSchema = destroyDeviceSchema.extend({ mediumId: id }).strict();

export const registerMediumSchema = z.object({ registeredOn: date, fields: mediumFieldsSchema }).strict();
export const issueMediumSchema = z
  .object({ ...base, mediumId: id, recipientId: id, recipientSigned: z.boolean(), pledgeOn: date })
  .strict();
export const bindMediumSchema = z.object({ ...base, mediumId: id, computerId: id }).strict();
export const lendMediumSchema = z
  .object({ ...base, mediumId: id, borrowerId: id, approval: approvalSchema, reason: z.string().trim().min(1).max(200), dueOn: date })
  .strict();
export const takeOutMediumSchema = z
  .object({ ...base, mediumId: id, bearerId: id, approval: approvalSchema, destination: z.string().trim().min(1).max(100), untilOn: date })
  .strict();
export const checkInMediumSchema = z.object({ ...base, mediumId: id, intact: z.boolean(), checkedBy: personRefSchema }).strict();
export const MEDIUM_OPERATIONS = ['read', 'write', 'copy_in', 'copy_out', 'burn'] as const;
export const MEDIUM_OPERATION_LABELS = { read: '读取', write: '写入', copy_in: '拷入', copy_out: '拷出', burn: '刻录' } as const;
export const recordMediumUseSchema = z
  .object({
    ...base,
    mediumId: id,
    /** A computer of the ledger, or null with `otherComputer` naming a computer that is not. */
    computerId: id.nullable(),
    otherComputer: text(100).default(''),
    operation: z.enum(MEDIUM_OPERATIONS),
    summary: z.string().trim().min(1, '请填写内容摘要').max(200),
    level: z.enum(LEVELS),
    approver: personRefSchema.nullish(),
    operator: personRefSchema,
  })
  .strict();
export const simpleMediumSchema = z.object({ ...base, mediumId: id }).strict();
export const lostMediumSchema = z
  .object({ ...base, mediumId: id, reportedTo: z.string().trim().min(1).max(100), circumstances: z.string().trim().min(1).max(500) })
  .strict();
export const usageBookQuerySchema = z.object({ computerId: id, year: z.number().int().min(2000).max(2100) }).strict();
export const missingUsageQuerySchema = z.object({ computerId: id, from: date, to: date }).strict();
export const deviceIdSchema = z.object({ id }).strict();
