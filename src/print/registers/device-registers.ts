import { sql } from '../../db/statements';
import { LEVEL_LABELS, type Level } from '../../ledger/classification/levels';
import { COMPUTER_KIND_LABELS, COMPUTER_STATE_LABELS, MEDIUM_KIND_LABELS, MEDIUM_STATE_LABELS } from '../../ledger/devices/device-model';
import { MEDIUM_OPERATION_LABELS } from '../../ledger/devices/device-schemas';
import { listComputers, listMedia, type ComputerRow, type MediumRow } from '../../ledger/devices/device-queries';
import { usageBook, type UsageEntry } from '../../ledger/devices/usage-commands';
import type { ParsedPrintRequest } from '../print-types';
import { deviceLines, field, lookup, seq, sig, type DeviceLine } from './register-rows';
import type { RegisterSpec } from './register-spec';

/** Registers 8-11 and 13 of DOMAIN §6, on the same machinery as the carrier registers. */
const byLevel = (levels: Level[]) => (x: { level: Level }) => levels.length === 0 || levels.includes(x.level);
const period = (req: ParsedPrintRequest) => ({ from: req.from, to: req.to, levels: req.levels });
const hhmm = (iso: string | null) => (iso ? new Date(iso).toTimeString().slice(0, 5) : '');

