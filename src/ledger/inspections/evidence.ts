import dayjs from 'dayjs';
import { sql, sqlList } from '../../db/statements';
import type { BackupStatus } from '../../backup/backup-service';
import { leakStatus } from '../carriers/carrier-queries';
import { ACTIVE, OUT_STATES, TERM_CLOSED_STATES } from '../carriers/carrier-states';
import { LEVEL_LABELS } from '../classification/levels';
import { crossUseRefusals } from '../devices/device-queries';
import { MEDIUM_ON_SHELF_STATES, MEDIUM_OUT_STATES } from '../devices/device-model';
import { dayBefore } from '../due/due-queries';
import { localDate, localMonth } from '../due/local-date';
import { daysWithoutUsage } from '../devices/usage-commands';
import type { LedgerContext } from '../ledger-context';
import { carriersAt, computersAt, mediaAt, type CarrierAt, type ComputerAt, type MediumAt } from './ledger-as-of';
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
 *
 * A month gone by is read as the ledger stood at its end, from the event log (the run for
 * November is often signed in December, when November's overdue loans are back); the
 * current month as it stands today, whose day is not over yet.
 */
export function monthEvidence(ctx: LedgerContext, month: string, backup: BackupStatus | null): Record<EvidenceKey, Evidence> {
  const start = `${month}-01`;
  const monthEnd = dayjs(start).endOf('month').format('YYYY-MM-DD');
  const closed = monthEnd < ctx.today;
  const day = closed ? monthEnd : ctx.today;
  // Still out after this day's end is overdue: today's due date can still be met.
  const lastDueDay = closed ? monthEnd : dayBefore(ctx.today);
  const reviewBy = dayjs(day).add(ctx.settings.reviewWarningDays, 'day').format('YYYY-MM-DD');
  const db = ctx.db;
  const rows = <T>(text: string, ...params: unknown[]) => sql(db, text).all(...params) as T[];

  const leaversSql = 'SELECT id FROM people WHERE left_on IS NOT NULL AND left_on <= ?';
  const carriers = carriersAt(
    db,
    day,
    `state IN ${sqlList([...OUT_STATES, 'missing'])} OR (expires_on IS NOT NULL AND expires_on <= ?) OR custodian_id IN (${leaversSql}) OR holder_id IN (${leaversSql})`,
    [reviewBy, day, day],
  );
  const media = mediaAt(db, day);
  const computers = computersAt(db, day);
  const by = <T>(key: (x: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));
  const isIn = (states: readonly string[]) => (x: { state: string }) => states.includes(x.state);

  const overdue = [
    ...carriers
      .filter((c) => isIn(OUT_STATES)(c) && c.dueOn !== null && c.dueOn <= lastDueDay)
      .sort(by((c) => `${c.dueOn} ${c.number}`))
      .map((c) => ({ type: 'carrier' as const, id: c.id, label: `${c.number} ${c.title}（应还 ${c.dueOn}）` })),
    ...media
      .filter((m) => isIn(MEDIUM_OUT_STATES)(m) && m.dueOn !== null && m.dueOn <= lastDueDay)
      .sort(by((m) => `${m.dueOn} ${m.number}`))
      .map((m) => ({ type: 'medium' as const, id: m.id, label: `${m.number}（应还 ${m.dueOn}）` })),
  ];
  const review = carriers
    .filter((c) => c.expiresOn !== null && c.expiresOn <= reviewBy && !isIn(TERM_CLOSED_STATES)(c))
    .sort(by((c) => `${c.expiresOn} ${c.number}`))
    .map((c) => ({ type: 'carrier' as const, id: c.id, label: `${c.number} ${c.title}（${c.expiresOn} 到期）` }));
  const lost = [
    ...carriers
      .filter((c) => c.state === 'missing')
      .sort(by((c) => c.number))
      .map((c) => {
        const l = leakStatus(c, day);
        return { type: 'carrier' as const, id: c.id, label: `${c.number}（${c.lostOn} 报告，${l?.treatedAsLeak ? '已视为泄密' : `${l?.deadline} 前未找到视为泄密`}）` };
      }),
    ...media.filter((m) => m.state === 'lost').map((m) => ({ type: 'medium' as const, id: m.id, label: `${m.number}（${m.lostOn} 报告遗失）` })),
  ];
  const unused = computers
    .filter((c) => c.state === 'in_use')
    .map((c) => ({ c, days: daysWithoutUsage(ctx, { computerId: c.id, from: start, to: day }) }))
    .filter((x) => x.days.length > 0)
    .map(({ c, days }) => ({ type: 'computer' as const, id: c.id, label: `${c.number}：${days.length} 个工作日无使用登记` }));
  const passwords = computers
    .filter((c) => c.state === 'in_use' && (c.passwordDueOn === null || c.passwordDueOn <= lastDueDay))
    .map((c) => ({ type: 'computer' as const, id: c.id, label: `${c.number}：${c.passwordDueOn ? `口令应于 ${c.passwordDueOn} 更换` : '无口令更换记录'}` }));
  const sighted = sightedMedia(ctx, month);
  // Lent or carried out, a medium cannot be on the shelf to be counted (as in the count itself).
  const away = media.filter(isIn(MEDIUM_OUT_STATES));
  const notSighted = media
    .filter((m) => isIn(MEDIUM_ON_SHELF_STATES)(m) && !sighted.has(m.id))
    .map((m) => ({ type: 'medium' as const, id: m.id, label: `${m.number}（${LEVEL_LABELS[m.level]}）本月未清点` }));
  const leavers = rows<{ id: string; name: string; left_on: string }>('SELECT id, name, left_on FROM people WHERE left_on IS NOT NULL AND left_on <= ? ORDER BY left_on, name', day)
    .map((p) => ({ p, n: holdingCount(p.id, carriers, media, computers) }))
    .filter((x) => x.n > 0)
    .map(({ p, n }) => ({ type: 'person' as const, id: p.id, label: `${p.name}（${p.left_on} 离岗）名下仍有 ${n} 项` }));
  const crossUse = crossUseRefusals(db, start, monthEnd).map((e) => ({ type: 'medium' as const, id: e.entityId, label: String(e.payload.message ?? '') }));
  // Open at the month's end: closed since, it was still to be rectified then.
  const openFindings = rows<{ id: string; text: string; deadline: string; month: string }>(
    `SELECT f.id, f.text, f.deadline, r.month FROM findings f JOIN inspection_runs r ON r.id = f.run_id
     WHERE (f.state = 'open' OR f.closed_on > ?) AND r.month < ? ORDER BY f.deadline`,
    day,
    month,
  ).map((f) => ({ type: 'finding' as const, id: f.id, label: `${f.month}：${f.text}（整改期限 ${f.deadline}）` }));
  const awayNote = away.length ? `；另有 ${away.length} 个借出或携带外出，不在柜中` : '';

  return {
    overdue_loans: ev((n) => (n ? `${n} 件逾期未还` : '无逾期'), overdue),
    term_review: ev((n) => (n ? `${n} 件保密期限即将届满，需审核` : `${ctx.settings.reviewWarningDays} 天内无到期`), review),
    lost_items: ev((n) => (n ? `${n} 件下落不明` : '无下落不明'), lost),
    computers_without_usage: ev((n) => (n ? `${n} 台计算机有工作日缺少使用登记` : '使用登记完整'), unused),
    passwords_overdue: ev((n) => (n ? `${n} 台计算机口令逾期未换` : '口令均按期更换'), passwords),
    media_not_sighted: ev((n) => `${n ? `${n} 个介质本月未清点` : '介质均已清点'}${awayNote}`, notSighted),
    leavers_holding: ev((n) => (n ? `${n} 名离岗人员仍持有涉密物品` : '离岗人员均已清退'), leavers),
    cross_use: ev((n) => (n ? `本月记录 ${n} 次交叉使用企图（已拒绝）` : '本月无交叉使用记录'), crossUse),
    open_findings: ev((n) => (n ? `${n} 项以前月份的问题尚未整改完毕` : '以前月份的问题均已整改'), openFindings),
    backup: backupEvidence(ctx, backup),
  };
}

/** Media sighted in a count during the month, by the officer's day of each scan. */
function sightedMedia(ctx: LedgerContext, month: string): Set<string> {
  const start = `${month}-01`;
  // Scans are stamped in UTC: take a day either side, then keep the month's own by local day.
  const from = dayBefore(start);
  const to = dayjs(start).endOf('month').add(2, 'day').format('YYYY-MM-DD');
  const scans = sql(ctx.db, "SELECT item_id, at FROM recon_scans WHERE item_kind = 'medium' AND result = 'sighted' AND at >= ? AND at < ?").all(from, to) as { item_id: string; at: string }[];
  return new Set(scans.filter((s) => localMonth(s.at) === month).map((s) => s.item_id));
}

/** What a person still had that day, counted as holdingsOf counts it now (R-14, R-28). */
function holdingCount(personId: string, carriers: CarrierAt[], media: MediumAt[], computers: ComputerAt[]): number {
  const outOrMissing: readonly string[] = [...OUT_STATES, 'missing'];
  const kept: readonly string[] = [...ACTIVE, 'missing'];
  return (
    carriers.filter((c) => (c.holderId === personId && outOrMissing.includes(c.state)) || (c.custodianId === personId && kept.includes(c.state))).length +
    media.filter((m) => (m.responsibleId === personId || m.holderId === personId) && m.state !== 'destroyed').length +
    computers.filter((c) => (c.responsibleId === personId || c.userId === personId) && c.state !== 'destroyed').length
  );
}

/**
 * D: the newest read-back decides. An older backup that passed does not make good a newer
 * one that failed: the medium or the copy may be bad, and the next restore would find out.
 */
function backupEvidence(ctx: LedgerContext, backup: BackupStatus | null): Evidence {
  if (!backup?.lastBackupAt) return { count: 1, summary: '无备份记录', links: [] };
  const verified = backup.lastVerifiedAt ? `${localDate(backup.lastVerifiedAt)} ${backup.lastVerifiedOk ? '通过' : '未通过'}` : '无';
  const links: EvidenceLink[] = [{ type: 'backup', id: 'status', label: `最近备份 ${localDate(backup.lastBackupAt)}；最近校验 ${verified}` }];
  if (backup.lastVerifiedOk === false) return { count: 1, summary: `最近一次读回校验未通过（${localDate(backup.lastVerifiedAt ?? backup.lastBackupAt)}）`, links };
  if (backup.stale) return { count: 1, summary: `备份已超过 ${ctx.settings.backupMaxAgeDays} 天未校验成功`, links };
  return { count: 0, summary: `最近一次校验通过（${backup.ageDays} 天前）`, links };
}
