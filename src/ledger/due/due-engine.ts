import dayjs from 'dayjs';
import type { BackupStatus } from '../../backup/backup-service';
import { sql } from '../../db/statements';
import { cycles } from './cycles';
import { carriersDueBy, lostMedia, mediaDueBy, missingCarriers, passwordsDueBy, termsEndingBy } from './due-queries';
import type { LedgerContext } from '../ledger-context';
import { localDate } from './local-date';

export type Urgency = 'overdue' | 'due_soon' | 'upcoming';

export interface DueItem {
  kind: string;
  urgency: Urgency;
  title: string;
  /** The date it is (or was) due. */
  dueOn: string;
  rule: string;
  link: { type: 'carrier' | 'medium' | 'computer' | 'person' | 'inspection' | 'reconciliation' | 'finding' | 'backup'; id: string };
}

const SOON_DAYS = 7;
const ORDER: Record<Urgency, number> = { overdue: 0, due_soon: 1, upcoming: 2 };

/**
 * Everything due, in one place, for the home page and the inspection: loans and trips,
 * term expiry (R-03), 脱密期 ends (R-12), loss timers (R-30), the monthly, quarterly,
 * half-yearly and yearly cycles (DOMAIN §5), computer passwords, findings and backup age.
 * `ctx.today` is the clock: tests move it.
 */
export function dueItems(ctx: LedgerContext, backup: BackupStatus | null): DueItem[] {
  const today = dayjs(ctx.today);
  const urgency = (dueOn: string, soonDays = SOON_DAYS): Urgency =>
    dueOn < ctx.today ? 'overdue' : dayjs(dueOn).diff(today, 'day') <= soonDays ? 'due_soon' : 'upcoming';
  const rows = <T>(text: string, ...p: unknown[]) => sql(ctx.db, text).all(...p) as T[];
  const items: DueItem[] = [];
  const add = (i: DueItem) => items.push(i);

  const soon = today.add(SOON_DAYS, 'day').format('YYYY-MM-DD');
  for (const c of carriersDueBy(ctx.db, soon)) {
    const what = c.state === 'lent' ? '借阅' : c.state === 'circulating' ? '传阅' : '携带外出';
    add({ kind: 'loan', urgency: urgency(c.due_on), title: `${what}应还：${c.number} ${c.title}`, dueOn: c.due_on, rule: c.state === 'circulating' ? 'R-23' : c.state === 'lent' ? 'R-24' : 'R-26', link: { type: 'carrier', id: c.id } });
  }
  for (const m of mediaDueBy(ctx.db, soon)) {
    add({ kind: 'medium_loan', urgency: urgency(m.due_on), title: `介质应还：${m.number}`, dueOn: m.due_on, rule: 'R-35', link: { type: 'medium', id: m.id } });
  }
  for (const c of termsEndingBy(ctx.db, today.add(ctx.settings.reviewWarningDays, 'day').format('YYYY-MM-DD'))) {
    add({ kind: 'term', urgency: urgency(c.expires_on, 30), title: `保密期限届满，需审核：${c.number} ${c.title}`, dueOn: c.expires_on, rule: 'R-03', link: { type: 'carrier', id: c.id } });
  }
  const losses = [
    ...missingCarriers(ctx.db, ctx.today).map((c) => ({ ...c, type: 'carrier' as const, what: '', missing: '下落不明' })),
    ...lostMedia(ctx.db, ctx.today).map((m) => ({ ...m, type: 'medium' as const, what: '介质 ', missing: '介质遗失' })),
  ];
  for (const { id, number, leak: l, type, what, missing } of losses) {
    if (!l) continue;
    add({ kind: 'loss', urgency: l.treatedAsLeak ? 'overdue' : 'due_soon', title: l.treatedAsLeak ? `已视为泄密：${what}${number}，调查须于 ${l.investigationDue} 前结束` : `${missing}：${number}，${l.deadline} 前未找到即视为泄密`, dueOn: l.treatedAsLeak ? l.investigationDue : l.deadline, rule: 'R-30', link: { type, id } });
  }
  for (const p of rows<{ id: string; name: string; declass_until: string }>(`SELECT id, name, declass_until FROM people WHERE declass_until IS NOT NULL AND declass_until <= ?`, today.add(30, 'day').format('YYYY-MM-DD'))) {
    if (p.declass_until < today.subtract(30, 'day').format('YYYY-MM-DD')) continue;
    add({ kind: 'declass', urgency: p.declass_until <= ctx.today ? 'due_soon' : 'upcoming', title: `脱密期${p.declass_until <= ctx.today ? '已' : '将'}届满：${p.name}`, dueOn: p.declass_until, rule: 'R-12', link: { type: 'person', id: p.id } });
  }
  for (const c of passwordsDueBy(ctx.db, today.add(3, 'day').format('YYYY-MM-DD'))) {
    add({ kind: 'password', urgency: c.password_due_on ? urgency(c.password_due_on, 3) : 'overdue', title: c.password_due_on ? `计算机 ${c.number} 口令应于 ${c.password_due_on} 更换` : `计算机 ${c.number} 没有口令更换记录`, dueOn: c.password_due_on ?? ctx.today, rule: 'R-10', link: { type: 'computer', id: c.id } });
  }
  for (const f of rows<{ id: string; text: string; deadline: string }>(`SELECT id, text, deadline FROM findings WHERE state = 'open'`)) {
    add({ kind: 'finding', urgency: urgency(f.deadline), title: `整改：${f.text}`, dueOn: f.deadline, rule: '§7', link: { type: 'finding', id: f.id } });
  }
  cycles(ctx, add, urgency);
  // The newest read-back decides: a failed one is not made good by an older backup that passed.
  if (!backup || backup.stale || backup.lastVerifiedOk === false) {
    const title = backup?.lastVerifiedOk === false
      ? `备份：最近一次读回校验未通过（${backup.lastVerifiedAt ? localDate(backup.lastVerifiedAt) : '日期不详'}），须重新备份并校验`
      : `备份：${!backup?.lastBackupAt ? '无备份记录' : backup.ageDays === null ? '尚无试恢复校验通过的备份' : `最近一次校验通过的备份已是 ${backup.ageDays} 天前`}（要求 ${ctx.settings.backupMaxAgeDays} 天内）`;
    add({ kind: 'backup', urgency: 'overdue', title, dueOn: ctx.today, rule: 'R-05', link: { type: 'backup', id: 'status' } });
  }
  return items.sort((a, b) => ORDER[a.urgency] - ORDER[b.urgency] || a.dueOn.localeCompare(b.dueOn));
}
