import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRegisterPdf } from './pdf-checks';
import { pdfText, pdfToPng } from './poppler';
import { usePrintVault } from './print-vault';

/** Registers 8, 9, 10, 11 and 13 through the IPC handlers, Chromium and poppler. */
const UNIT = '某市国家保密局';
const { dir, call } = usePrintVault('baomi-devregs-', { now: '2026-11-20T08:00:00.000Z', unit: UNIT });
let computerId = '';

beforeAll(async () => {
  const person = (name: string) => call<{ id: string; name: string }>('people:register', { name, department: '办公室', clearance: 'important' });
  const keeper = await person('吴保管');
  const user = await person('李使用');
  const leader = await person('王处长');
  const c = await call<{ id: string }>('computers:register', { registeredOn: '2026-11-02', fields: { number: 'JSJ-2026-01', level: 'jimi', kind: 'desktop', disks: [{ serial: 'WD-8842', capacity: '1TB' }], responsibleId: keeper.id, location: '机要室 301', os: '麒麟 V10' } });
  computerId = c.id;
  await call('computers:enable', { computerId, occurredOn: '2026-11-02', checkedOn: '2026-11-01', labelApplied: true, level: 'jimi' });
  const m = await call<{ id: string }>('media:register', { registeredOn: '2026-11-02', fields: { number: 'U-2026-01', kind: 'usb', level: 'mimi', serial: 'SN-77', responsibleId: keeper.id } });
  await call('media:issue', { mediumId: m.id, occurredOn: '2026-11-03', recipientId: user.id, recipientSigned: true, pledgeOn: '2026-11-01' });
  await call('media:bind', { mediumId: m.id, computerId, occurredOn: '2026-11-03' });
  for (let d = 4; d <= 19; d++) {
    const day = `2026-11-${String(d).padStart(2, '0')}`;
    await call('computers:logUsage', { computerId, userId: user.id, work: `起草第${d}号文件`, startedAt: `${day}T01:00:00.000Z`, endedAt: `${day}T09:00:00.000Z`, highestLevel: 'mimi', mediaIds: d === 10 ? [m.id] : [] });
  }
  await call('media:recordUse', { mediumId: m.id, computerId, occurredOn: '2026-11-12', operation: 'copy_out', summary: '拷出会议材料', level: 'mimi', operator: { personId: user.id, name: user.name }, approver: { name: leader.name } });
  await call('computers:startRepair', { computerId, occurredOn: '2026-11-19', mode: 'sent_out', fault: '电源故障', repairer: '某资质维修公司', approval: { approver: { personId: leader.id, name: leader.name }, role: 'leader', approvedOn: '2026-11-19' }, removedDiskSerials: ['WD-8842'], diskKeptAt: '1号保密柜' });
}, 120_000);

const REQ = { from: '2026-11-01', to: '2026-11-30' };

describe('registers 8-11 and 13 as PDF', () => {
  it.each([
    ['computers', ['设备编号', '硬盘序列号（容量）', '防护措施', '口令更换']],
    ['repairs', ['拆留硬盘序列号', '监修人', '验收人']],
    ['media', ['介质编号', '绑定主机', '配发日期']],
    ['media_uses', ['主机编号', '内容摘要', '操作人']],
    ['backups', ['校验值（SHA-256）', '复核人']],
  ] as const)('%s: font, headers, marking and page numbers on every page', async (registerId, headers) => {
    const saved = await call<{ path: string; pages: number }>('print:savePdf', { registerId, ...REQ });
    const preview = await call<{ marking: string }>('print:preview', { registerId, ...REQ });
    expectRegisterPdf(saved.path, { pages: saved.pages, marking: preview.marking, headers, unit: UNIT });
  });

  it('register 9 is one computer’s usage book: every session, with a signature column, marked 机密', async () => {
    const req = { registerId: 'usage', ...REQ };
    await expect(call('print:preview', req)).rejects.toThrow('请先选择要打印使用登记簿的计算机');
    const saved = await call<{ path: string; pages: number }>('print:savePdf', { ...req, subjectId: computerId });
    const text = expectRegisterPdf(saved.path, { pages: saved.pages, marking: '机密', headers: ['开机', '关机', '使用人', '工作内容', '最高密级', '使用介质', '签字'], unit: UNIT }).join('\n');
    expect(text).toContain('JSJ-2026-01');
    expect(text).toContain('起草第19号文件');
    expect(pdfText(saved.path)).toContain('U-2026-01');
    pdfToPng(saved.path, join(process.env.REGISTER_PNG_DIR ?? dir, 'usage-page'));
  });
});
