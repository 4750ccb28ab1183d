import path from 'node:path';
import type { Page } from '@playwright/test';
import { dispatch } from '../../src/api/dispatch';
import type { Services } from '../../src/app/create-services';
import { AppShellPage } from '../pages/app-shell-page';
import { CarriersDetailPage } from '../pages/carriers-detail-page';
import { CarriersHandoverPage } from '../pages/carriers-handover-page';
import { InspectionsDueList } from '../pages/inspections-due-list';
import { InspectionsListPage } from '../pages/inspections-list-page';
import { InspectionsRunPage } from '../pages/inspections-run-page';
import { input, isoDay, pickOption, toast, typeName } from '../pages/mantine';
import { PeoplePersonPage } from '../pages/people-person-page';
import { PrintPage } from '../pages/print-page';
import { ReconPage, ReconSessionPage } from '../pages/recon-page';
import { expect, test } from './support/bridge';
import { relaxIdleLock } from './support/ledger-setup';
import { SHIPPED_FONT, pdfCompactText, pdfFonts, pdfToPng } from '../print/poppler';

const SHOTS = process.env.E2E_SHOTS_DIR ?? '/tmp';
const UNIT = '某市第一研究所';
const OFFICER = '张保密';
// Chromium renders a register to PDF in a few seconds, more on a busy two-core machine.
const PDF_MS = 60_000;

// A vault, a cast and a delivery are set up through main directly (the screens for those
// have their own specs); what these specs are about goes through the screens.
test.describe.configure({ timeout: 150_000 });

