import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approval, computer, ledgerFixture, medium, ref, type LedgerFixture } from '../../testing/ledger-fixture';
import { enableComputer, registerComputer } from '../../ledger/devices/computer-commands';
import { bindMedium, checkInMedium, destroyMedium, lendMedium, recordMediumUse, requestMediumDestruction, takeOutMedium } from '../../ledger/devices/medium-commands';
import { logUsage } from '../../ledger/devices/usage-commands';
import { printRequestSchema, type RegisterId } from '../print-types';
import { registerSpec } from './index';

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());

/** A register as printed: one object per row, header to cell text. */
function table(registerId: RegisterId, extra: Record<string, unknown> = {}): Record<string, string>[] {
  const spec = registerSpec(registerId);
  const req = printRequestSchema.parse({ registerId, from: '2026-11-01', to: '2026-11-30', ...extra });
  return spec.rows(f.db, req, '2026-11-20').map((r, i) =>
    Object.fromEntries(spec.definition.columns.filter((c) => !c.signature).map((c) => [c.header, c.value?.(r, i) ?? ''])),
  );
}

const USE_COLUMNS = ['日期', '介质编号', '主机编号', '操作', '内容摘要', '密级', '批准人', '操作人'] as const;
const uses = () => table('media_uses').map((r) => USE_COLUMNS.map((h) => r[h]));

describe('register 8: 涉密计算机台账', () => {
  it('prints the dedicated peripherals and the authentication method kept for each computer (DOMAIN 2.2)', () => {
    const c = registerComputer(f.ctx(), {
      registeredOn: '2026-11-02',
      fields: { number: 'JSJ-8', level: 'jimi', kind: 'desktop', responsibleId: f.people.custodian.id, peripherals: '保密打印机 PR-01', authMethod: 'USB Key＋口令' },
    });
    enableComputer(f.ctx(), { computerId: c.id, occurredOn: '2026-11-02', checkedOn: '2026-11-01', labelApplied: true, level: 'jimi' });
    const [row] = table('computers');
    expect(row).toMatchObject({ 设备编号: 'JSJ-8', 专用外设: '保密打印机 PR-01', 鉴别方式: 'USB Key＋口令', '启用/检测日期': '2026-11-02 2026-11-01' });
  });
});

describe('register 9: 涉密计算机使用登记簿', () => {
  it('R-32 a period over several years prints the sessions of every year in it, not only the first and last', () => {
    const c = registerComputer(f.ctx(), { registeredOn: '2024-01-02', fields: { number: 'JSJ-9', level: 'jimi', kind: 'desktop', responsibleId: f.people.custodian.id } });
    enableComputer(f.ctx(), { computerId: c.id, occurredOn: '2024-01-02', checkedOn: '2024-01-02', labelApplied: true, level: 'jimi' });
    for (const d of ['2024-03-05', '2025-03-05', '2025-09-09', '2026-03-05', '2026-11-15']) {
      logUsage(f.ctx(), { computerId: c.id, userId: f.people.custodian.id, work: `工作${d}`, startedAt: `${d}T01:00:00.000Z`, endedAt: `${d}T02:00:00.000Z`, highestLevel: 'mimi' });
    }
    const days = (from: string, to: string) => table('usage', { from, to, subjectId: c.id }).map((r) => r['日期']);
    expect(days('2024-01-01', '2026-11-10')).toEqual(['2024-03-05', '2025-03-05', '2025-09-09', '2026-03-05']);
    expect(days('2025-01-01', '2025-06-30')).toEqual(['2025-03-05']);
  });
});

