import { sql } from '../../db/statements';
import { LEVEL_LABELS, type Level } from '../../ledger/classification/levels';
import { COMPUTER_KIND_LABELS, COMPUTER_STATE_LABELS } from '../../ledger/devices/device-model';
import { listComputers, type ComputerRow } from '../../ledger/devices/device-queries';
import { usageBook, type UsageEntry } from '../../ledger/devices/usage-commands';
import { byLevel, MEDIA_REGISTERS, period } from './media-registers';
import { deviceLines, field, lookup, seq, sig, type DeviceLine } from './register-rows';
import type { RegisterSpec } from './register-spec';

const hhmm = (iso: string | null) => (iso ? new Date(iso).toTimeString().slice(0, 5) : '');

const p = (l: DeviceLine, path: string) => field(l.event.payload, path);
const flags = (c: ComputerRow) =>
  [c.flags.hostAudit && '主机审计', c.flags.outreachMonitor && '违规外联监控', c.flags.wirelessRemoved && '无线已拆除', c.flags.cameraAudioDisabled && '音视频已禁用'].filter(Boolean).join('、');

/**
 * Registers 8-11 and 13 of DOMAIN §6, on the same machinery as the carrier registers; the
 * media ones (11 and 13) are in media-registers.ts.
 */
export const DEVICE_REGISTERS: RegisterSpec<never>[] = [
  {
    id: 'computers',
    snapshot: true,
    rows: (db, req, today) => listComputers(db, today).filter(byLevel(req.levels)),
    scope: (_db, _req, today) => `截至 ${today}`,
    definition: {
      title: '涉密计算机台账',
      orientation: 'landscape',
      fontPt: 7,
      level: (c: ComputerRow) => c.level,
      // 22 fields on one landscape page at 7pt: the enabling and check dates (R-31, set
      // together) share a column so that dates and numbers keep a line each.
      columns: [
        seq,
        { header: '设备编号', width: 8, value: (c: ComputerRow) => c.number },
        { header: '资产编号', width: 6, value: (c: ComputerRow) => c.assetNo },
        { header: '密级', width: 4, value: (c: ComputerRow) => LEVEL_LABELS[c.level] },
        { header: '类型', width: 4, value: (c: ComputerRow) => lookup(COMPUTER_KIND_LABELS, c.kind) },
        { header: '品牌型号', width: 7, value: (c: ComputerRow) => c.model },
        { header: '主机序列号', width: 7, value: (c: ComputerRow) => c.serial },
        { header: '硬盘序列号（容量）', width: 10, value: (c: ComputerRow) => c.disks.map((d) => `${d.serial}${d.capacity ? `（${d.capacity}）` : ''}`).join('、') },
        { header: 'MAC', width: 7, value: (c: ComputerRow) => c.mac },
        { header: '操作系统/安装日期', width: 8, value: (c: ComputerRow) => `${c.os} ${c.osInstalledOn ?? ''}`.trim() },
        { header: '责任人/使用人', width: 7, value: (c: ComputerRow) => [c.responsibleName, c.userName].filter(Boolean).join('／') },
        { header: '部门', width: 5, value: (c: ComputerRow) => c.department },
        { header: '放置地点', width: 6, value: (c: ComputerRow) => c.location },
        { header: '用途', width: 6, value: (c: ComputerRow) => c.purpose },
        { header: '启用/检测日期', width: 8, value: (c: ComputerRow) => (c.enabledOn || c.checkedOn ? `${c.enabledOn ?? '—'} ${c.checkedOn ?? '—'}` : '') },
        { header: '防护措施', width: 9, value: flags },
        { header: '专用外设', width: 8, value: (c: ComputerRow) => c.peripherals },
        { header: '鉴别方式', width: 6, value: (c: ComputerRow) => c.authMethod },
        { header: '口令更换', width: 8, value: (c: ComputerRow) => c.passwordChangedOn ?? '' },
        { header: '标识', width: 3, value: (c: ComputerRow) => (c.labelApplied ? '已贴' : '未贴') },
        { header: '状态', width: 4, value: (c: ComputerRow) => lookup(COMPUTER_STATE_LABELS, c.state) },
      ],
    },
  } as RegisterSpec<ComputerRow>,
  {
    id: 'usage',
    subject: 'computer',
    rows: (db, req) => {
      if (!req.subjectId) return [];
      const level = (sql(db, 'SELECT level FROM computers WHERE id = ?').get(req.subjectId) as { level: Level } | undefined)?.level ?? 'neibu';
      // Every book the dates touch, not just the first and last year's: a range over
      // three years printed the middle year's sessions as never having happened.
      const years = (sql(db, 'SELECT DISTINCT year FROM usage_log WHERE computer_id = ? AND work_date BETWEEN ? AND ? ORDER BY year').all(req.subjectId, req.from, req.to) as { year: number }[]).map((r) => r.year);
      return years
        .flatMap((year) => usageBook({ db }, { computerId: req.subjectId as string, year }))
        .filter((u) => u.workDate >= req.from && u.workDate <= req.to)
        // R-05, conservatively: the book of a computer is marked at the computer's level,
        // which bounds everything handled on it (R-04).
        .map((u) => ({ ...u, level }));
    },
    scope: (db, req) => {
      const c = req.subjectId ? (sql(db, 'SELECT number, location FROM computers WHERE id = ?').get(req.subjectId) as { number: string; location: string } | undefined) : undefined;
      return `${c ? `计算机 ${c.number}（${c.location}）　` : ''}${req.from} 至 ${req.to}`;
    },
    definition: {
      title: '涉密计算机使用登记簿',
      orientation: 'landscape',
      level: (u: UsageEntry & { level: Level }) => u.level,
      columns: [
        { header: '日期', width: 8, value: (u: UsageEntry) => u.workDate },
        { header: '开机', width: 5, value: (u: UsageEntry) => hhmm(u.startedAt) },
        { header: '关机', width: 5, value: (u: UsageEntry) => hhmm(u.endedAt) },
        { header: '使用人', width: 7, value: (u: UsageEntry) => u.userName },
        { header: '工作内容', width: 24, value: (u: UsageEntry) => u.work },
        { header: '最高密级', width: 6, value: (u: UsageEntry) => (u.highestLevel ? LEVEL_LABELS[u.highestLevel] : '') },
        { header: '使用介质', width: 12, value: (u: UsageEntry) => u.media.map((m) => m.number).join('、') },
        { header: '异常', width: 10, value: (u: UsageEntry) => u.anomalies },
        sig('签字'),
      ],
    },
  } as RegisterSpec<UsageEntry & { level: Level }>,
  {
    id: 'repairs',
    rows: (db, req) => deviceLines(db, 'computer', { ...period(req), types: ['repair_started'], closingTypes: ['repair_finished'] }),
    definition: {
      title: '涉密计算机维修审批登记表',
      orientation: 'landscape',
      fontPt: 8,
      level: (l: DeviceLine) => l.level,
      columns: [
        { header: '设备编号', width: 8, value: (l: DeviceLine) => l.number },
        { header: '密级', width: 4, value: (l: DeviceLine) => LEVEL_LABELS[l.level] },
        { header: '故障', width: 12, value: (l: DeviceLine) => p(l, 'fault') },
        { header: '现场/送修', width: 5, value: (l: DeviceLine) => (p(l, 'mode') === 'sent_out' ? '送修' : '现场') },
        { header: '批准人', width: 6, value: (l: DeviceLine) => p(l, 'approval.approver.name') },
        { header: '维修单位/人员', width: 10, value: (l: DeviceLine) => p(l, 'repairer') },
        { header: '监修人', width: 6, value: (l: DeviceLine) => p(l, 'supervisor.name') },
        { header: '起止时间', width: 12, value: (l: DeviceLine) => `${l.event.occurredOn} 至 ${l.closedBy?.occurredOn ?? ''}` },
        { header: '拆留硬盘序列号', width: 12, value: (l: DeviceLine) => `${p(l, 'removedDiskSerials')}${p(l, 'diskKeptAt') ? `（存${p(l, 'diskKeptAt')}）` : ''}` },
        { header: '更换部件去向', width: 10, value: (l: DeviceLine) => (l.closedBy ? `${field(l.closedBy.payload, 'partsReplaced')} ${field(l.closedBy.payload, 'partsDisposition')}`.trim() : '') },
        { header: '验收人', width: 6, value: (l: DeviceLine) => (l.closedBy ? field(l.closedBy.payload, 'acceptedBy.name') : '') },
      ],
    },
  } as RegisterSpec<DeviceLine>,
  ...MEDIA_REGISTERS,
] as unknown as RegisterSpec<never>[];