const p = (l: DeviceLine, path: string) => field(l.event.payload, path);
const flags = (c: ComputerRow) =>
  [c.flags.hostAudit && '主机审计', c.flags.outreachMonitor && '违规外联监控', c.flags.wirelessRemoved && '无线已拆除', c.flags.cameraAudioDisabled && '音视频已禁用'].filter(Boolean).join('、');

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
      columns: [
        seq,
        { header: '设备编号', width: 8, value: (c: ComputerRow) => c.number },
        { header: '资产编号', width: 7, value: (c: ComputerRow) => c.assetNo },
        { header: '密级', width: 4, value: (c: ComputerRow) => LEVEL_LABELS[c.level] },
        { header: '类型', width: 4, value: (c: ComputerRow) => lookup(COMPUTER_KIND_LABELS, c.kind) },
        { header: '品牌型号', width: 8, value: (c: ComputerRow) => c.model },
        { header: '主机序列号', width: 8, value: (c: ComputerRow) => c.serial },
        { header: '硬盘序列号（容量）', width: 10, value: (c: ComputerRow) => c.disks.map((d) => `${d.serial}${d.capacity ? `（${d.capacity}）` : ''}`).join('、') },
        { header: 'MAC', width: 8, value: (c: ComputerRow) => c.mac },
        { header: '操作系统/安装日期', width: 8, value: (c: ComputerRow) => `${c.os} ${c.osInstalledOn ?? ''}`.trim() },
        { header: '责任人/使用人', width: 7, value: (c: ComputerRow) => [c.responsibleName, c.userName].filter(Boolean).join('／') },
        { header: '部门', width: 6, value: (c: ComputerRow) => c.department },
        { header: '放置地点', width: 7, value: (c: ComputerRow) => c.location },
        { header: '用途', width: 6, value: (c: ComputerRow) => c.purpose },
        { header: '启用日期', width: 7, value: (c: ComputerRow) => c.enabledOn ?? '' },
        { header: '检测日期', width: 7, value: (c: ComputerRow) => c.checkedOn ?? '' },
        { header: '防护措施', width: 9, value: flags },
        { header: '口令更换', width: 7, value: (c: ComputerRow) => c.passwordChangedOn ?? '' },
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
      const years = new Set([Number(req.from.slice(0, 4)), Number(req.to.slice(0, 4))]);
      return [...years]
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
  {
    id: 'media',
    snapshot: true,
    rows: (db, req, today) => listMedia(db, today).filter(byLevel(req.levels)),
    scope: (_db, _req, today) => `截至 ${today}`,
    definition: {
      title: '涉密移动存储介质台账',
      orientation: 'landscape',
      fontPt: 8,
      level: (m: MediumRow) => m.level,
      columns: [
        seq,
        { header: '介质编号', width: 8, value: (m: MediumRow) => m.number },
        { header: '类型', width: 5, value: (m: MediumRow) => lookup(MEDIUM_KIND_LABELS, m.kind) },
        { header: '品牌型号', width: 8, value: (m: MediumRow) => m.model },
        { header: '序列号/卷标识', width: 12, value: (m: MediumRow) => [m.serial, m.volumeUuid].filter(Boolean).join('／') },
        { header: '容量', width: 5, value: (m: MediumRow) => m.capacity },
        { header: '密级', width: 4, value: (m: MediumRow) => LEVEL_LABELS[m.level] },
        { header: '责任人', width: 6, value: (m: MediumRow) => m.responsibleName ?? '' },
        { header: '部门', width: 6, value: (m: MediumRow) => m.department },
        { header: '配发日期', width: 7, value: (m: MediumRow) => m.issuedOn ?? '' },
        { header: '绑定主机', width: 10, value: (m: MediumRow) => m.boundComputers.map((c) => c.number).join('、') },
        { header: '存放位置', width: 7, value: (m: MediumRow) => m.location },
        { header: '用途', width: 8, value: (m: MediumRow) => m.purpose },
        { header: '状态', width: 5, value: (m: MediumRow) => lookup(MEDIUM_STATE_LABELS, m.state) },
      ],
    },
  } as RegisterSpec<MediumRow>,
  {
    id: 'media_uses',
    rows: (db, req) => deviceLines(db, 'medium', { ...period(req), types: ['used'] }),
    definition: {
      title: '涉密移动存储介质使用登记表',
      orientation: 'landscape',
      level: (l: DeviceLine) => l.level,
      columns: [
        { header: '日期', width: 8, value: (l: DeviceLine) => l.event.occurredOn },
        { header: '介质编号', width: 8, value: (l: DeviceLine) => l.number },
        { header: '主机编号', width: 8, value: (l: DeviceLine) => p(l, 'computerNumber') },
        { header: '操作', width: 5, value: (l: DeviceLine) => (p(l, 'operation') === 'session' ? '使用' : lookup(MEDIUM_OPERATION_LABELS, p(l, 'operation'))) },
        { header: '内容摘要', width: 22, value: (l: DeviceLine) => p(l, 'summary') },
        { header: '密级', width: 4, value: (l: DeviceLine) => (p(l, 'level') ? lookup(LEVEL_LABELS, p(l, 'level')) : '') },
        { header: '批准人', width: 7, value: (l: DeviceLine) => p(l, 'approver.name') },
        { header: '操作人', width: 7, value: (l: DeviceLine) => p(l, 'operator.name') },
        sig('签字'),
      ],
    },
  } as RegisterSpec<DeviceLine>,
  {
    id: 'backups',
    rows: (db, req) => deviceLines(db, 'medium', { ...period(req), types: ['backup_written'] }),
    definition: {
      title: '备份介质登记表',
      orientation: 'landscape',
      level: (l: DeviceLine) => l.level,
      columns: [
        { header: '备份日期', width: 9, value: (l: DeviceLine) => l.event.occurredOn },
        { header: '介质编号', width: 9, value: (l: DeviceLine) => l.number },
        { header: '密级', width: 5, value: (l: DeviceLine) => LEVEL_LABELS[l.level] },
        { header: '校验值（SHA-256）', width: 28, value: (l: DeviceLine) => p(l, 'sha256') },
        { header: '存放位置', width: 9, value: (l: DeviceLine) => p(l, 'location') },
        { header: '操作人', width: 7, value: (l: DeviceLine) => l.event.actor },
        sig('复核人', 9),
      ],
    },
  } as RegisterSpec<DeviceLine>,
] as unknown as RegisterSpec<never>[];
