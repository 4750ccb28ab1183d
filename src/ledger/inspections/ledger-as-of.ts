import type { Db } from '../../db/open-database';
import { sql, sqlList } from '../../db/statements';
import type { CarrierState } from '../carriers/carrier-model';
import { isOut, NEXT_STATE, type TransitionType } from '../carriers/carrier-states';
import type { Level } from '../classification/levels';
import type { ComputerState, MediumState } from '../devices/device-model';

/**
 * What the ledger said at the end of a past day, read from the event log: a month's
 * inspection signed in the next month describes that month, not the day it was signed. A
 * loan due 11-25 and returned 12-01 was overdue at the end of November, though the
 * projection (carriers, media, computers) no longer shows it.
 *
 * Only entities with a step dated after `day` are replayed; for every other one the
 * projection is already what it was that day (nothing is dated in the future). Corrections
 * are the truth about the step they correct, whenever entered: a due date corrected later
 * is applied to the loan it belongs to. Number, title, level and term come from the
 * projection: they are what the officer recognises the item by.
 */

export interface CarrierAt {
  id: string;
  number: string;
  title: string;
  level: Level;
  expiresOn: string | null;
  state: CarrierState;
  custodianId: string | null;
  holderId: string | null;
  dueOn: string | null;
  lostOn: string | null;
}

export interface MediumAt {
  id: string;
  number: string;
  level: Level;
  state: MediumState;
  responsibleId: string | null;
  holderId: string | null;
  dueOn: string | null;
  lostOn: string | null;
}

export interface ComputerAt {
  id: string;
  number: string;
  location: string;
  level: Level;
  state: ComputerState;
  responsibleId: string | null;
  userId: string | null;
  passwordDueOn: string | null;
}

const CARRIER_STARTS = ['received', 'registered', 'copy_created'];
// The steps that change what is read here (state, keeper, holder, due date); 'copied' and
// 'reclassified' change neither, uses and refusals are records, not steps.
const CARRIER_STEPS = [...CARRIER_STARTS, ...(Object.keys(NEXT_STATE) as TransitionType[]).filter((t) => t !== 'copied' && t !== 'reclassified')];
const MEDIUM_STEPS = ['registered', 'issued', 'lent', 'taken_out', 'returned', 'brought_back', 'repair_started', 'repair_finished', 'destruction_requested', 'destroyed', 'lost', 'found'];
const COMPUTER_STEPS = ['registered', 'enabled', 'repair_started', 'repair_finished', 'disabled', 'scrap_requested', 'destroyed', 'changed', 'password_changed'];

/** Entities of a kind with a step dated after the day: the ones the projection has moved past. */
const touched = (entity: string, steps: readonly string[]) =>
  `SELECT entity_id FROM events WHERE entity = '${entity}' AND corrects IS NULL AND type IN ${sqlList(steps)} AND occurred_on > ?`;

/** Their steps, oldest first, with what each says, for replaying. */
const stepsOf = (entity: string, steps: readonly string[], columns: string) =>
  `SELECT e.entity_id AS id, e.type, e.occurred_on AS day, e.corrects, ${columns} FROM events e
   WHERE e.entity = '${entity}' AND e.type IN ${sqlList(steps)} AND e.entity_id IN (${touched(entity, steps)})
   ORDER BY e.entity_id, e.id`;

type Step<T> = { id: string; type: string; day: string; corrects: number | null } & T;

function byEntity<R extends { id: string }>(rows: R[]): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of rows) {
    const list = out.get(r.id);
    if (list) list.push(r);
    else out.set(r.id, [r]);
  }
  return out;
}

/**
 * One kind of entity as it stood at the end of `day`: rows no step has touched since are
 * read as they are now; the others are replayed from their steps. `facts` are the columns
 * no step changes (number, level…), `life` what `replay` works out; `where` only narrows
 * the untouched rows, whose current state is their state then.
 */
interface Projection<St, Life> {
  entity: string;
  table: string;
  steps: readonly string[];
  facts: string;
  life: string;
  stepColumns: string;
  replay(steps: St[], day: string): Life | null;
}

