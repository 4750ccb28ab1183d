import type { Db } from '../db/open-database';
import { sql, sqlList } from '../db/statements';
import { TERM_CLOSED_STATES } from '../ledger/carriers/carrier-states';
import { LEVEL_LABELS } from '../ledger/classification/levels';
import { ruleError } from '../ledger/rule-checks';
import type { Settings } from './settings-schema';

const MAXIMA = [
  { key: 'maxTermYearsJuemi', level: 'juemi' },
  { key: 'maxTermYearsJimi', level: 'jimi' },
  { key: 'maxTermYearsMimi', level: 'mimi' },
] as const;

/**
 * a level's maximum term may not be lowered below the term of a carrier still under
 * it (not destroyed, returned or declassified): the ledger would then hold markings its
 * own rules call impossible, and printouts would show the lowered maximum beside them.
 * Raising, or lowering to a value every such carrier still fits, is allowed.
 */
export function checkTermMaximums(db: Db, before: Settings, after: Settings): void {
  const longer = sql(
    db,
    `SELECT COUNT(*) AS n, MAX(term_value) AS longest FROM carriers
     WHERE level = ? AND term_kind = 'years' AND term_value > ? AND state NOT IN ${sqlList(TERM_CLOSED_STATES)}`,
  );
  for (const { key, level } of MAXIMA) {
    const max = after[key];
    if (max >= before[key]) continue;
    const { n, longest } = longer.get(level, max) as { n: number; longest: number | null };
    if (n === 0) continue;
    const label = LEVEL_LABELS[level];
    throw ruleError(
      'R-03',
      `已有 ${n} 件${label}载体的保密期限超过 ${max} 年（最长 ${longest ?? max} 年），不能把${label}最长期限改为 ${max} 年；最低可改为 ${longest ?? max} 年`,
    );
  }
}
