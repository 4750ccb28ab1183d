import type { Db } from '../../db/open-database';
import { ruleError } from '../rule-checks';
import { getPerson, type Person } from './people';

/**
 * a person who has left the post or the unit (or is no longer on the roll)
 * is given nothing more: no item, no loan, no custody, no device. Without this the core
 * accepted whatever the renderer's picker let through, and a departed person could end up
 * holding items that the leaving rule had just made them hand back.
 *
 * `role` names what they would have become, for the message. `actedOn`, when given, is the
 * day a past act happened (a session entered afterwards): someone who left later may still
 * have done it before leaving. Commands that hand something over from now on omit it.
 */
export function activePerson(db: Db, id: string, role: string, actedOn?: string): Person {
  const p = getPerson(db, id);
  // Off the roll without a leaving date (older records): there is no day to compare, so never.
  const gone = p.leftOn ? actedOn === undefined || p.leftOn <= actedOn : !p.active;
  if (gone) {
    const how = p.leftOn ? `已于 ${p.leftOn} ${p.leaveKind === 'left_unit' ? '离职' : '离岗'}` : '已不在涉密人员名册中';
    throw ruleError('R-14', `${p.name}${how}，不能再作为${role}`);
  }
  return p;
}

