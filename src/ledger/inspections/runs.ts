import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { BackupStatus } from '../../backup/backup-service';
import { sql } from '../../db/statements';
import { AppError } from '../../errors/app-error';
import { localDate } from '../due/local-date';
import { checkDateOrder, checkNotFuture } from '../events/event-dates';
import { appendEvent, inLedgerTransaction } from '../events/event-store';
import type { LedgerContext } from '../ledger-context';
import { personRefSchema, samePerson, type PersonRef } from '../people/people';
import { activePerson } from '../people/person-checks';
import { checkPersonRefs } from '../rule-checks';
import { monthEvidence, type Evidence, type EvidenceKey } from './evidence';
import { currentTemplate, getTemplate, type Template } from './templates';
import { dateSchema as date, monthSchema as month, idSchema } from '../field-schemas';

const runId = idSchema;

export const createRunSchema = z.object({ month }).strict();
export const setResultSchema = z
  .object({
    runId,
    itemId: z.string().min(1).max(16),
    result: z.enum(['pass', 'fail', 'na']),
    note: z.string().trim().max(500).default(''),
    /** Required with 不符合: the finding, its owner and the 整改 deadline. */
    finding: z.object({ text: z.string().trim().min(1, '请填写发现的问题').max(300), owner: personRefSchema, deadline: date }).strict().nullish(),
  })
  .strict();
export const signRunSchema = z
  .object({ runId, signedOn: date, inspector: personRefSchema, user: personRefSchema, sectionHead: personRefSchema })
  .strict();
export const closeFindingSchema = z
  .object({ findingId: idSchema, closedOn: date, rectification: z.string().trim().min(1, '请填写整改情况').max(500) })
  .strict();

export interface Finding {
  id: string;
  runId: string;
  month: string;
  itemId: string;
  text: string;
  owner: PersonRef;
  deadline: string;
  state: 'open' | 'closed';
  closedOn: string | null;
  rectification: string | null;
}

export interface RunResult {
  itemId: string;
  result: 'pass' | 'fail' | 'na';
  note: string;
  eventId: number;
}

export interface RunDetail {
  id: string;
  month: string;
  state: 'open' | 'signed';
  template: Template;
  evidence: Partial<Record<EvidenceKey, Evidence>>;
  results: RunResult[];
  findings: Finding[];
  /** Findings of earlier months still open: they carry over until closed. */
  carriedOver: Finding[];
  signatures: { signedOn: string; inspector: PersonRef; user: PersonRef; sectionHead: PersonRef } | null;
}

type RunRow = { id: string; month: string; template_id: string; state: 'open' | 'signed'; evidence: string; signatures: string | null };
type FindingRow = { id: string; run_id: string; month: string; item_id: string; text: string; owner: string; deadline: string; state: 'open' | 'closed'; closed_on: string | null; rectification: string | null; created_at: string };
const toFinding = (r: FindingRow): Finding => ({ id: r.id, runId: r.run_id, month: r.month, itemId: r.item_id, text: r.text, owner: JSON.parse(r.owner) as PersonRef, deadline: r.deadline, state: r.state, closedOn: r.closed_on, rectification: r.rectification });
const FINDINGS = 'SELECT f.*, r.month FROM findings f JOIN inspection_runs r ON r.id = f.run_id';

function runRow(ctx: LedgerContext, id: string): RunRow {
  const r = sql(ctx.db, 'SELECT * FROM inspection_runs WHERE id = ?').get(id) as RunRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', '检查不存在');
  return r;
}

export function runDetail(ctx: LedgerContext, id: string, backup: () => BackupStatus | null): RunDetail {
  const r = runRow(ctx, id);
  const template = getTemplate(ctx.db, r.template_id);
  return {
    id: r.id,
    month: r.month,
    state: r.state,
    template,
    // An open run shows what the ledger says now; a signed one what it was signed with.
    evidence: r.state === 'open' ? monthEvidence(ctx, r.month, backup()) : (JSON.parse(r.evidence) as RunDetail['evidence']),
    results: (sql(ctx.db, 'SELECT item_id, result, note, event_id FROM inspection_results WHERE run_id = ?').all(id) as { item_id: string; result: RunResult['result']; note: string; event_id: number }[]).map((x) => ({ itemId: x.item_id, result: x.result, note: x.note, eventId: x.event_id })),
    findings: (sql(ctx.db, `${FINDINGS} WHERE f.run_id = ? ORDER BY f.created_at`).all(id) as FindingRow[]).map(toFinding),
    carriedOver: (sql(ctx.db, `${FINDINGS} WHERE f.state = 'open' AND r.month < ? ORDER BY f.deadline`).all(r.month) as FindingRow[]).map(toFinding),
    signatures: r.signatures ? (JSON.parse(r.signatures) as RunDetail['signatures']) : null,
  };
}