type Call = <T>(channel: string, input?: unknown) => Promise<T>;
const caller =
  (services: Services): Call =>
  async <T,>(channel: string, input?: unknown): Promise<T> => {
    const r = await dispatch(services.handlers, channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as T;
  };

interface Cast {
  call: Call;
  people: Record<string, string>;
  cabinetId: string;
}

/** A vault with the unit's people and a cabinet (see `openLedger`). */
async function setUp(services: Services, names: Record<string, 'core' | 'important' | 'general'>): Promise<Cast> {
  const call = caller(services);
  await call('vault:create', { unitName: UNIT, officerName: OFFICER, passphrase: 'Baomi#2026-Ledger' });
  // An idle "minute" is a second in these tests (bridge.ts); rendering PDFs takes longer.
  await relaxIdleLock(services);
  const people: Record<string, string> = {};
  for (const [name, clearance] of Object.entries(names)) {
    people[name] = (await call<{ id: string }>('people:register', { name, department: '综合处', post: '科员', clearance })).id;
  }
  const cabinetId = (await call<{ id: string }>('cabinets:register', { name: '1号保密柜', room: '机要室 301' })).id;
  return { call, people, cabinetId };
}

/** The page was loaded before the vault existed: reloaded, it opens the unlocked ledger as set up. */
async function openLedger(app: Page): Promise<void> {
  await app.reload();
  await new AppShellPage(app).expectShown(UNIT);
}

/** Receives `titles` (机密, one copy each), kept by `custodian` in the cabinet; returns their numbers. */
async function receive(cast: Cast, custodian: string, titles: string[]): Promise<{ id: string; number: string }[]> {
  return cast.call('carriers:receive', {
    receivedOn: isoDay(-30),
    receiverId: cast.people[custodian],
    items: titles.map((title, i) => ({ title, carrierType: 'paper', level: 'jimi', classifiedOn: isoDay(-40), copies: 1, copyNumbers: `00${i + 1}`, custodianId: cast.people[custodian], cabinetId: cast.cabinetId })),
  });
}

const nextMonth = (): string => {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

test('§7 a month’s run: evidence pre-filled from the ledger (an R-24 overdue loan under A03), one item failed into a finding, signed and locked, corrected, printed as register 12; the next month carries the finding over until it is closed; the home page lists what is due', async ({
  app,
  services,
  printer,
  clock,
}) => {
  const cast = await setUp(services, { 王借阅: 'general', 李领导: 'core', 孙保管: 'important', 赵使用: 'general', 钱处长: 'important' });
  const [plan] = await receive(cast, '孙保管', ['年度科研项目技术方案', '国防专项会议纪要']);
  // A loan made 20 days ago and due 10 days ago is overdue today.
  await cast.call('carriers:lend', {
    carrierId: plan!.id,
    borrowerId: cast.people['王借阅'],
    reason: '项目评审',
    occurredOn: isoDay(-20),
    dueOn: isoDay(-10),
    approval: { approver: { personId: cast.people['李领导'], name: '李领导' }, role: 'leader', approvedOn: isoDay(-20) },
  });
  const month = isoDay(0).slice(0, 7);
  await openLedger(app);

  // The home page lists it as overdue with its rule, above the integrity and chain cards.
  const due = new InspectionsDueList(app);
  await expect(due.overdue.getByTestId('due-item').filter({ hasText: plan!.number })).toContainText('R-24');
  await expect(due.entry(`${month} 月度保密检查`)).toContainText('尚未开始');
  await expect(app.getByTestId('integrity-card')).toBeVisible();
  await expect(app.getByTestId('chain-card')).toBeVisible();
  await app.screenshot({ path: path.join(SHOTS, 'home-due-list.png'), fullPage: true });
  // The entry for this month's inspection opens the inspections page with the month set.
  await due.entry(`${month} 月度保密检查`).getByRole('button').click();
  const list = new InspectionsListPage(app);
  await expect(list.heading).toBeVisible();
  await expect(list.month).toHaveValue(month);
  await list.create();

  const run = new InspectionsRunPage(app);
  await run.expectShown(month);
  await expect(run.state).toHaveText('进行中');
  await expect(run.evidence('A03')).toContainText('1 件逾期未还');
  await expect(run.evidence('A03')).toContainText(`${plan!.number} 年度科研项目技术方案（应还 ${isoDay(-10)}）`);
  await expect(run.evidence('A02')).toContainText('无下落不明');
  await expect(run.progress).toHaveText('已检查 0 / 36 项');

  // 不符合 asks for the finding first: empty, it is refused with the Chinese messages.
  await run.choose('A03', '不符合');
  await expect(run.dialog).toBeVisible();
  await run.dialog.getByRole('button', { name: '登记不符合' }).click();
  await expect(run.dialog).toContainText('请填写发现的问题');
  await expect(run.dialog).toContainText('请填写整改责任人');
  await run.dialog.getByRole('button', { name: '取消' }).click();
  await expect(run.item('A03')).toHaveAttribute('data-result', '');
  await run.fail('A03', { text: '年度科研项目技术方案借阅逾期未还', owner: '王借阅', deadline: isoDay(15), note: '已电话催还' });
  await expect(run.item('A03').getByTestId('item-finding')).toContainText('年度科研项目技术方案借阅逾期未还（责任人 王借阅');
  await expect(run.findings.getByTestId('finding-row')).toHaveCount(1);
  await app.screenshot({ path: path.join(SHOTS, 'inspection-run-open.png') });

  // Signing is refused while items are unanswered.
  await run.sign({ user: '赵使用', sectionHead: '钱处长' });
  await expect(run.signForm.getByTestId('form-error')).toContainText('还有 35 项未检查');
  expect(await run.passTheRest()).toBe(35);
  await expect(run.progress).toHaveText('已检查 36 / 36 项');
  await run.signForm.getByRole('button', { name: '签署检查' }).click();
  await expect(toast(app, `${month} 月度检查已签署`)).toBeVisible();
  await expect(run.state).toHaveText('已签署');
  await expect(run.signatures).toContainText(OFFICER);
  await expect(run.signatures).toContainText('赵使用');
  await expect(run.signatures).toContainText('钱处长');
  // Read-only now: results shown, 更正 instead of the controls.
  await expect(run.item('A01').getByRole('radio')).toHaveCount(0);
  await expect(run.item('A01').getByTestId('item-result')).toHaveText('符合');
  await run.correct('A05', '不适用', '本月无绝密、机密载体新增');
  await expect(run.item('A05').getByTestId('item-result')).toHaveText('不适用');
  await expect(run.item('A05')).toContainText('本月无绝密、机密载体新增');
  await app.evaluate(() => window.scrollTo(0, 0));
  await app.screenshot({ path: path.join(SHOTS, 'inspection-run.png'), fullPage: true });

  // Register 12, filled from the signed run, as a PDF with the shipped font.
  await run.print.getByRole('button', { name: '保存为 PDF' }).click();
  await expect(new PrintPage(app).pdfSaved).toContainText(/共 \d+ 页/, { timeout: PDF_MS });
  expect(printer.files).toHaveLength(1);
  const pdf = printer.files[0] as string;
  expect(pdfFonts(pdf)).toMatch(SHIPPED_FONT);
  const raw = pdfCompactText(pdf);
  for (const text of ['月度保密检查表', '检查项', '检查人', `检查人：${OFFICER}`, '部门负责人：钱处长', '年度科研项目技术方案借阅逾期未还', '不符合', '不适用']) expect(raw).toContain(text);
  pdfToPng(pdf, path.join(SHOTS, 'inspection-register'), 60);

  // The next month: its run carries the open finding over until it is closed. The core
  // refuses a run for a month still to come, so its clock steps into that month first.
  const next = nextMonth();
  clock.jumpTo(`${next}-01T02:00:00.000Z`);
  await list.goTo();
  await expect(list.run(month)).toBeVisible();
  await expect(list.openFindings.getByTestId('finding-row')).toHaveCount(1);
  await list.month.fill(next);
  await expect(list.createButton).toHaveText('创建');
  await list.createButton.click();
  await run.expectShown(next);
  await expect(run.carriedOver.getByTestId('finding-row')).toHaveCount(1);
  await expect(run.carriedOver).toContainText('年度科研项目技术方案借阅逾期未还');
  await expect(run.evidence('F36')).toContainText('1 项以前月份的问题尚未整改完毕');
  await run.closeCarriedOver('年度科研项目技术方案借阅逾期未还', '已催还并归还，借阅登记已补签');
  await expect(toast(app, '已整改关闭')).toBeVisible();
  await expect(run.carriedOver).toContainText('以前月份的问题均已整改');
  await expect(run.evidence('F36')).toContainText('以前月份的问题均已整改');

  // The first month's run shows the finding closed with what was done.
  await list.goTo();
  await expect(list.openFindings).toContainText('没有未整改的问题');
  await list.run(month).click();
  await run.expectShown(month);
  await expect(run.findings).toContainText(`${isoDay(0)} 已整改`);
  await expect(run.findings).toContainText('已催还并归还，借阅登记已补签');

  // The overdue loan's entry on the home page opens the carrier.
  await new AppShellPage(app).goTo('首页');
  await due.overdue.getByRole('button', { name: new RegExp(plan!.number) }).click();
  await new CarriersDetailPage(app).expectShown(plan!.number);
});

test('清点 by scanning: a duplicate and an unknown code warn at once, the counts follow; ending lists the missing item, which is reported lost (R-30), and the discrepancy report prints', async ({
  app,
  services,
  printer,
}) => {
  const cast = await setUp(services, { 孙保管: 'important', 李领导: 'core' });
  const [a, b, c] = await receive(cast, '孙保管', ['关于加强保密管理工作的通知', '年度科研项目技术方案', '国防专项会议纪要']);
  await openLedger(app);

  const recon = new ReconPage(app);
  await recon.goTo();
  await recon.start('月清理', '保密柜', '1号保密柜');
  const session = new ReconSessionPage(app);
  await expect(session.title).toHaveText('月清理');
  await expect(session.state).toHaveText('进行中');
  await expect(session.counts).toHaveText('0 / 3');

  await session.scan(a!.number);
  await expect(session.scanResult).toHaveAttribute('data-result', 'sighted');
  await expect(session.scanResult).toContainText(`已清点：${a!.number}`);
  await expect(session.counts).toHaveText('1 / 3');
  // A scanner may send lower case; the ledger's number is found all the same.
  await session.scan(b!.number.toLowerCase());
  await expect(session.counts).toHaveText('2 / 3');
  await session.scan(a!.number);
  await expect(session.scanResult).toHaveAttribute('data-result', 'duplicate');
  await expect(session.scanResult).toContainText(`重复扫描：${a!.number} 本次清点已扫描过`);
  await expect(session.counts).toHaveText('2 / 3');
  await session.scan('ZT-1999-0009');
  await expect(session.scanResult).toHaveAttribute('data-result', 'unknown');
  await expect(session.scanResult).toContainText('台账中没有此编号：ZT-1999-0009');
  // Focus never left the field: the scanner can go on without a click.
  await expect(session.scanField).toBeFocused();
  await app.screenshot({ path: path.join(SHOTS, 'recon-scanning.png'), fullPage: true });

  await session.end();
  await expect(session.missing.getByTestId('recon-row')).toHaveCount(1);
  await expect(session.missingRow(c!.number)).toContainText('国防专项会议纪要');
  await expect(session.duplicates).toContainText(a!.number);
  await expect(session.unexpected).toContainText('ZT-1999-0009');
  await expect(session.away).toContainText('没有在外的物品');
  await expect(session.scanField).toHaveCount(0);

  await session.missingRow(c!.number).getByRole('button', { name: '报告下落不明' }).click();
  await expect(session.dialog).toBeVisible();
  await expect(session.dialog).toContainText('60 天内未找回视为泄密');
  await input(session.dialog, '报告对象').fill('李领导、市保密局');
  await input(session.dialog, '经过').fill('月清理时未在 1 号保密柜找到');
  await session.dialog.getByRole('button', { name: '报告下落不明' }).click();
  await expect(session.dialog).toHaveCount(0);
  await expect(session.missingRow(c!.number).getByTestId('reported-lost')).toHaveText('已报告下落不明');
  await app.screenshot({ path: path.join(SHOTS, 'recon-report.png'), fullPage: true });

  await session.print.getByRole('button', { name: '保存为 PDF' }).click();
  await expect(new PrintPage(app).pdfSaved).toContainText(/共 \d+ 页/, { timeout: PDF_MS });
  const raw = pdfCompactText(printer.files[0] as string);
  for (const text of ['清点差异报告', '缺失', c!.number, '重复', 'ZT-1999-0009', '机密']) expect(raw).toContain(text);

  // The carrier now runs the R-30 timer.
  await session.missingRow(c!.number).getByRole('button', { name: c!.number }).click();
  const detail = new CarriersDetailPage(app);
  await detail.expectShown(c!.number);
  await expect(detail.stateBadge).toHaveText('下落不明');
  await expect(detail.leakStatus).toBeVisible();
});

test('R-14 leaving is refused while carriers are outstanding, listing them; after the R-28 handover (opened prefilled from the refusal) it is recorded with the R-12 脱密期 end', async ({ app, services }) => {
  const cast = await setUp(services, { 周离岗: 'important', 孙保管: 'important', 李领导: 'core' });
  const held = await receive(cast, '周离岗', ['关于加强保密管理工作的通知', '年度科研项目技术方案']);
  await openLedger(app);

  const person = new PeoplePersonPage(app);
  await person.open('周离岗');
  await expect(person.status).toHaveText('在岗');
  await expect(person.holdings.locator('tbody tr')).toHaveCount(2);

  // Post details: 承诺书 and 上岗 dates are recorded as a change of post.
  const post = app.getByRole('form', { name: '岗位信息' });
  await input(post, '承诺书日期').fill(isoDay(-400));
  await input(post, '上岗日期').fill(isoDay(-399));
  await input(post, '岗位').fill('项目主管');
  await input(post, '岗位').press('Enter');
  await expect(toast(app, '已保存 周离岗 的岗位信息')).toBeVisible();

  await person.leave('离岗', isoDay(0));
  await expect(person.refusal).toContainText('R-14：周离岗 名下仍有 2 项');
  await expect(person.refusal).toContainText('尚未清退（2 项）');
  for (const h of held) await expect(person.refusal).toContainText(h.number);
  await expect(person.done).toHaveCount(0);
  await app.screenshot({ path: path.join(SHOTS, 'person-refusal.png'), fullPage: true });

  await person.handoverButton.click();
  const handover = new CarriersHandoverPage(app);
  await handover.expectShown();
  await expect(handover.from).toHaveValue(/^周离岗/);
  await expect(handover.list.locator('tbody tr')).toHaveCount(2);
  await pickOption(app, handover.to, '孙保管', '孙保管');
  await typeName(handover.leader, '李领导');
  await handover.bothSigned.check();
  await handover.submitButton.click();
  await expect(toast(app, '已移交 2 件')).toBeVisible();

  // Back on the person's page, nothing is held and leaving goes through.
  await expect(person.name).toHaveText('周离岗');
  await expect(app.getByText('名下没有涉密载体、介质或计算机')).toBeVisible();
  await person.leave('离岗', isoDay(0));
  const until = `${Number(isoDay(0).slice(0, 4)) + 2}${isoDay(0).slice(4)}`;
  await expect(person.done).toContainText(`已于 ${isoDay(0)} 离岗。`);
  await expect(person.done).toContainText(`脱密期至 ${until}（R-12）`);
  await expect(person.status).toHaveText('离岗');

  await new AppShellPage(app).goTo('人员');
  const row = app.getByRole('table', { name: '人员名单' }).getByRole('row').filter({ hasText: '周离岗' });
  await expect(row).toContainText('离岗');
  await expect(row).toContainText(`脱密期至 ${until}`);
  await expect(row).toContainText(isoDay(-400));
});

test('§7 the unit edits a copy of the checklist (an item added with points, one reworded, one removed): it is saved as version 2 and the next run uses it', async ({ app, services }) => {
  await setUp(services, { 赵使用: 'general' });
  await openLedger(app);
  const list = new InspectionsListPage(app);
  await list.goTo();
  await list.templateButton.click();
  await expect(app.getByRole('heading', { name: '检查表模板', level: 2 })).toBeVisible();
  await expect(app.getByTestId('checklist-version')).toHaveText('默认（首次检查时启用）');
  await app.getByRole('button', { name: '编辑副本' }).click();

  const editor = app.getByRole('form', { name: '编辑检查表副本' });
  await input(editor, '模板名称').fill('本所月度保密检查表');
  await editor.getByRole('button', { name: '删除 E32' }).click();
  await editor.getByRole('textbox', { name: 'E31 检查项内容' }).fill('保密柜锁具完好，钥匙由专人保管');
  await editor.getByTestId('edit-group-E').getByRole('button', { name: '添加检查项' }).click();
  await editor.getByRole('textbox', { name: 'E37 检查项内容' }).fill('涉密会议室已检测，无无线设备');
  await editor.getByRole('textbox', { name: 'E37 分值' }).fill('5');
  await editor.getByRole('textbox', { name: 'E37 检查项内容' }).press('Enter');
  await expect(toast(app, '已保存为第 2 版')).toBeVisible();
  await expect(app.getByTestId('checklist-version')).toHaveText('第 2 版');
  await expect(app.getByTestId('checklist-name')).toHaveText('本所月度保密检查表');
  await expect(app.getByText('共 36 项，总分 5')).toBeVisible();
  await app.screenshot({ path: path.join(SHOTS, 'checklist.png'), fullPage: true });

  await list.goTo();
  await list.create();
  const run = new InspectionsRunPage(app);
  await run.expectShown(isoDay(0).slice(0, 7));
  await expect(app.getByText('本所月度保密检查表 第 2 版，共 36 项')).toBeVisible();
  await expect(run.item('E37')).toContainText('涉密会议室已检测，无无线设备');
  await expect(run.item('E37')).toContainText('5 分');
  await expect(run.item('E31')).toContainText('钥匙由专人保管');
  await expect(run.item('E32')).toHaveCount(0);
});