function projectAt<Row extends { id: string }, St extends Step<unknown>, Life>(db: Db, day: string, p: Projection<St, Life>, where = '1 = 1', params: readonly unknown[] = []): Row[] {
  const kept = sql(db, `SELECT id, ${p.facts}, ${p.life} FROM ${p.table} WHERE (${where}) AND id NOT IN (${touched(p.entity, p.steps)})`).all(...params, day) as Row[];
  const steps = sql(db, stepsOf(p.entity, p.steps, p.stepColumns)).all(day) as St[];
  const facts = sql(db, `SELECT ${p.facts} FROM ${p.table} WHERE id = ?`);
  const replayed: Row[] = [];
  for (const [id, list] of byEntity(steps)) {
    const life = p.replay(list, day);
    const known = facts.get(id) as Omit<Row, 'id'> | undefined;
    if (life && known) replayed.push({ id, ...known, ...life } as unknown as Row);
  }
  return [...kept, ...replayed];
}

type CarrierStep = Step<{ custodian: string | null; recipient: string | null; to_id: string | null; holder: string | null; due: string | null; restored: CarrierState | null }>;
type CarrierLife = Pick<CarrierAt, 'state' | 'custodianId' | 'holderId' | 'dueOn' | 'lostOn'>;

function replayCarrier(steps: CarrierStep[], day: string): CarrierLife | null {
  let c: CarrierLife | null = null;
  for (const e of steps) {
    if (e.corrects !== null) {
      // A corrected due date belongs to the loan, circulation or trip under way then.
      if (c && isOut(c.state) && e.due) c.dueOn = e.due;
      continue;
    }
    if (e.day > day) break;
    if (CARRIER_STARTS.includes(e.type)) c = { state: 'in_store', custodianId: e.custodian, holderId: null, dueOn: null, lostOn: null };
    if (!c) continue;
    if (e.type === 'distributed') c.custodianId = e.recipient;
    else if (e.type === 'handed_over') c.custodianId = e.to_id;
    else if (e.type === 'lost') c = { ...c, state: 'missing', lostOn: e.day };
    else if (e.type === 'found') c = { ...c, state: e.restored ?? 'in_store', holderId: null, dueOn: null, lostOn: null };
    else {
      const to = NEXT_STATE[e.type as TransitionType] as CarrierState | 'same' | undefined;
      if (!to || to === 'same') continue;
      c = isOut(to) ? { ...c, state: to, holderId: e.holder, dueOn: e.due } : { ...c, state: to, holderId: null, dueOn: null };
    }
  }
  return c;
}

/**
 * Carriers as they stood at the end of `day`. `where` narrows the projection's rows (those
 * not replayed) to what the caller may need, as constant SQL with its parameters; every
 * replayed carrier is returned, for the caller to filter.
 */
export function carriersAt(db: Db, day: string, where: string, params: readonly unknown[]): CarrierAt[] {
  return projectAt<CarrierAt, CarrierStep, CarrierLife>(
    db,
    day,
    {
      entity: 'carrier',
      table: 'carriers',
      steps: CARRIER_STEPS,
      facts: 'number, title, level, expires_on AS expiresOn',
      life: 'state, custodian_id AS custodianId, holder_id AS holderId, due_on AS dueOn, lost_on AS lostOn',
      stepColumns: `json_extract(e.payload, '$.carrier.custodianId') AS custodian, json_extract(e.payload, '$.recipient.id') AS recipient,
       json_extract(e.payload, '$.to.id') AS to_id, json_extract(e.payload, '$.restoredState') AS restored,
       coalesce(json_extract(e.payload, '$.borrower.id'), json_extract(e.payload, '$.reader.id'), json_extract(e.payload, '$.bearer.id')) AS holder,
       coalesce(json_extract(e.payload, '$.dueOn'), json_extract(e.payload, '$.untilOn'), json_extract(e.payload, '$.after.dueOn')) AS due`,
      replay: replayCarrier,
    },
    where,
    params,
  );
}

type MediumStep = Step<{ responsible: string | null; recipient: string | null; holder: string | null; due: string | null; restored: MediumState | null }>;
type MediumLife = Pick<MediumAt, 'state' | 'responsibleId' | 'holderId' | 'dueOn' | 'lostOn'>;

