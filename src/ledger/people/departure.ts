import dayjs from 'dayjs';
import { z } from 'zod';
import { sql, sqlList } from '../../db/statements';
import { AppError } from '../../errors/app-error';
import type { Settings } from '../../settings/settings-schema';
import { appendEvent, inLedgerTransaction } from '../events/event-store';
import type { LedgerContext } from '../ledger-context';
import { ruleError } from '../rule-checks';
import { CLEARANCES, getPerson, type Person } from './people';
import { HELD_BY } from '../carriers/carrier-repo';
import { dateSchema as date, idSchema } from '../field-schemas';
import { OUT_STATES } from '../carriers/carrier-states';


export const updatePostSchema = z
  .object({
    personId: idSchema,
    occurredOn: date,
    department: z.string().trim().max(60).optional(),
    post: z.string().trim().max(60).optional(),
    /** 涉密等级: the level of the highest post held (S2/S4). */
    clearance: z.enum(CLEARANCES).optional(),
    pledgeOn: date.nullish(),
    onPostOn: date.nullish(),
  })
  .strict();

export const leaveSchema = z
  .object({ personId: idSchema, kind: z.enum(['left_post', 'left_unit']), approvedOn: date, note: z.string().trim().max(200).default('') })
  .strict();

export interface Holding {
  kind: 'carrier' | 'medium' | 'computer';
  id: string;
  number: string;
  title: string;
  level: string;
  how: 'custody' | 'on_loan' | 'responsible' | 'user';
}

/**
 * Everything a person still has: in custody, borrowed, carried out, or assigned to them.
 * What went missing (a 下落不明 carrier, a lost medium) in their keeping counts too: it is
 * not accounted for until found, so it keeps them from leaving.
 */
export function holdingsOf(ctx: Pick<LedgerContext, 'db'>, personId: string): Holding[] {
  const carriers = sql(
    ctx.db,
    `SELECT id, number, title, level, CASE WHEN holder_id = ? AND state IN ${sqlList([...OUT_STATES, 'missing'])} THEN 'on_loan' ELSE 'custody' END AS how
     FROM carriers WHERE ${HELD_BY} ORDER BY number`,
  ).all(personId, personId, personId) as Omit<Holding, 'kind'>[];
  const media = sql(
    ctx.db,
    `SELECT id, number, number AS title, level, CASE WHEN holder_id = ? THEN 'on_loan' ELSE 'responsible' END AS how
     FROM media WHERE (responsible_id = ? OR holder_id = ?) AND state <> 'destroyed' ORDER BY number`,
  ).all(personId, personId, personId) as Omit<Holding, 'kind'>[];
  const computers = sql(
    ctx.db,
    `SELECT id, number, location AS title, level, CASE WHEN responsible_id = ? THEN 'responsible' ELSE 'user' END AS how
     FROM computers WHERE (responsible_id = ? OR user_id = ?) AND state <> 'destroyed' ORDER BY number`,
  ).all(personId, personId, personId) as Omit<Holding, 'kind'>[];
  return [
    ...carriers.map((h) => ({ ...h, kind: 'carrier' as const })),
    ...media.map((h) => ({ ...h, kind: 'medium' as const })),
    ...computers.map((h) => ({ ...h, kind: 'computer' as const })),
  ];
}

/** the 脱密期 by the person's level (unit settings; defaults 3, 2, 1 years). */
export function declassEnd(clearance: Person['clearance'], approvedOn: string, s: Settings): string {
  const years = clearance === 'core' ? s.declassYearsCore : clearance === 'important' ? s.declassYearsImportant : s.declassYearsGeneral;
  return dayjs(approvedOn).add(years, 'year').format('YYYY-MM-DD');
}

const row = (p: Person) => ({ department: p.department, post: p.post, clearance: p.clearance, pledgeOn: p.pledgeOn, onPostOn: p.onPostOn });

export function updatePost(ctx: LedgerContext, input: unknown): Person {
  const p = updatePostSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const before = getPerson(ctx.db, p.personId);
    const after = {
      ...row(before),
      ...(p.department !== undefined ? { department: p.department } : {}),
      ...(p.post !== undefined ? { post: p.post } : {}),
      ...(p.clearance !== undefined ? { clearance: p.clearance } : {}),
      ...(p.pledgeOn !== undefined ? { pledgeOn: p.pledgeOn ?? null } : {}),
      ...(p.onPostOn !== undefined ? { onPostOn: p.onPostOn ?? null } : {}),
    };
    // An unchanged save (a stray Enter) would leave a permanent empty post_changed event.
    const was = row(before);
    if ((Object.keys(after) as (keyof typeof after)[]).every((k) => after[k] === was[k])) {
      throw new AppError('VALIDATION', `${before.name} 的岗位信息没有变化`);
    }
    appendEvent(ctx.db, ctx.at, ctx.actor, { entity: 'person', entityId: before.id, type: 'post_changed', occurredOn: p.occurredOn, payload: { before: was, after }, subject: before.name });
    sql(ctx.db, 'UPDATE people SET department = ?, post = ?, clearance = ?, pledge_on = ?, on_post_on = ? WHERE id = ?').run(
      after.department, after.post, after.clearance, after.pledgeOn, after.onPostOn, before.id,
    );
    return getPerson(ctx.db, before.id);
  });
}

/**
 * nobody leaves while holding anything: the refusal lists what is outstanding
 * (the handover list). R-12: the 脱密期 runs from the approved leaving date.
 */
export function leave(ctx: LedgerContext, input: unknown): Person {
  const p = leaveSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const person = getPerson(ctx.db, p.personId);
    if (person.leftOn && person.leaveKind === 'left_unit') throw new AppError('CONFLICT', `${person.name} 已办理离职`);
    const outstanding = holdingsOf(ctx, person.id);
    if (outstanding.length > 0) {
      const err = ruleError('R-14', `${person.name} 名下仍有 ${outstanding.length} 项涉密载体、介质或计算机未清退（${outstanding.slice(0, 5).map((h) => h.number).join('、')}${outstanding.length > 5 ? '等' : ''}），须先办理清退移交（R-28）`);
      throw new AppError(err.code, err.message, { rule: 'R-14', outstanding });
    }
    const until = declassEnd(person.clearance, p.approvedOn, ctx.settings);
    appendEvent(ctx.db, ctx.at, ctx.actor, { entity: 'person', entityId: person.id, type: p.kind, occurredOn: p.approvedOn, payload: { approvedOn: p.approvedOn, clearance: person.clearance, declassUntil: until, note: p.note }, subject: person.name });
    sql(ctx.db, 'UPDATE people SET left_on = ?, leave_kind = ?, declass_until = ?, active = ? WHERE id = ?').run(p.approvedOn, p.kind, until, p.kind === 'left_unit' ? 0 : 1, person.id);
    return getPerson(ctx.db, person.id);
  });
}
