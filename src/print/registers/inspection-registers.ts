import { sql } from '../../db/statements';
import type { Db } from '../../db/open-database';
import { LEVEL_LABELS, type Level } from '../../ledger/classification/levels';
import { DEFAULT_TEMPLATE_ITEMS, GROUP_LABELS } from '../../ledger/inspections/default-template';
import type { ReconReport } from '../../ledger/inspections/reconciliation';
import { getTemplate, latestTemplate, type TemplateItem } from '../../ledger/inspections/templates';
import { seq, sig } from './register-rows';
import type { RegisterSpec } from './register-spec';

/** Register 12 (the monthly checklist) and the reconciliation discrepancy report. */
interface CheckRow {
  item: TemplateItem;
  result: string;
  note: string;
  finding: string;
  level: Level;
}

const RESULT_LABELS: Record<string, string> = { pass: '符合', fail: '不符合', na: '不适用' };

type RunRow = { id: string; month: string; template_id: string; signatures: string | null };
const run = (db: Db, id: string | null | undefined) => (id ? (sql(db, 'SELECT id, month, template_id, signatures FROM inspection_runs WHERE id = ?').get(id) as RunRow | undefined) : undefined);
// A blank form is printed before any run has written the default template: print writes nothing.
const currentItems = (db: Db): TemplateItem[] => latestTemplate(db)?.items ?? DEFAULT_TEMPLATE_ITEMS;

const INSPECTION: RegisterSpec<CheckRow> = {
  id: 'inspection',
  subject: 'inspection',
  // The checklist records how the work was done, not classified content: it is marked 内部.
  rows: (db, req) => {
    const r = run(db, req.subjectId);
    if (!r) return [];
    const results = new Map((sql(db, 'SELECT item_id, result, note FROM inspection_results WHERE run_id = ?').all(r.id) as { item_id: string; result: string; note: string }[]).map((x) => [x.item_id, x]));
    const findings = new Map((sql(db, 'SELECT item_id, text, deadline, state FROM findings WHERE run_id = ?').all(r.id) as { item_id: string; text: string; deadline: string; state: string }[]).map((f) => [f.item_id, f]));
    return getTemplate(db, r.template_id).items.map((item) => {
      const res = results.get(item.id);
      const f = findings.get(item.id);
      return { item, result: res ? (RESULT_LABELS[res.result] ?? res.result) : '', note: res?.note ?? '', finding: f ? `${f.text}（整改期限 ${f.deadline}${f.state === 'closed' ? '，已整改' : ''}）` : '', level: 'neibu' as Level };
    });
  },
  blankRows: (db) => currentItems(db).map((item) => ({ item, result: '', note: '', finding: '', level: 'neibu' as Level })),
  scope: (db, req) => `${run(db, req.subjectId)?.month ?? ''} 月度保密检查`,
  signatures: (db, req) => {
    const s = run(db, req.subjectId)?.signatures;
    const names = s ? (JSON.parse(s) as Record<string, { name: string }>) : {};
    return [
      { label: '检查人', name: names.inspector?.name ?? '' },
      { label: '使用人', name: names.user?.name ?? '' },
      { label: '部门负责人', name: names.sectionHead?.name ?? '' },
    ];
  },
  definition: {
    title: '月度保密检查表',
    orientation: 'landscape',
    fontPt: 8.5,
    level: (r) => r.level,
    columns: [
      { header: '编号', width: 5, value: (r) => r.item.id },
      { header: '类别', width: 9, value: (r) => GROUP_LABELS[r.item.group] },
      { header: '检查项', width: 36, value: (r) => r.item.text },
      { header: '分值', width: 4, value: (r) => (r.item.points ? String(r.item.points) : '') },
      { header: '结果（符合/不符合/不适用）', width: 10, value: (r) => r.result },
      { header: '说明', width: 14, value: (r) => r.note },
      { header: '发现的问题与整改期限', width: 20, value: (r) => r.finding },
    ],
  },
};

interface DiffRow {
  category: string;
  number: string;
  title: string;
  note: string;
  level: Level;
}

/** The level of each item a report names, read at once (a report can name thousands). */
const levelsOf = (db: Db, ids: (string | null)[]): ((id: string | null) => Level) => {
  const known = new Map(
    (sql(db, 'SELECT c.id, c.level FROM json_each(@ids) j JOIN carriers c ON c.id = j.value UNION ALL SELECT m.id, m.level FROM json_each(@ids) j JOIN media m ON m.id = j.value').all({
      ids: JSON.stringify(ids.filter((id) => id !== null)),
    }) as { id: string; level: Level }[]).map((r) => [r.id, r.level]),
  );
  return (id) => (id ? (known.get(id) ?? 'neibu') : 'neibu');
};

const reconReport = (db: Db, id: string | null | undefined): ReconReport | null => {
  const s = id ? (sql(db, 'SELECT report FROM recon_sessions WHERE id = ?').get(id) as { report: string | null } | undefined) : undefined;
  return s?.report ? (JSON.parse(s.report) as ReconReport) : null;
};

const DISCREPANCY: RegisterSpec<DiffRow> = {
  id: 'discrepancy',
  subject: 'reconciliation',
  rows: (db, req) => {
    const r = reconReport(db, req.subjectId);
    if (!r) return [];
    const levelOf = levelsOf(db, [...r.missing, ...r.unexpected, ...r.away].map((x) => x.id));
    return [
      ...r.missing.map((m) => ({ category: '缺失', number: m.number, title: m.title, note: '台账有、实物未见', level: levelOf(m.id) })),
      ...r.unexpected.map((u) => ({ category: '多出', number: u.number, title: u.title, note: u.id ? '不在本次清点范围内' : '台账中没有此编号', level: levelOf(u.id) })),
      ...r.duplicates.map((d) => ({ category: '重复', number: d, title: '', note: '重复扫描', level: 'neibu' as Level })),
      ...r.away.map((a) => ({ category: '在外', number: a.number, title: a.title, note: '借出、传阅或携带外出中', level: levelOf(a.id) })),
    ];
  },
  scope: (db, req) => {
    const r = reconReport(db, req.subjectId);
    return r ? `清点范围：${r.scope}　应有 ${r.expected} 件，清点到 ${r.sighted.length} 件　${r.startedAt.slice(0, 10)}` : '';
  },
  signatures: () => [
    { label: '清点人', name: '' },
    { label: '监督人', name: '' },
  ],
  definition: {
    title: '清点差异报告',
    orientation: 'portrait',
    level: (r) => r.level,
    columns: [
      { ...seq, width: 5 },
      { header: '类别', width: 6, value: (r) => r.category },
      { header: '编号', width: 14, value: (r) => r.number },
      { header: '名称', width: 28, value: (r) => r.title },
      { header: '密级', width: 6, value: (r) => LEVEL_LABELS[r.level] },
      { header: '说明', width: 18, value: (r) => r.note },
      sig('处理意见', 14),
    ],
  },
};

export const INSPECTION_REGISTERS = [INSPECTION, DISCREPANCY] as unknown as RegisterSpec<never>[];
