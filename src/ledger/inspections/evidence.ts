import dayjs from 'dayjs';
import { sql, sqlList } from '../../db/statements';
import type { BackupStatus } from '../../backup/backup-service';
import { LEVEL_LABELS, type Level } from '../classification/levels';
import { crossUseRefusals } from '../devices/device-queries';
import { MEDIUM_GONE_STATES } from '../devices/device-model';
import { carriersDueBy, dayBefore, lostMedia, mediaDueBy, missingCarriers, passwordsDueBy, termsEndingBy } from '../due/due-queries';
import { daysWithoutUsage } from '../devices/usage-commands';
import type { LedgerContext } from '../ledger-context';
import { holdingsOf } from '../people/departure';
import type { EVIDENCE_KEYS } from './templates';

export type EvidenceKey = (typeof EVIDENCE_KEYS)[number];

export interface EvidenceLink {
  type: 'carrier' | 'medium' | 'computer' | 'person' | 'finding' | 'backup';
  id: string;
  label: string;
}

export interface Evidence {
  count: number;
  summary: string;
  links: EvidenceLink[];
}

const MAX_LINKS = 50;
const ev = (summaryOf: (n: number) => string, links: EvidenceLink[]): Evidence => ({ count: links.length, summary: summaryOf(links.length), links: links.slice(0, MAX_LINKS) });

/**
 * What the ledger already knows for a month's inspection, item by item. Computed when the
 * run is created and refreshed while it is open; a signed run keeps what it was signed with.
 */
export function monthEvidence(ctx: LedgerContext, month: string, backup: BackupStatus | null): Record<EvidenceKey, Evidence> {
  const start = `${month}-01`;
  const monthEnd = dayjs(start).endOf('month').format('YYYY-MM-DD');
  const end = monthEnd < ctx.today ? monthEnd : ctx.today;
  const db = ctx.db;
  const rows = <T>(text: string, ...params: unknown[]) => sql(db, text).all(...params) as T[];
  const yesterday = dayBefore(ctx.today);

  const overdue = [
    ...carriersDueBy(db, yesterday).map((c) => ({ type: 'carrier' as const, id: c.id, label: `${c.number} ${c.title}（应还 ${c.due_on}）` })),
    ...mediaDueBy(db, yesterday).map((m) => ({ type: 'medium' as const, id: m.id, label: `${m.number}（应还 ${m.due_on}）` })),
  ];
  const review = termsEndingBy(db, dayjs(ctx.today).add(ctx.settings.reviewWarningDays, 'day').format('YYYY-MM-DD')).map((c) => ({ type: 'carrier' as const, id: c.id, label: `${c.number} ${c.title}（${c.expires_on} 到期）` }));
  const lost = [
    ...missingCarriers(db, ctx.today).map(({ id, number, lost_on, leak: l }) => ({
      type: 'carrier' as const,
      id,
      label: `${number}（${lost_on} 报告，${l?.treatedAsLeak ? '已视为泄密' : `${l?.deadline} 前未找到视为泄密`}）`,
    })),
    ...lostMedia(db, ctx.today).map((m) => ({ type: 'medium' as const, id: m.id, label: `${m.number}（${m.lost_on} 报告遗失）` })),
  ];
  const unused = rows<{ id: string; number: string }>(`SELECT id, number FROM computers WHERE state = 'in_use' ORDER BY number`)
    .map((c) => ({ c, days: daysWithoutUsage(ctx, { computerId: c.id, from: start, to: end }) }))
    .filter((x) => x.days.length > 0)
    .map(({ c, days }) => ({ type: 'computer' as const, id: c.id, label: `${c.number}：${days.length} 个工作日无使用登记` }));
  const passwords = passwordsDueBy(db, yesterday).map((c) => ({ type: 'computer' as const, id: c.id, label: `${c.number}：${c.password_due_on ? `口令应于 ${c.password_due_on} 更换` : '无口令更换记录'}` }));
  const notSighted = rows<{ id: string; number: string; level: Level }>(
    `SELECT id, number, level FROM media WHERE state NOT IN ${sqlList(MEDIUM_GONE_STATES)} AND id NOT IN (
       SELECT s.item_id FROM recon_scans s JOIN recon_sessions r ON r.id = s.session_id
       WHERE s.item_kind = 'medium' AND s.result = 'sighted' AND substr(s.at, 1, 7) = ?) ORDER BY number`,
    month,
  ).map((m) => ({ type: 'medium' as const, id: m.id, label: `${m.number}（${LEVEL_LABELS[m.level]}）本月未清点` }));
  const leavers = rows<{ id: string; name: string; left_on: string }>(`SELECT id, name, left_on FROM people WHERE left_on IS NOT NULL`)
    .map((p) => ({ p, n: holdingsOf(ctx, p.id).length }))
    .filter((x) => x.n > 0)
    .map(({ p, n }) => ({ type: 'person' as const, id: p.id, label: `${p.name}（${p.left_on} 离岗）名下仍有 ${n} 项` }));
  const crossUse = crossUseRefusals(db, start, monthEnd).map((e) => ({ type: 'medium' as const, id: e.entityId, label: String(e.payload.message ?? '') }));
  const openFindings = rows<{ id: string; text: string; deadline: string; month: string }>(
    `SELECT f.id, f.text, f.deadline, r.month FROM findings f JOIN inspection_runs r ON r.id = f.run_id WHERE f.state = 'open' AND r.month < ? ORDER BY f.deadline`,
    month,
  ).map((f) => ({ type: 'finding' as const, id: f.id, label: `${f.month}：${f.text}（整改期限 ${f.deadline}）` }));
  const backupLinks: EvidenceLink[] =
    backup && backup.lastBackupAt
      ? [{ type: 'backup', id: 'status', label: `最近备份 ${backup.lastBackupAt.slice(0, 10)}；最近校验 ${backup.lastVerifiedAt ? `${backup.lastVerifiedAt.slice(0, 10)} ${backup.lastVerifiedOk ? '通过' : '未通过'}` : '无'}` }]
      : [];

  return {
    overdue_loans: ev((n) => (n ? `${n} 件逾期未还` : '无逾期'), overdue),
    term_review: ev((n) => (n ? `${n} 件保密期限即将届满，需审核` : `${ctx.settings.reviewWarningDays} 天内无到期`), review),
    lost_items: ev((n) => (n ? `${n} 件下落不明` : '无下落不明'), lost),
    computers_without_usage: ev((n) => (n ? `${n} 台计算机有工作日缺少使用登记` : '使用登记完整'), unused),
    passwords_overdue: ev((n) => (n ? `${n} 台计算机口令逾期未换` : '口令均按期更换'), passwords),
    media_not_sighted: ev((n) => (n ? `${n} 个介质本月未清点` : '介质均已清点'), notSighted),
    leavers_holding: ev((n) => (n ? `${n} 名离岗人员仍持有涉密物品` : '离岗人员均已清退'), leavers),
    cross_use: ev((n) => (n ? `本月记录 ${n} 次交叉使用企图（已拒绝）` : '本月无交叉使用记录'), crossUse),
    open_findings: ev((n) => (n ? `${n} 项以前月份的问题尚未整改完毕` : '以前月份的问题均已整改'), openFindings),
    backup: backup && backup.lastBackupAt
      ? { count: backup.stale ? 1 : 0, summary: backup.stale ? `备份已超过 ${ctx.settings.backupMaxAgeDays} 天未校验成功` : `最近一次校验通过（${backup.ageDays} 天前）`, links: backupLinks }
      : { count: 1, summary: '无备份记录', links: [] },
  };
}
