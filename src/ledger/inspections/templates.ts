import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { sql } from '../../db/statements';
import type { Db } from '../../db/open-database';
import { AppError } from '../../errors/app-error';
import { appendEvent, inLedgerTransaction } from '../events/event-store';
import type { LedgerContext } from '../ledger-context';
import { DEFAULT_TEMPLATE_ITEMS, DEFAULT_TEMPLATE_NAME } from './default-template';

export const EVIDENCE_KEYS = [
  'overdue_loans',
  'term_review',
  'lost_items',
  'computers_without_usage',
  'passwords_overdue',
  'media_not_sighted',
  'leavers_holding',
  'cross_use',
  'open_findings',
  'backup',
] as const;

export const templateItemSchema = z
  .object({
    id: z.string().regex(/^[A-Z][0-9A-Za-z-]{1,15}$/),
    group: z.enum(['A', 'B', 'C', 'D', 'E', 'F']),
    text: z.string().trim().min(1).max(200),
    points: z.number().min(0).max(100).default(0),
    evidence: z.enum(EVIDENCE_KEYS).optional(),
  })
  .strict();
export type TemplateItem = z.output<typeof templateItemSchema>;

export interface Template {
  id: string;
  family: string;
  version: number;
  name: string;
  items: TemplateItem[];
  createdAt: string;
}

export const DEFAULT_FAMILY = 'monthly';

const toTemplate = (r: { id: string; family: string; version: number; name: string; items: string; created_at: string }): Template => ({
  id: r.id,
  family: r.family,
  version: r.version,
  name: r.name,
  items: JSON.parse(r.items) as TemplateItem[],
  createdAt: r.created_at,
});

export function listTemplates(db: Db): Template[] {
  return (sql(db, 'SELECT * FROM checklist_templates ORDER BY family, version DESC').all() as Parameters<typeof toTemplate>[0][]).map(toTemplate);
}

export function getTemplate(db: Db, id: string): Template {
  const r = sql(db, 'SELECT * FROM checklist_templates WHERE id = ?').get(id) as Parameters<typeof toTemplate>[0] | undefined;
  if (!r) throw new AppError('NOT_FOUND', '检查表模板不存在');
  return toTemplate(r);
}

/** The newest version of the monthly template, if one was ever written (reading writes nothing). */
export function latestTemplate(db: Db): Template | null {
  const r = sql(db, 'SELECT * FROM checklist_templates WHERE family = ? ORDER BY version DESC LIMIT 1').get(DEFAULT_FAMILY) as Parameters<typeof toTemplate>[0] | undefined;
  return r ? toTemplate(r) : null;
}

/** The newest version of the monthly template; the default one is written on first use. */
export function currentTemplate(ctx: LedgerContext): Template {
  return latestTemplate(ctx.db) ?? writeVersion(ctx, DEFAULT_TEMPLATE_NAME, DEFAULT_TEMPLATE_ITEMS, 'default');
}

function writeVersion(ctx: LedgerContext, name: string, items: TemplateItem[], origin: string): Template {
  const version = ((sql(ctx.db, 'SELECT max(version) AS v FROM checklist_templates WHERE family = ?').get(DEFAULT_FAMILY) as { v: number | null }).v ?? 0) + 1;
  const t: Template = { id: randomUUID(), family: DEFAULT_FAMILY, version, name, items, createdAt: ctx.at };
  return inLedgerTransaction(ctx.db, () => {
    sql(ctx.db, 'INSERT INTO checklist_templates (id, family, version, name, items, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(t.id, t.family, t.version, t.name, JSON.stringify(items), t.createdAt);
    appendEvent(ctx.db, ctx.at, ctx.actor, { entity: 'template', entityId: t.id, type: 'version_written', occurredOn: ctx.today, payload: { version, name, origin, items }, subject: `${name} v${version}` });
    return t;
  });
}

export const saveTemplateSchema = z
  .object({ name: z.string().trim().min(1).max(60), items: z.array(templateItemSchema).min(1).max(200) })
  .strict();

/** The unit's edited copy (items added, removed, reworded, given points) becomes a new version. */
export function saveTemplateVersion(ctx: LedgerContext, input: unknown): Template {
  const p = saveTemplateSchema.parse(input);
  const ids = p.items.map((i) => i.id);
  if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION', '检查项编号不能重复');
  currentTemplate(ctx);
  return writeVersion(ctx, p.name, p.items, 'edited');
}