function replayMedium(steps: MediumStep[], day: string): MediumLife | null {
  let m: MediumLife | null = null;
  let issued = false;
  for (const e of steps) {
    if (e.corrects !== null) continue;
    if (e.day > day) break;
    if (e.type === 'registered') m = { state: 'registered', responsibleId: e.responsible, holderId: null, dueOn: null, lostOn: null };
    if (!m) continue;
    const back = { holderId: null, dueOn: null };
    if (e.type === 'issued') {
      issued = true;
      m = { ...m, state: 'in_use', responsibleId: e.recipient };
    } else if (e.type === 'lent' || e.type === 'taken_out') m = { ...m, state: e.type, holderId: e.holder, dueOn: e.due };
    else if (e.type === 'returned' || e.type === 'brought_back' || e.type === 'repair_finished') m = { ...m, ...back, state: issued ? 'in_use' : 'registered' };
    else if (e.type === 'repair_started') m = { ...m, state: 'repair' };
    else if (e.type === 'destruction_requested') m = { ...m, state: 'pending_destruction' };
    else if (e.type === 'destroyed') m = { ...m, ...back, state: 'destroyed' };
    else if (e.type === 'lost') m = { ...m, state: 'lost', lostOn: e.day };
    else if (e.type === 'found') m = { ...m, ...back, state: e.restored ?? (issued ? 'in_use' : 'registered'), lostOn: null };
  }
  return m;
}

/** Every medium as it stood at the end of `day` (a unit has tens, not thousands). */
export function mediaAt(db: Db, day: string): MediumAt[] {
  return projectAt<MediumAt, MediumStep, MediumLife>(db, day, {
    entity: 'medium',
    table: 'media',
    steps: MEDIUM_STEPS,
    facts: 'number, level',
    life: 'state, responsible_id AS responsibleId, holder_id AS holderId, due_on AS dueOn, lost_on AS lostOn',
    stepColumns: `json_extract(e.payload, '$.fields.responsibleId') AS responsible, json_extract(e.payload, '$.recipient.id') AS recipient,
       coalesce(json_extract(e.payload, '$.borrower.id'), json_extract(e.payload, '$.bearer.id')) AS holder,
       coalesce(json_extract(e.payload, '$.dueOn'), json_extract(e.payload, '$.untilOn')) AS due, json_extract(e.payload, '$.restoredState') AS restored`,
    replay: replayMedium,
  }).sort((a, b) => a.number.localeCompare(b.number));
}

type ComputerStep = Step<{ responsible: string | null; user: string | null; new_responsible: string | null; user_changed: string | null; new_user: string | null; next_due: string | null }>;
type ComputerLife = Pick<ComputerAt, 'state' | 'responsibleId' | 'userId' | 'passwordDueOn'>;

function replayComputer(steps: ComputerStep[], day: string): ComputerLife | null {
  let c: ComputerLife | null = null;
  let enabled = false;
  for (const e of steps) {
    if (e.corrects !== null) continue;
    if (e.day > day) break;
    if (e.type === 'registered') c = { state: 'pending', responsibleId: e.responsible, userId: e.user, passwordDueOn: null };
    if (!c) continue;
    if (e.type === 'enabled') {
      enabled = true;
      c.state = 'in_use';
    } else if (e.type === 'repair_started') c.state = 'repair';
    else if (e.type === 'repair_finished') c.state = enabled ? 'in_use' : 'pending';
    else if (e.type === 'disabled') c.state = 'disabled';
    else if (e.type === 'scrap_requested') c.state = 'pending_scrap';
    else if (e.type === 'destroyed') c.state = 'destroyed';
    else if (e.type === 'password_changed') c.passwordDueOn = e.next_due;
    else if (e.type === 'changed') {
      if (e.new_responsible) c.responsibleId = e.new_responsible;
      // A change may clear the user (userId: null), which is not the same as leaving it.
      if (e.user_changed !== null) c.userId = e.new_user;
    }
  }
  return c;
}

/** Every computer as it stood at the end of `day`. */
export function computersAt(db: Db, day: string): ComputerAt[] {
  return projectAt<ComputerAt, ComputerStep, ComputerLife>(db, day, {
    entity: 'computer',
    table: 'computers',
    steps: COMPUTER_STEPS,
    facts: 'number, location, level',
    life: 'state, responsible_id AS responsibleId, user_id AS userId, password_due_on AS passwordDueOn',
    stepColumns: `json_extract(e.payload, '$.fields.responsibleId') AS responsible, json_extract(e.payload, '$.fields.userId') AS user,
       json_extract(e.payload, '$.after.responsibleId') AS new_responsible, json_type(e.payload, '$.after.userId') AS user_changed,
       json_extract(e.payload, '$.after.userId') AS new_user, json_extract(e.payload, '$.nextDueOn') AS next_due`,
    replay: replayComputer,
  }).sort((a, b) => a.number.localeCompare(b.number));
}
