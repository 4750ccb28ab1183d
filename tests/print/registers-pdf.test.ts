import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyCarrier, receiveBatch } from '../../src/ledger/carriers/carrier-intake';
import { circulate, distribute, lend, returnLoan, takeOut } from '../../src/ledger/carriers/carrier-movements';
import { destroyBatch, handoverPerson } from '../../src/ledger/carriers/carrier-disposal';
import { ledgerContext } from '../../src/api/handlers/ledger-context';
import { registerPerson } from '../../src/ledger/people/people';
import { formatMarking } from '../../src/ledger/classification/term';
import { REGISTER_IDS } from '../../src/print/print-types';
import { expectRegisterPdf } from './pdf-checks';
import { pdfText, pdfToPng } from './poppler';
import { usePrintVault } from './print-vault';

/**
 * Registers 1-7 printed through the real print service and Chromium, then read back with
 * poppler the way an inspector would: fonts, headers, marking and page numbers on every page.
 */
const { dir, clock, services } = usePrintVault('baomi-registers-', { now: '2026-11-20T02:00:00.000Z', unit: '某省某厅办公室' });

const D = '2026-11-10';

beforeAll(async () => {
  const ctx = () => ({ ...ledgerContext(services().vault, clock) });
  const c0 = ctx();
  const person = (name: string) => registerPerson(c0.db, c0.at, '张保密', { name, department: '综合处', clearance: 'important' });
  const [officer, reader, leader, head, wa, wb, keeper] = ['张保密', '李借阅', '王处长', '赵厅长', '孙监销', '周监销', '吴保管'].map(person);
  const ref = (p: typeof officer) => ({ personId: p!.id, name: p!.name });
  const appr = (p: typeof officer, role: 'leader' | 'unit_head' | 'originator' = 'leader') => ({ approver: ref(p), role, approvedOn: D });
  const items = Array.from({ length: 60 }, (_, i) => ({
    docNo: `某厅发〔2026〕${i + 1}号`,
    title: `关于做好第${i + 1}批涉密事项管理工作的通知`,
    carrierType: 'paper' as const,
    issuer: '某省保密局',
    level: i === 7 ? ('juemi' as const) : i % 3 === 0 ? ('mimi' as const) : ('jimi' as const),
    classifiedOn: '2026-11-01',
    copies: 2,
    copyNumbers: `00${(i % 9) + 1}`,
    pages: 8,
    custodianId: keeper!.id,
  }));
  const got = receiveBatch(ctx(), { receivedOn: D, receiverId: officer!.id, items });
  const [a, b, c, d, e, f] = got;
  lend(ctx(), { carrierId: a!.id, occurredOn: D, borrowerId: reader!.id, approval: appr(leader), reason: '起草汇报材料', dueOn: '2026-11-15' });
  returnLoan(ctx(), { carrierId: a!.id, occurredOn: '2026-11-14', intact: true, checkedBy: ref(officer) });
  circulate(ctx(), { carrierId: b!.id, occurredOn: D, readerId: reader!.id, dueOn: D });
  distribute(ctx(), { carrierId: c!.id, occurredOn: D, recipientId: reader!.id, withinScope: true, recipientSigned: true, transfer: { method: 'by_hand', couriers: [ref(officer)] } });
  copyCarrier(ctx(), { carrierId: d!.id, occurredOn: D, kind: 'copy', count: 2, approval: appr(leader), custodianId: keeper!.id, applicant: ref(reader), maker: ref(officer) });
  takeOut(ctx(), { carrierId: e!.id, occurredOn: D, carrierPersonId: reader!.id, approval: appr(head, 'unit_head'), destination: '省保密局', reason: '汇报', untilOn: '2026-11-11' });
  destroyBatch(ctx(), { occurredOn: D, carrierIds: [f!.id], reason: '过期', applicant: ref(keeper), approval: appr(leader), method: 'pulping', place: '省保密局销毁中心', witnesses: [ref(wa), ref(wb)], destroyer: ref(keeper) });
  handoverPerson(ctx(), { occurredOn: '2026-11-12', fromId: reader!.id, toId: keeper!.id, leader: ref(leader), bothSigned: true });
}, 120_000);

