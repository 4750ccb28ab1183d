import { AppError } from '../../errors/app-error';
import type { Settings } from '../../settings/settings-schema';
import { isHigher, LEVEL_LABELS, type Level } from '../classification/levels';
import { ruleError } from '../rule-checks';
import { COMPUTER_STATE_LABELS, MEDIUM_OUT_OF_USE_STATES, MEDIUM_STATE_LABELS, MEDIUM_STATES, type Computer, type ComputerState, type Medium, type MediumState } from './device-model';

export function checkComputerState(c: Computer, allowed: readonly ComputerState[], what: string): void {
  if (!allowed.includes(c.state)) {
    throw new AppError('CONFLICT', `涉密计算机 ${c.number} 当前状态为「${COMPUTER_STATE_LABELS[c.state]}」，不能办理「${what}」`);
  }
}

export function checkMediumState(m: Medium, allowed: readonly MediumState[], what: string): void {
  if (!allowed.includes(m.state)) {
    throw new AppError('CONFLICT', `介质 ${m.number} 当前状态为「${MEDIUM_STATE_LABELS[m.state]}」，不能办理「${what}」`);
  }
}

const USABLE: readonly MediumState[] = MEDIUM_STATES.filter((s) => !(MEDIUM_OUT_OF_USE_STATES as readonly MediumState[]).includes(s));

/**
 * no use is recorded of a medium that is lost, destroyed, awaiting destruction
 * or away for repair. A lost one has its own message: if it is in use it has been found,
 * and that is recorded first (which stops the R-30 timer), not hidden behind a use.
 */
export function checkMediumUsable(m: Medium): void {
  if (m.state === 'lost') throw ruleError('R-30', `介质 ${m.number} 已报告遗失，不能登记使用；如已找回，请先登记找回`);
  checkMediumState(m, USABLE, '使用');
}

/** a device's level is the highest it has ever held; it only rises. */
export function checkLevelRise(current: Level, next: Level, what: string): void {
  if (isHigher(current, next)) throw ruleError('R-04', `${what}的密级只能升高，不能由${LEVEL_LABELS[current]}降为${LEVEL_LABELS[next]}`);
  if (current === next) throw new AppError('VALIDATION', `${what}已是${LEVEL_LABELS[current]}级`);
}

export const passwordIntervalDays = (level: Level, s: Settings): number =>
  level === 'juemi' ? s.passwordIntervalDaysJuemi : level === 'jimi' ? s.passwordIntervalDaysJimi : s.passwordIntervalDaysMimi;

export const computerPasswordMinLength = (level: Level, s: Settings): number =>
  level === 'juemi' ? s.computerPasswordMinLengthJuemi : level === 'jimi' ? s.computerPasswordMinLengthJimi : s.computerPasswordMinLengthMimi;
