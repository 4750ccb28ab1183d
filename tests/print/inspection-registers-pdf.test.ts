import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE_ITEMS } from '../../src/ledger/inspections/default-template';
import { expectRegisterPdf } from './pdf-checks';
import { pdfRawText, pdfText, pdfToPng } from './poppler';
import { usePrintVault } from './print-vault';

/** Register 12, blank and filled from a signed run, and the discrepancy report, as PDF. */
const UNIT = '某县保密局';
const { dir, call } = usePrintVault('baomi-inspregs-', { now: '2026-11-25T02:00:00.000Z', unit: UNIT });
let runId = '';
let sessionId = '';

beforeAll(async () => {
  const p = (name: string) => call<{ id: string; name: string }>('people:register', { name, clearance: 'important' });
  const [officer, user, head] = [await p('张保密'), await p('李使用'), await p('王处长')];
  const got = await call<{ id: string; number: string }[]>('carriers:receive', { receivedOn: '2026-11-02', receiverId: officer.id, items: [1, 2, 3].map((i) => ({ title: `机密文件${i}`, carrierType: 'paper', level: 'jimi', classifiedOn: '2026-11-01', copies: 1, copyNumbers: `00${i}`, custodianId: user.id })) });
  const run = await call<{ id: string }>('inspections:create', { month: '2026-11' });
  runId = run.id;
  for (const item of DEFAULT_TEMPLATE_ITEMS) {
    const fail = item.id === 'A02';
    await call('inspections:setResult', { runId, itemId: item.id, result: fail ? 'fail' : 'pass', ...(fail ? { finding: { text: '一件载体本月未找到', owner: { personId: user.id, name: user.name }, deadline: '2026-12-10' } } : {}) });
  }
  await call('inspections:sign', { runId, signedOn: '2026-11-25', inspector: { name: officer.name }, user: { name: user.name }, sectionHead: { name: head.name } });
  const s = await call<{ sessionId: string }>('recon:start', { purpose: 'monthly', scopeKind: 'all' });
  sessionId = s.sessionId;
  await call('recon:scan', { sessionId, code: got[0]!.number });
  await call('recon:scan', { sessionId, code: got[0]!.number });
  await call('recon:scan', { sessionId, code: 'ZT-1999-0009' });
  await call('recon:end', { sessionId });
}, 120_000);

const REQ = { from: '2026-11-01', to: '2026-11-30' };

describe('register 12 and the discrepancy report as PDF', () => {
  it('a blank register 12 lists every item of the template, answers empty, with signature lines', async () => {
    const saved = await call<{ path: string; pages: number }>('print:savePdf', { registerId: 'inspection', ...REQ, blank: true });
    const text = expectRegisterPdf(saved.path, { pages: saved.pages, marking: '密级：＿＿＿＿', headers: ['检查项', '结果（符合/不符合/不适用）', '发现的问题与整改期限'], unit: UNIT }).join('\n');
    expect(text).toContain(DEFAULT_TEMPLATE_ITEMS[0]!.text);
    expect(pdfText(saved.path)).toContain('上月发现的问题已整改并记录');
    expect(pdfText(saved.path)).toMatch(/检查人：/);
  });

  it('register 12 filled from the signed run shows results, the finding and the signers', async () => {
    const saved = await call<{ path: string; pages: number }>('print:savePdf', { registerId: 'inspection', ...REQ, subjectId: runId });
    expectRegisterPdf(saved.path, { pages: saved.pages, marking: '内部', headers: ['检查项', '说明'], unit: UNIT });
    const text = pdfRawText(saved.path).replace(/\s/g, '');
    expect(text).toContain('一件载体本月未找到（整改期限2026-12-10）');
    expect(text).toContain('不符合');
    expect(text).toContain('检查人：张保密');
    expect(text).toContain('部门负责人：王处长');
    pdfToPng(saved.path, join(process.env.REGISTER_PNG_DIR ?? dir, 'inspection-page'));
  });

  it('the discrepancy report lists missing, unexpected and duplicate scans, marked 机密', async () => {
    const saved = await call<{ path: string; pages: number }>('print:savePdf', { registerId: 'discrepancy', ...REQ, subjectId: sessionId });
    const text = expectRegisterPdf(saved.path, { pages: saved.pages, marking: '机密', headers: ['类别', '编号', '处理意见'], unit: UNIT }).join('\n');
    expect(text).toContain('缺失');
    expect(text).toContain('ZT-1999-0009');
    expect(text).toContain('重复');
  });
});