const HEADERS = {
  receipts: ['收文编号', '来文单位', '签收人', '清退/销毁日期'],
  dispatches: ['发文编号', '收件单位/人', '传递方式', '签收时间'],
  loans: ['借阅人/部门', '应还日期', '实还日期', '归还核验', '借阅人签字'],
  copies: ['原件编号/标题/密级', '复制件编号/份号', '申请人', '复制人'],
  trips: ['携带人', '起止日期', '返回核验签字'],
  handovers: ['移交人', '接收人', '双方签字', '领导签字'],
  destructions: ['监销人①', '监销人②', '销毁人', '方式'],
} as const;
const CARRIER_REGISTER_IDS = REGISTER_IDS.filter((id) => id in HEADERS);

describe('registers 1-7 as PDF (Chromium page.pdf + poppler)', () => {
  it.each(CARRIER_REGISTER_IDS)('%s: shipped font embedded; headers, marking and 第 x 页 共 y 页 on every page', async (id) => {
    const saved = await services().print.savePdf({ registerId: id, from: '2026-11-01', to: '2026-11-30' });
    expect(saved).not.toBeNull();
    const preview = services().print.preview({ registerId: id, from: '2026-11-01', to: '2026-11-30' });
    expectRegisterPdf(saved!.path, { pages: saved!.pages, marking: preview.marking, headers: HEADERS[id as keyof typeof HEADERS], unit: '某省某厅办公室' });
  });

  it('the receipts register runs over several pages, marked 绝密 (R-05: its highest row)', async () => {
    const saved = await services().print.savePdf({ registerId: 'receipts', from: '2026-11-01', to: '2026-11-30' });
    expect(saved!.pages).toBeGreaterThan(2);
    expect(pdfText(saved!.path)).toContain('绝密');
    pdfToPng(saved!.path, join(process.env.REGISTER_PNG_DIR ?? dir, 'receipts-page'));
  });

  it('a blank form keeps the headers and a marking line to fill in by hand', () => {
    const blank = services().print.preview({ registerId: 'loans', from: '2026-11-01', to: '2026-11-30', blank: true });
    expect(blank.marking).toBe('密级：＿＿＿＿');
    expect(blank.html).toContain('借阅人签字');
    expect(blank.html.match(/<tr class="blank">/g)).toHaveLength(18);
  });

  it('printing is recorded in the audit log; the printout can be registered as a carrier (来源: 打印)', async () => {
    const req = { registerId: 'loans' as const, from: '2026-11-01', to: '2026-11-30' };
    expect(await services().print.print(req)).toEqual({ printed: true });
    const entries = await services().handlers['audit:list']({ limit: 1 });
    expect(entries.entries[0]).toMatchObject({ action: 'print.register', subject: 'loans', payload: { output: 'printer', marking: '机密★20年' } });
    const keeper = (await services().handlers['people:list'](undefined)).find((p) => p.name === '吴保管')!;
    const printout = await services().handlers['print:registerPrintout']({ request: { ...req, levels: [], blank: false }, pages: 1, custodianId: keeper.id });
    expect(printout).toMatchObject({ source: 'print', level: 'jimi', title: '借阅（传阅）登记表（2026-11-01 至 2026-11-30）' });
  });

  it('R-02/R-05 the paper is marked 密级★期限, and says what its own ledger entry says', async () => {
    const req = { registerId: 'receipts' as const, from: '2026-11-01', to: '2026-11-30' };
    const preview = services().print.preview(req);
    expect(preview.marking).toBe('绝密★30年');
    const keeper = (await services().handlers['people:list'](undefined)).find((p) => p.name === '吴保管')!;
    const printout = await services().handlers['print:registerPrintout']({ request: { ...req, levels: [], blank: false }, pages: 3, custodianId: keeper.id });
    expect(formatMarking(printout.level, printout.term)).toBe(preview.marking);
  });

  it('a register printed for some levels only says so on the paper and in the audit log', async () => {
    const req = { registerId: 'receipts' as const, from: '2026-11-01', to: '2026-11-30', levels: ['mimi' as const] };
    const preview = services().print.preview(req);
    expect(preview.marking).toBe('秘密★10年');
    expect(preview.html).toContain('2026-11-01 至 2026-11-30（仅秘密）');
    await services().print.print(req);
    const entries = await services().handlers['audit:list']({ limit: 1 });
    expect(entries.entries[0]).toMatchObject({ action: 'print.register', payload: { levels: ['mimi'], marking: '秘密★10年' } });
  });
});
