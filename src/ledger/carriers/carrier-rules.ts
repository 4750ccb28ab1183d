import { AppError } from '../../errors/app-error';
import type { Settings } from '../../settings/settings-schema';
import { LEVEL_LABELS, needsCopyNumbers, type Level } from '../classification/levels';
import type { Term } from '../classification/term';
import { STATE_LABELS, type Carrier } from './carrier-model';
import { ALLOWED_FROM, EVENT_LABELS, type TransitionType } from './carrier-states';
import { ruleError } from '../rule-checks';

export { checkApproverNotSelf, checkDistinctPeople, checkDue, ruleError } from '../rule-checks';

export { ALLOWED_FROM, EVENT_LABELS, NEXT_STATE, type TransitionType } from './carrier-states';

export function checkTransition(c: Carrier, type: TransitionType): void {
  if (!ALLOWED_FROM[type].includes(c.state)) {
    throw new AppError(
      'CONFLICT',
      `载体 ${c.number} 当前状态为「${STATE_LABELS[c.state]}」，不能办理「${EVENT_LABELS[type]}」`,
      { state: c.state, event: type },
    );
  }
}

const maxYears = (level: Exclude<Level, 'neibu'>, s: Settings): number =>
  ({ juemi: s.maxTermYearsJuemi, jimi: s.maxTermYearsJimi, mimi: s.maxTermYearsMimi })[level];

/** a stated term may not exceed the level's maximum; none stated means the maximum. */
export function resolveTerm(level: Level, term: Term | null | undefined, s: Settings): Term | null {
  if (level === 'neibu') return term ?? null;
  const max = maxYears(level, s);
  if (!term) return { kind: 'years', value: max };
  if (term.kind === 'years' && term.value > max) {
    throw ruleError('R-03', `${LEVEL_LABELS[level]}载体的保密期限不能超过 ${max} 年`);
  }
  return term;
}

export function checkCopyNumbers(level: Level, copyNumbers: string): void {
  if (needsCopyNumbers(level) && copyNumbers.trim() === '') {
    throw ruleError('R-02', `${LEVEL_LABELS[level]}载体必须登记份号`);
  }
}