describe('register 11: 介质使用登记表', () => {
  it('R-32 a medium used in a computer session names the session’s user as 操作人; a use recorded alone keeps its operator', () => {
    const c = computer(f, 'JSJ-1');
    const m = medium(f, 'U-1');
    bindMedium(f.ctx(), { mediumId: m.id, computerId: c.id, occurredOn: '2026-11-03' });
    // The session writes the medium's use with no operator: the register must find the user.
    logUsage(f.ctx(), { computerId: c.id, userId: f.people.custodian.id, work: '起草', startedAt: '2026-11-05T01:00:00.000Z', endedAt: '2026-11-05T02:00:00.000Z', highestLevel: 'mimi', mediaIds: [m.id] });
    recordMediumUse(f.ctx(), { mediumId: m.id, computerId: c.id, occurredOn: '2026-11-06', operation: 'copy_out', summary: '拷出会议材料', level: 'mimi', operator: ref(f.people.borrower), approver: ref(f.people.leader) });
    expect(uses().filter((r) => r[3] !== '配发')).toEqual([
      ['2026-11-05', 'U-1', 'JSJ-1', '使用', '起草', '秘密', '', '吴保管'],
      ['2026-11-06', 'U-1', 'JSJ-1', '拷出', '拷出会议材料', '秘密', '王处长', '李借阅'],
    ]);
  });

  it('R-35 R-34 issue, loan, return, trip, bringing back and destruction are lines of the register, with their approver and the person who did them', () => {
    const m = medium(f, 'U-2'); // issued to 李借阅 on 2026-11-03
    lendMedium(f.ctx(), { mediumId: m.id, occurredOn: '2026-11-04', borrowerId: f.people.witnessA.id, reason: '外出汇报', dueOn: '2026-11-10', approval: approval(f.people.leader) });
    checkInMedium(f.ctx(), { mediumId: m.id, occurredOn: '2026-11-06', intact: true, checkedBy: ref(f.people.officer) });
    takeOutMedium(f.ctx(), { mediumId: m.id, occurredOn: '2026-11-07', bearerId: f.people.borrower.id, destination: '市档案馆', untilOn: '2026-11-08', approval: approval(f.people.leader) });
    checkInMedium(f.ctx(), { mediumId: m.id, occurredOn: '2026-11-08', intact: false, checkedBy: ref(f.people.officer), note: '外壳破损' });
    requestMediumDestruction(f.ctx(), { mediumId: m.id, occurredOn: '2026-11-09' });
    destroyMedium(f.ctx(), { mediumId: m.id, occurredOn: '2026-11-10', approval: approval(f.people.head, 'unit_head'), place: '保密局销毁中心', method: '物理粉碎', handledBy: ref(f.people.officer) });
    expect(uses()).toEqual([
      ['2026-11-03', 'U-2', '', '配发', '领用人签收，承诺书 2026-11-01', '机密', '', '李借阅'],
      ['2026-11-04', 'U-2', '', '借用', '外出汇报，应还 2026-11-10', '机密', '王处长', '孙监销'],
      ['2026-11-06', 'U-2', '', '归还', '核验完好（核验人 张保密）', '机密', '', '孙监销'],
      ['2026-11-07', 'U-2', '', '携带外出', '去向 市档案馆，至 2026-11-08', '机密', '王处长', '李借阅'],
      ['2026-11-08', 'U-2', '', '外出带回', '核验有异常（核验人 张保密）；外壳破损', '机密', '', '李借阅'],
      ['2026-11-10', 'U-2', '', '销毁', '物理粉碎，地点 保密局销毁中心', '机密', '赵局长', '张保密'],
    ]);
  });

  it('R-04 a step prints the level the medium had then, not a level it rose to later', () => {
    const c = computer(f, 'JSJ-2', 'jimi');
    const m = medium(f, 'U-3', 'mimi');
    bindMedium(f.ctx(), { mediumId: m.id, computerId: c.id, occurredOn: '2026-11-03' });
    // Used on a 机密 computer: the medium rises to 机密 after its issue.
    recordMediumUse(f.ctx(), { mediumId: m.id, computerId: c.id, occurredOn: '2026-11-04', operation: 'write', summary: '写入方案', level: 'jimi', operator: ref(f.people.borrower) });
    lendMedium(f.ctx(), { mediumId: m.id, occurredOn: '2026-11-05', borrowerId: f.people.witnessA.id, reason: '审阅', dueOn: '2026-11-10', approval: approval(f.people.leader) });
    expect(uses().map((r) => [r[3], r[5]])).toEqual([
      ['配发', '秘密'],
      ['写入', '机密'],
      ['借用', '机密'],
    ]);
  });
});
