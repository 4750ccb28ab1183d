/** The carrier vocabularies the screens offer: the core's own lists (carrier-model.ts is pure). */
import type { Approval, Carrier, CarrierState } from '../../../src/ledger/carriers/carrier-model';
import type { DestroyInput } from '../../../src/ledger/carriers/carrier-commands-schema';
import type { Person } from '../../../src/ledger/people/people';
import type { InputOf } from '../../../src/api/contract';

export { LEVELS, LEVEL_LABELS, needsCopyNumbers, type Level } from '../../../src/ledger/classification/levels';

export { CARRIER_STATES, CARRIER_TYPES, SOURCES } from '../../../src/ledger/carriers/carrier-model';
export type CarrierType = Carrier['carrierType'];

export type ApproverRole = Approval['role'];
export { APPROVER_ROLES, DESTRUCTION_METHODS, TRANSFER_METHODS } from '../../../src/ledger/carriers/carrier-model';
export type DestructionMethod = DestroyInput['method'];
export type TransferMethod = InputOf<'carriers:distribute'>['transfer']['method'];

// people.ts (which has the core's list) writes to the database, so it is repeated here;
// a value the core does not know fails to compile, and a missing one too.
type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
const exhaustive = <All, Listed>(ok: Exhaustive<All, Listed>): void => void ok;

export type Clearance = Person['clearance'];
export const CLEARANCES = ['core', 'important', 'general'] as const satisfies readonly Clearance[];
exhaustive<Clearance, (typeof CLEARANCES)[number]>(true);

/** States in which an item is out of the cabinet with someone (and can be overdue). */
export const OUT_STATES: readonly CarrierState[] = ['lent', 'circulating', 'taken_out'];
