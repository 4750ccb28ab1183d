/**
 * The device vocabularies and state tables the screens need. The lists of states and kinds
 * are the core's own: device-model.ts brings in nothing Node-only, just pure core modules and
 * zod, which the bundle already has through carrier-model.ts (see carrier-enums.ts).
 */
import type { InputOf } from '../../../../src/api/contract';
import type { ComputerState, MediumState } from '../../../../src/ledger/devices/device-model';
import type { ComputerRow, MediumRow } from '../../../../src/ledger/devices/device-queries';

export { BACKUP_PURPOSE, COMPUTER_KINDS, COMPUTER_STATES, MEDIUM_KINDS, MEDIUM_STATES } from '../../../../src/ledger/devices/device-model';
export type ComputerKind = ComputerRow['kind'];
export type MediumKind = MediumRow['kind'];

// The operations live in device-schemas.ts, which would bring every command's schema into the
// bundle, and the repair modes only inside one of those schemas: both are repeated here, and a
// value the core does not know fails to compile, and a missing one too.
type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
const exhaustive = <All, Listed>(ok: Exhaustive<All, Listed>): void => void ok;

export type MediumOperation = InputOf<'media:recordUse'>['operation'];
export const MEDIUM_OPERATIONS = ['read', 'write', 'copy_in', 'copy_out', 'burn'] as const satisfies readonly MediumOperation[];
exhaustive<MediumOperation, (typeof MEDIUM_OPERATIONS)[number]>(true);

export type RepairMode = InputOf<'computers:startRepair'>['mode'];
export const REPAIR_MODES = ['on_site', 'sent_out'] as const satisfies readonly RepairMode[];
exhaustive<RepairMode, (typeof REPAIR_MODES)[number]>(true);

/** Computer actions, in the order their buttons are shown. */
export const COMPUTER_ACTIONS = [
  'enable',
  'logUsage',
  'passwordChanged',
  'startRepair',
  'finishRepair',
  'change',
  'raiseLevel',
  'disable',
  'requestScrap',
  'destroy',
] as const;
export type ComputerAction = (typeof COMPUTER_ACTIONS)[number];

/**
 * The states each command accepts (computer-commands.ts and usage-commands.ts check them
 * inline), so a button is offered only when main would accept it; main checks again.
 */
export const COMPUTER_ALLOWED: Record<ComputerAction, readonly ComputerState[]> = {
  enable: ['pending', 'disabled'],
  logUsage: ['in_use'],
  passwordChanged: ['in_use', 'pending', 'disabled', 'repair'],
  startRepair: ['in_use', 'disabled', 'pending'],
  finishRepair: ['repair'],
  change: ['in_use', 'disabled', 'pending'],
  raiseLevel: ['in_use', 'disabled', 'pending', 'repair'],
  disable: ['in_use'],
  requestScrap: ['in_use', 'disabled', 'pending', 'repair'],
  destroy: ['pending_scrap', 'disabled'],
};

export const computerActionsFor = (state: ComputerState): ComputerAction[] =>
  COMPUTER_ACTIONS.filter((a) => COMPUTER_ALLOWED[a].includes(state));

const ACTIVE: readonly MediumState[] = ['registered', 'in_use', 'lent', 'taken_out', 'repair', 'pending_destruction'];

export const MEDIUM_ACTIONS = [
  'checkIn',
  'markFound',
  'recordUse',
  'issue',
  'bind',
  'lend',
  'takeOut',
  'startRepair',
  'raiseLevel',
  'requestDestruction',
  'destroy',
  'reportLost',
] as const;
export type MediumAction = (typeof MEDIUM_ACTIONS)[number];

/** As COMPUTER_ALLOWED, for medium-commands.ts. */
export const MEDIUM_ALLOWED: Record<MediumAction, readonly MediumState[]> = {
  checkIn: ['lent', 'taken_out', 'repair'],
  markFound: ['lost'],
  recordUse: ['in_use', 'lent', 'taken_out'],
  issue: ['registered', 'in_use'],
  bind: ACTIVE,
  lend: ['in_use', 'registered'],
  takeOut: ['in_use'],
  startRepair: ['in_use', 'registered'],
  raiseLevel: ACTIVE,
  requestDestruction: ['in_use', 'registered', 'repair'],
  destroy: ['pending_destruction', 'registered', 'in_use'],
  reportLost: ACTIVE,
};

export const mediumActionsFor = (state: MediumState): MediumAction[] =>
  MEDIUM_ACTIONS.filter((a) => MEDIUM_ALLOWED[a].includes(state));

/** What 归还 means for a medium depends on why it was away. */
export const checkInKind = (state: MediumState): 'returned' | 'brought_back' | 'repair_finished' =>
  state === 'lent' ? 'returned' : state === 'taken_out' ? 'brought_back' : 'repair_finished';
