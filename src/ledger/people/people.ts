import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/open-database';
import { AppError } from '../../errors/app-error';
import { appendEvent, inLedgerTransaction } from '../events/event-store';
import { sql } from '../../db/statements';

/** 涉密等级 of a person: the level of the highest post held (S2/S4). */
export const CLEARANCES = ['core', 'important', 'general'] as const;
export const CLEARANCE_LABELS = { core: '核心', important: '重要', general: '一般' } as const;

export const personInputSchema = z
  .object({
    name: z.string().trim().min(1).max(40),
    department: z.string().trim().max(60).default(''),
    post: z.string().trim().max(60).default(''),
    clearance: z.enum(CLEARANCES),
  })
  .strict();
export type PersonInput = z.input<typeof personInputSchema>;

export interface Person {
  id: string;
  name: string;
  department: string;
  post: string;
  clearance: (typeof CLEARANCES)[number];
  active: boolean;
  /** 保密承诺书 signed on. */
  pledgeOn: string | null;
  onPostOn: string | null;
  /** Approved date of leaving the post or the unit, and which of the two. */
  leftOn: string | null;
  leaveKind: 'left_post' | 'left_unit' | null;
  /** End of the 脱密期. */
  declassUntil: string | null;
}

export { personRefSchema, samePerson, type PersonRef } from './person-ref';

export function registerPerson(db: Db, at: string, actor: string, input: PersonInput): Person {
  const p = personInputSchema.parse(input);
  const person: Person = { id: randomUUID(), ...p, active: true, pledgeOn: null, onPostOn: null, leftOn: null, leaveKind: null, declassUntil: null };
  inLedgerTransaction(db, () => {
    sql(db, 
      'INSERT INTO people (id, name, department, post, clearance, active, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)',
    ).run(person.id, p.name, p.department, p.post, p.clearance, at);
    appendEvent(db, at, actor, {
      entity: 'person',
      entityId: person.id,
      type: 'registered',
      occurredOn: at.slice(0, 10),
      payload: p,
      subject: p.name,
    });
  });
  return person;
}

interface PersonRow {
  id: string;
  name: string;
  department: string;
  post: string;
  clearance: Person['clearance'];
  active: number;
  pledge_on?: string | null;
  on_post_on?: string | null;
  left_on?: string | null;
  leave_kind?: Person['leaveKind'];
  declass_until?: string | null;
}
export const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  name: r.name,
  department: r.department,
  post: r.post,
  clearance: r.clearance,
  active: r.active === 1,
  pledgeOn: r.pledge_on ?? null,
  onPostOn: r.on_post_on ?? null,
  leftOn: r.left_on ?? null,
  leaveKind: r.leave_kind ?? null,
  declassUntil: r.declass_until ?? null,
});

export function listPeople(db: Db): Person[] {
  return (sql(db, 'SELECT * FROM people ORDER BY active DESC, name').all() as PersonRow[]).map(toPerson);
}

export function getPerson(db: Db, id: string): Person {
  const r = sql(db, 'SELECT * FROM people WHERE id = ?').get(id) as PersonRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', '人员不存在');
  return toPerson(r);
}
