import dayjs from 'dayjs';
import type { Db } from '../db/open-database';
import { sql } from '../db/statements';
import { AppError } from '../errors/app-error';
import type { Approval } from './approvals';
import { samePerson } from './people/people';
import { sameName, type PersonRef } from './people/person-ref';

/** A refused command names the rule it enforces, in the officer's language. */
export const ruleError = (rule: string, message: string): AppError =>
  new AppError('RULE_VIOLATION', `${rule}：${message}`, { rule });

/** a due date lies between the start and the unit's maximum. */
export function checkDue(rule: string, from: string, due: string, maxDays: number, what: string): void {
  if (dayjs(due).isBefore(dayjs(from), 'day')) throw ruleError(rule, `${what}的应还日期不能早于${what}日期`);
  if (dayjs(due).diff(dayjs(from), 'day') > maxDays) throw ruleError(rule, `${what}期限不得超过 ${maxDays} 天`);
}

/** a carrier or medium taken out comes back no earlier than the day it left. */
export function checkReturnNotBeforeLeaving(leftOn: string, backOn: string): void {
  if (backOn < leftOn) throw ruleError('R-26', '返回日期不能早于外出日期');
}

export function checkApproverNotSelf(db: Db, rule: string, approval: Approval, self: PersonRef, what: string): void {
  checkPersonRefs(db, [approval.approver, self]);
  if (samePerson(approval.approver, self)) throw ruleError(rule, `${what}须经他人批准，批准人不能是${what}人本人`);
}

export function checkDistinctPeople(db: Db, rule: string, people: PersonRef[], need: number, message: string): void {
  checkPersonRefs(db, people);
  const distinct: PersonRef[] = [];
  for (const p of people) if (!distinct.some((d) => samePerson(d, p))) distinct.push(p);
  if (distinct.length < need) throw ruleError(rule, message);
}

/**
 * A reference that carries a person id must name that person: otherwise two references
 * with different ids and the same name (or an id borrowed from someone else) would pass
 * as two people where the rules ask for two, or as someone other than the
 * approver. The two checks above run it on the people they compare. References without an id are people outside the list (leaders,
 * the issuing authority) and are compared by name.
 */
export function checkPersonRefs(db: Db, refs: readonly (PersonRef | null | undefined)[]): void {
  for (const r of refs) {
    if (!r?.personId) continue;
    const listed = sql(db, 'SELECT name FROM people WHERE id = ?').get(r.personId) as { name: string } | undefined;
    if (!listed) throw new AppError('VALIDATION', `「${r.name}」不在人员名册中，请从名册中选择或只填写姓名`);
    if (!sameName(listed.name, r.name)) throw new AppError('VALIDATION', `人员编号与姓名不符：填写的是「${r.name}」，名册中为「${listed.name}」`);
  }
}