export const listRuns = (ctx: LedgerContext): { id: string; month: string; state: string }[] =>
  sql(ctx.db, 'SELECT id, month, state FROM inspection_runs ORDER BY month DESC').all() as { id: string; month: string; state: string }[];

/** One run per month, on the current template version, with the ledger's evidence. */
export function createRun(ctx: LedgerContext, input: unknown, backup: () => BackupStatus | null): RunDetail {
  const p = createRunSchema.parse(input);
  // A month's check describes that month: made in advance, it would clear the month on the
  // due list before anything in it had happened.
  const thisMonth = ctx.today.slice(0, 7);
  if (p.month > thisMonth) throw new AppError('VALIDATION', `${p.month} 尚未到来，不能提前建立该月的检查（本月为 ${thisMonth}）`);
  const template = currentTemplate(ctx);
  const id = randomUUID();
  inLedgerTransaction(ctx.db, () => {
    if (sql(ctx.db, 'SELECT 1 FROM inspection_runs WHERE month = ?').get(p.month)) throw new AppError('CONFLICT', `${p.month} 的检查已经创建`);
    // An open run's evidence is read live (runDetail); it is stored when the run is signed.
    sql(ctx.db, 'INSERT INTO inspection_runs (id, month, template_id, state, created_at, evidence) VALUES (?, ?, ?, ?, ?, ?)').run(id, p.month, template.id, 'open', ctx.at, '{}');
    appendEvent(ctx.db, ctx.at, ctx.actor, { entity: 'inspection', entityId: id, type: 'created', occurredOn: ctx.today, payload: { month: p.month, templateId: template.id, templateVersion: template.version }, subject: `${p.month} 月度检查` });
  });
  return runDetail(ctx, id, backup);
}

/** 符合 / 不符合 / 不适用; 不符合 opens a finding. A signed run takes corrections only. */
export function setResult(ctx: LedgerContext, input: unknown, opts: { correction?: boolean } = {}): RunResult {
  const p = setResultSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const r = runRow(ctx, p.runId);
    if (r.state === 'signed' && !opts.correction) throw new AppError('CONFLICT', '检查已签署，不能修改；如有错误请办理更正');
    if (r.state === 'open' && opts.correction) throw new AppError('CONFLICT', '检查尚未签署，直接修改即可');
    const template = getTemplate(ctx.db, r.template_id);
    if (!template.items.some((i) => i.id === p.itemId)) throw new AppError('VALIDATION', `检查项 ${p.itemId} 不在此检查表中`);
    if (p.result === 'fail' && !p.finding) throw new AppError('VALIDATION', '“不符合”须登记发现的问题、责任人和整改期限');
    const previous = sql(ctx.db, 'SELECT event_id FROM inspection_results WHERE run_id = ? AND item_id = ?').get(p.runId, p.itemId) as { event_id: number } | undefined;
    const event = appendEvent(ctx.db, ctx.at, ctx.actor, {
      entity: 'inspection',
      entityId: p.runId,
      type: opts.correction ? 'result_corrected' : 'result_recorded',
      occurredOn: ctx.today,
      payload: { itemId: p.itemId, result: p.result, note: p.note, finding: p.finding ?? null },
      corrects: opts.correction ? (previous?.event_id ?? null) : null,
      subject: `${r.month} ${p.itemId}`,
    });
    sql(ctx.db, `INSERT INTO inspection_results (run_id, item_id, result, note, event_id) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (run_id, item_id) DO UPDATE SET result = excluded.result, note = excluded.note, event_id = excluded.event_id`).run(p.runId, p.itemId, p.result, p.note, event.id);
    if (p.finding) recordFinding(ctx, r, p.itemId, p.finding);
    return { itemId: p.itemId, result: p.result, note: p.note, eventId: event.id };
  });
}

type NewFinding = { text: string; owner: PersonRef; deadline: string };

/**
 * Each problem found is a finding of its own, however many an item has. The same finding
 * sent again (a note saved on the item, 不符合 chosen again with the form as it was filled)
 * is the one already recorded; the same problem with another owner or deadline is refused,
 * since a finding, once recorded, is not rewritten.
 */
