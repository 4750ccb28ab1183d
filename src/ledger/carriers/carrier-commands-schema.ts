import { z } from 'zod';
import { LEVELS } from '../classification/levels';
import { termSchema } from '../classification/term';
import { personRefSchema } from '../people/person-ref';
import {
  approvalSchema,
  carrierFieldsSchema,
  DESTRUCTION_METHODS,
  transferSchema,
} from './carrier-model';
import { dateSchema as date, idSchema as id, textSchema as text } from '../field-schemas';

/** Inputs of the carrier commands; the IPC contract uses these same schemas. */
export const receiveBatchSchema = z
  .object({
    receivedOn: date,
    receiverId: id,
    /** One delivery: every item is registered on the same receipt (batch). */
    items: z.array(carrierFieldsSchema).min(1).max(200),
  })
  .strict();

export const registerMadeSchema = z
  .object({ madeOn: date, source: z.enum(['self_made', 'print']), fields: carrierFieldsSchema })
  .strict();

const base = { carrierId: id, occurredOn: date, note: text(200).default('') };

export const distributeSchema = z
  .object({ ...base, recipientId: id, withinScope: z.boolean(), recipientSigned: z.boolean(), transfer: transferSchema })
  .strict();

export const circulateSchema = z.object({ ...base, readerId: id, dueOn: date }).strict();
export const lendSchema = z
  .object({ ...base, borrowerId: id, approval: approvalSchema, reason: z.string().trim().min(1, '请填写借阅事由').max(200), dueOn: date })
  .strict();
export const returnSchema = z
  .object({ ...base, intact: z.boolean(), checkedBy: personRefSchema })
  .strict();

export const copySchema = z
  .object({
    ...base,
    kind: z.enum(['copy', 'excerpt', 'compilation']),
    count: z.number().int().min(1).max(100),
    approval: approvalSchema,
    copyNumbers: z.array(text(20)).optional(),
    custodianId: id,
    cabinetId: id.nullish(),
    destination: text(100).default(''),
    applicant: personRefSchema,
    maker: personRefSchema,
  })
  .strict();

export const takeOutSchema = z
  .object({
    ...base,
    carrierPersonId: id,
    approval: approvalSchema,
    destination: z.string().trim().min(1, '请填写去向').max(100),
    reason: z.string().trim().min(1, '请填写事由').max(200),
    untilOn: date,
  })
  .strict();

export const reclassifySchema = z
  .object({
    ...base,
    level: z.enum(LEVELS),
    term: termSchema.nullable(),
    decidedBy: z.string().trim().min(1, '请填写作出决定的原定密机关').max(100),
    approval: approvalSchema,
    reason: z.string().trim().min(1).max(200),
  })
  .strict();

export const declassifySchema = z
  .object({
    ...base,
    basis: z.enum(['decision', 'term_expired']),
    decidedBy: z.string().trim().min(1, '请填写作出决定的原定密机关').max(100),
    approval: approvalSchema,
  })
  .strict();

export const simpleEventSchema = z.object(base).strict();

export const handoverSchema = z
  .object({
    occurredOn: date,
    fromId: id,
    toId: id,
    leader: personRefSchema,
    bothSigned: z.boolean(),
    note: text(200).default(''),
  })
  .strict();

export const returnToIssuerSchema = z
  .object({ ...base, receiver: personRefSchema, leader: personRefSchema, bothSigned: z.boolean() })
  .strict();

export const destroySchema = z
  .object({
    occurredOn: date,
    carrierIds: z.array(id).min(1).max(1000),
    reason: z.string().trim().min(1, '请填写销毁理由').max(200),
    applicant: personRefSchema,
    approval: approvalSchema,
    method: z.enum(DESTRUCTION_METHODS),
    place: z.string().trim().min(1, '请填写销毁地点').max(100),
    witnesses: z.array(personRefSchema).max(4),
    destroyer: personRefSchema,
    note: text(200).default(''),
  })
  .strict();

export const lostSchema = z
  .object({ ...base, reportedTo: z.string().trim().min(1, '请填写报告对象').max(100), circumstances: z.string().trim().min(1).max(500) })
  .strict();
export const foundSchema = z.object({ ...base, where: z.string().trim().min(1).max(200) }).strict();

const fields = carrierFieldsSchema.shape;

/**
 * Correctable carrier fields: what was typed wrong at registration or later. A patch holds
 * only the fields given, so the registration defaults are unwrapped: with them, correcting
 * one field set every text field left out (文号, 份号, 备注 ...) to ''.
 */
export const correctionSchema = z
  .object({
    carrierId: id,
    occurredOn: date,
    correctsEventId: z.number().int().positive(),
    reason: z.string().trim().min(1, '请填写更正理由').max(200),
    patch: z
      .object({
        docNo: fields.docNo.unwrap(),
        title: fields.title,
        carrierType: fields.carrierType,
        issuer: fields.issuer.unwrap(),
        level: fields.level,
        term: fields.term,
        classifiedOn: fields.classifiedOn,
        scope: fields.scope.unwrap(),
        copies: fields.copies,
        copyNumbers: fields.copyNumbers.unwrap(),
        pages: fields.pages,
        capacity: fields.capacity.unwrap(),
        classifier: fields.classifier.unwrap(),
        classifyBasis: fields.classifyBasis.unwrap(),
        cabinetId: fields.cabinetId,
        note: fields.note.unwrap(),
        dueOn: date,
      })
      .partial()
      .strict(),
  })
  .strict();

export type ReceiveBatchInput = z.input<typeof receiveBatchSchema>;
export type LendInput = z.input<typeof lendSchema>;
export type CopyInput = z.input<typeof copySchema>;
export type DestroyInput = z.input<typeof destroySchema>;

export const carrierIdSchema = z.object({ id }).strict();
export const personIdSchema = z.object({ personId: id }).strict();
