import dayjs from 'dayjs';
import { AppError } from '../errors/app-error';
import type { Approval } from './approvals';
import { samePerson, type PersonRef } from './people/people';

/** A refused command names the rule it enforces, in the officer's language. */
export const ruleError = (rule: string, message: string): AppError =>
  new AppError('RULE_VIOLATION', `${rule}：${message}`, { rule });

/** a due date lies between the start and the unit's maximum. */
export function checkDue(rule: string, from: string, due: string, maxDays: number, what: string): void {
  if (dayjs(due).isBefore(dayjs(from), 'day')) throw ruleError(rule, `${what}的应还日期不能早于${what}日期`);
  if (dayjs(due).diff(dayjs(from), 'day') > maxDays) throw ruleError(rule, `${what}期限不得超过 ${maxDays} 天`);
}

export function checkApproverNotSelf(rule: string, approval: Approval, self: PersonRef, what: string): void {
  if (samePerson(approval.approver, self)) throw ruleError(rule, `${what}须经他人批准，批准人不能是${what}人本人`);
}

export function checkDistinctPeople(rule: string, people: PersonRef[], need: number, message: string): void {
  const distinct: PersonRef[] = [];
  for (const p of people) if (!distinct.some((d) => samePerson(d, p))) distinct.push(p);
  if (distinct.length < need) throw ruleError(rule, message);
}
