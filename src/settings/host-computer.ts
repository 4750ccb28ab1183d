import type { Db } from '../db/open-database';
import { sql } from '../db/statements';
import { AppError } from '../errors/app-error';
import { COMPUTER_STATE_LABELS, type Computer } from '../ledger/devices/device-model';
import { getComputer } from '../ledger/devices/device-repo';
import type { Settings } from './settings-schema';

/** States in which a computer may no longer have media used on it (R-36, as crossUseViolation). */
const RETIRED: readonly Computer['state'][] = ['destroyed', 'pending_scrap'];

/**
 * 本机 as the ledger knows it, or null when the officer has not named it. A named id that
 * is not in the ledger (it cannot be saved so, see checkHostComputer) also gives null, which
 * crossUseViolation treats as a non-classified computer: refusing is the safe side.
 */
export function hostComputer(db: Db, settings: Settings): { computer: Computer | null } | null {
  const id = settings.hostComputerId;
  if (!id) return null;
  return { computer: sql(db, 'SELECT 1 FROM computers WHERE id = ?').get(id) ? getComputer(db, id) : null };
}

/**
 * 本机 must be a computer of the ledger still in service; a retired one would refuse
 * every backup medium. Only a change is checked, so a host scrapped since it was named
 * does not block saving other settings (the backup page then shows the refusal).
 */
export function checkHostComputer(db: Db, before: Settings, after: Settings): void {
  const id = after.hostComputerId;
  if (id === null || id === before.hostComputerId) return;
  if (!sql(db, 'SELECT 1 FROM computers WHERE id = ?').get(id)) {
    throw new AppError('VALIDATION', '本机必须是计算机台账中登记的涉密计算机：未找到所选计算机');
  }
  const c = getComputer(db, id);
  if (RETIRED.includes(c.state)) {
    throw new AppError('VALIDATION', `计算机 ${c.number} 当前状态为「${COMPUTER_STATE_LABELS[c.state]}」，不能设为本机`);
  }
}
