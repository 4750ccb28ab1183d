/**
 * The carrier vocabularies the screens offer. The core's own lists live in carrier-model.ts,
 * which also pulls in people.ts and with it node:crypto and the event store, so the
 * renderer cannot bundle it. The lists are repeated here, typed against the core's types
 * (a value the core does not know fails to compile), and carrier-enums.test.ts checks they
 * equal the core's lists exactly, in the same order.
 */
import type { Approval, Carrier, CarrierState, CarrierSource } from '../../../src/ledger/carriers/carrier-model';
import type { DestroyInput } from '../../../src/ledger/carriers/carrier-commands-schema';
import type { Person } from '../../../src/ledger/people/people';
import type { InputOf } from '../../../src/api/contract';

export { LEVELS, LEVEL_LABELS, needsCopyNumbers, type Level } from '../../../src/ledger/classification/levels';

type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
const exhaustive = <All, Listed>(ok: Exhaustive<All, Listed>): void => void ok;

export const CARRIER_STATES = [
  'in_store',
  'circulating',
  'lent',
  'taken_out',
  'pending_return',
  'returned',
  'archived',
  'pending_destruction',
  'destroyed',
  'declassified',
  'missing',
] as const satisfies readonly CarrierState[];
exhaustive<CarrierState, (typeof CARRIER_STATES)[number]>(true);

export type CarrierType = Carrier['carrierType'];
export const CARRIER_TYPES = ['paper', 'disc', 'magnetic', 'av', 'other'] as const satisfies readonly CarrierType[];
exhaustive<CarrierType, (typeof CARRIER_TYPES)[number]>(true);

export const SOURCES = ['received', 'self_made', 'copy', 'excerpt', 'compilation', 'print'] as const satisfies readonly CarrierSource[];
exhaustive<CarrierSource, (typeof SOURCES)[number]>(true);

export type ApproverRole = Approval['role'];
export const APPROVER_ROLES = ['leader', 'unit_head', 'originator', 'section_head'] as const satisfies readonly ApproverRole[];
exhaustive<ApproverRole, (typeof APPROVER_ROLES)[number]>(true);

export type DestructionMethod = DestroyInput['method'];
export const DESTRUCTION_METHODS = [
  'shredding',
  'pulping',
  'incineration',
  'degaussing',
  'physical_destruction',
] as const satisfies readonly DestructionMethod[];
exhaustive<DestructionMethod, (typeof DESTRUCTION_METHODS)[number]>(true);

export type TransferMethod = InputOf<'carriers:distribute'>['transfer']['method'];
export const TRANSFER_METHODS = ['by_hand', 'confidential_courier', 'ordinary_post'] as const satisfies readonly TransferMethod[];
exhaustive<TransferMethod, (typeof TRANSFER_METHODS)[number]>(true);

export type Clearance = Person['clearance'];
export const CLEARANCES = ['core', 'important', 'general'] as const satisfies readonly Clearance[];
exhaustive<Clearance, (typeof CLEARANCES)[number]>(true);

/** States in which an item is out of the cabinet with someone (and can be overdue). */
export const OUT_STATES: readonly CarrierState[] = ['lent', 'circulating', 'taken_out'];

/** States after which the item has left the unit's custody for good. */
export const FINAL_STATES: readonly CarrierState[] = ['destroyed', 'returned'];