function recordFinding(ctx: LedgerContext, run: RunRow, itemId: string, f: NewFinding): void {
  const open = sql(ctx.db, "SELECT text, owner, deadline FROM findings WHERE run_id = ? AND item_id = ? AND state = 'open'").all(run.id, itemId) as Pick<FindingRow, 'text' | 'owner' | 'deadline'>[];
  const same = open.find((x) => x.text === f.text);
  if (same) {
    const owner = JSON.parse(same.owner) as PersonRef;
    if (samePerson(owner, f.owner) && same.deadline === f.deadline) return;
    throw new AppError('CONFLICT', `检查项 ${itemId} 已登记问题「${f.text}」（责任人 ${owner.name}，整改期限 ${same.deadline}），不能以不同的责任人或期限重复登记`);
  }
  checkPersonRefs(ctx.db, [f.owner]);
  if (f.owner.personId) activePerson(ctx.db, f.owner.personId, '整改责任人');
  const fid = randomUUID();
  sql(ctx.db, 'INSERT INTO findings (id, run_id, item_id, text, owner, deadline, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(fid, run.id, itemId, f.text, JSON.stringify(f.owner), f.deadline, 'open', ctx.at);
  appendEvent(ctx.db, ctx.at, ctx.actor, { entity: 'finding', entityId: fid, type: 'opened', occurredOn: ctx.today, payload: { runId: run.id, month: run.month, itemId, ...f }, subject: f.text });
}

/** A signed run is locked: every item answered, signed by inspector, user and section head. */
export function signRun(ctx: LedgerContext, input: unknown, backup: () => BackupStatus | null): RunDetail {
  const p = signRunSchema.parse(input);
  inLedgerTransaction(ctx.db, () => {
    const r = runRow(ctx, p.runId);
    if (r.state === 'signed') throw new AppError('CONFLICT', '检查已经签署');
    checkNotFuture(ctx, p.signedOn, '签署日期');
    if (p.signedOn < `${r.month}-01`) throw new AppError('VALIDATION', `签署日期 ${p.signedOn} 早于 ${r.month} 月的开始，不能在检查月份开始前签署`);
    // whoever signs is on the roll that day; a name without an id is someone outside it.
    checkPersonRefs(ctx.db, [p.inspector, p.user, p.sectionHead]);
    for (const [who, role] of [[p.inspector, '检查人'], [p.user, '使用人'], [p.sectionHead, '科室负责人']] as const) {
      if (who.personId) activePerson(ctx.db, who.personId, `${role}签署检查`, p.signedOn);
    }
    const template = getTemplate(ctx.db, r.template_id);
    const answered = new Set((sql(ctx.db, 'SELECT item_id FROM inspection_results WHERE run_id = ?').all(p.runId) as { item_id: string }[]).map((x) => x.item_id));
    const missing = template.items.filter((i) => !answered.has(i.id));
    if (missing.length) throw new AppError('VALIDATION', `还有 ${missing.length} 项未检查：${missing.slice(0, 5).map((i) => i.id).join('、')}`);
    const { runId: _id, ...signatures } = p;
    const evidence = monthEvidence(ctx, r.month, backup());
    sql(ctx.db, "UPDATE inspection_runs SET state = 'signed', signed_at = ?, signatures = ?, evidence = ? WHERE id = ?").run(ctx.at, JSON.stringify(signatures), JSON.stringify(evidence), p.runId);
    appendEvent(ctx.db, ctx.at, ctx.actor, { entity: 'inspection', entityId: p.runId, type: 'signed', occurredOn: p.signedOn, payload: signatures, subject: `${r.month} 月度检查` });
  });
  return runDetail(ctx, p.runId, backup);
}

/** 整改: a finding is closed with what was done; until then it appears in every later month. */
export function closeFinding(ctx: LedgerContext, input: unknown): Finding {
  const p = closeFindingSchema.parse(input);
  return inLedgerTransaction(ctx.db, () => {
    const f = sql(ctx.db, `${FINDINGS} WHERE f.id = ?`).get(p.findingId) as FindingRow | undefined;
    if (!f) throw new AppError('NOT_FOUND', '问题不存在');
    if (f.state === 'closed') throw new AppError('CONFLICT', '该问题已整改关闭');
    // Rectified means done: not on a day still to come, nor before the problem was recorded.
    checkNotFuture(ctx, p.closedOn, '整改完成日期');
    checkDateOrder({ date: localDate(f.created_at), what: '问题登记日期' }, { date: p.closedOn, what: '整改完成日期' });
    sql(ctx.db, "UPDATE findings SET state = 'closed', closed_on = ?, rectification = ? WHERE id = ?").run(p.closedOn, p.rectification, p.findingId);
    appendEvent(ctx.db, ctx.at, ctx.actor, { entity: 'finding', entityId: p.findingId, type: 'closed', occurredOn: p.closedOn, payload: { rectification: p.rectification }, subject: f.text });
    return toFinding({ ...f, state: 'closed', closed_on: p.closedOn, rectification: p.rectification });
  });
}

export const openFindings = (ctx: LedgerContext): Finding[] =>
  (sql(ctx.db, `${FINDINGS} WHERE f.state = 'open' ORDER BY f.deadline`).all() as FindingRow[]).map(toFinding);
