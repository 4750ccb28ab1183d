import path from 'node:path';
import { AppShellPage } from '../pages/app-shell-page';
import { CarriersDestructionPage } from '../pages/carriers-destruction-page';
import { CarriersDetailPage } from '../pages/carriers-detail-page';
import { CarriersHandoverPage } from '../pages/carriers-handover-page';
import { CarriersListPage } from '../pages/carriers-list-page';
import { CarriersReceivePage } from '../pages/carriers-receive-page';
import { input, isoDay, pickOption, toast } from '../pages/mantine';
import { PrintPage } from '../pages/print-page';
import { expect, test } from './support/bridge';
import { CABINET, CAST, ITEMS, newVault, receiveItems, registerCastAndCabinet } from './support/ledger-setup';
import { SHIPPED_FONT, pdfCompactText, pdfFonts, pdfPages, pdfToPng } from '../print/poppler';

const NUMBER = /^ZT-\d{4}-\d{4}$/;
const SHOTS = process.env.E2E_SHOTS_DIR ?? '/tmp';

// Whole flows through the UI (a vault, five people, a cabinet, a delivery, then the rules
// under test) on a two-core machine: more than the default minute.
test.describe.configure({ timeout: 150_000 });

test('R-20 one delivery of three on one receipt, R-02 份号 for 机密, R-24 lend and return, R-15 an overdue loan shows red under 仅逾期', async ({
  app,
  services,
}) => {
  await newVault(app, services);
  await registerCastAndCabinet(app);
  const shell = new AppShellPage(app);
  await shell.goTo('载体台账');
  const list = new CarriersListPage(app);
  await list.expectShown();
  await expect(list.total).toHaveText('共 0 件');

  await list.receiveButton.click();
  const receive = new CarriersReceivePage(app);
  await receive.expectShown();
  await receive.setReceiver(CAST.custodian.name);
  // Received a month ago, so that a loan made 20 days ago (below) comes after the receipt.
  const received = isoDay(-30);
  await receive.receivedOn.fill(received);
  await receive.fillItem(1, { ...ITEMS[0]!, classifiedOn: received, copyNumbers: '', cabinet: CABINET.name });
  // The hint is there before submitting, and the refusal names the rule after.
  await expect(receive.item(1)).toContainText('机密载体必须登记份号（R-02）');
  await expect(receive.item(1)).toContainText('标志：机密★10年');
  for (const [i, item] of ITEMS.slice(1).entries()) {
    await receive.addItem();
    await receive.fillItem(i + 2, { ...item, classifiedOn: received, cabinet: CABINET.name });
  }
  await expect(receive.item(2)).toContainText('标志：秘密★10年（未标明期限，按最长期限，R-03）');
  await receive.submitButton.click();
  await expect(receive.item(1)).toContainText('机密载体必须填写份号（R-02）');
  await app.evaluate(() => window.scrollTo(0, 0));
  await app.screenshot({ path: path.join(SHOTS, 'receive-form.png') });

  await receive.field(1, '份号').fill('003');
  await receive.submitButton.click();
  const numbers = await receive.registeredNumbers();
  expect(numbers).toHaveLength(3);
  for (const n of numbers) expect(n).toMatch(NUMBER);
  const [notice, plan, minutes] = numbers as [string, string, string];

  await app.getByRole('button', { name: '返回台账' }).click();
  await list.expectShown();
  await expect(list.total).toHaveText('共 3 件');
  await expect(list.rows()).toHaveCount(3);
  // A Chinese substring of a title finds it (debounced search).
  await list.search.fill('保密管理');
  await expect(list.total).toHaveText('共 1 件');
  await expect(list.row(notice)).toBeVisible();
  await list.search.fill('');
  await expect(list.total).toHaveText('共 3 件');

  await list.open(notice);
  const detail = new CarriersDetailPage(app);
  await detail.expectShown(notice);
  await expect(detail.marking).toHaveText('机密★10年');
  await expect(detail.field('份号')).toHaveText('003');
  await expect(detail.field('存放位置')).toHaveText(CABINET.name);

  const headBefore = await shell.chainHead.innerText();
  // a loan longer than the unit's maximum is refused, with the rule in the message.
  await detail.lend({ borrower: CAST.borrower.name, reason: '起草工作方案', dueOn: isoDay(40), approver: CAST.leader.name });
  await expect(detail.dialogError).toContainText('R-15：借阅期限不得超过 30 天');
  await input(detail.dialog, '应还日期').fill(isoDay(7));
  await detail.dialog.getByRole('button', { name: '登记借阅' }).click();
  await detail.expectDialogClosed();
  await expect(toast(app, `已登记借阅：${notice}`)).toBeVisible();
  await expect(detail.stateBadge).toHaveText('借出');
  await expect(detail.field('持有人')).toHaveText(CAST.borrower.name);
  // Every recorded event is audited: the header shows the new chain head.
  await expect(shell.chainHead).not.toHaveText(headBefore);

  await detail.returnLoan();
  await detail.expectDialogClosed();
  await expect(detail.stateBadge).toHaveText('在库');
  await expect(detail.timelineEvents()).toContainText(['收文登记', '借阅', '借阅归还']);
  await expect(detail.timeline).toContainText(`借阅人：${CAST.borrower.name}`);
  await expect(detail.timeline).toContainText(`批准：${CAST.leader.name}（主管领导`);

  // A loan made 20 days ago and due 10 days ago is overdue today.
  await detail.backButton.click();
  await list.open(plan);
  await detail.expectShown(plan);
  await detail.lend({
    borrower: CAST.borrower.name,
    reason: '项目评审',
    occurredOn: isoDay(-20),
    dueOn: isoDay(-10),
    approver: CAST.leader.name,
  });
  await detail.expectDialogClosed();
  await expect(detail.stateBadge).toHaveText('借出·逾期');
  await expect(detail.field('应还日期')).toHaveText(`${isoDay(-10)}（已逾期）`);
  await app.screenshot({ path: path.join(SHOTS, 'carrier-detail.png'), fullPage: true });

  await detail.backButton.click();
  await list.expectShown();
  await expect(list.stateBadge(plan)).toHaveText('借出·逾期');
  await expect(list.stateBadge(plan)).toHaveAttribute('data-overdue', 'true');
  await expect(list.stateBadge(plan)).toHaveCSS('background-color', 'rgb(250, 82, 82)');
  await expect(list.stateBadge(minutes)).toHaveText('在库');
  await app.screenshot({ path: path.join(SHOTS, 'carrier-list.png'), fullPage: true });

  await list.overdueOnly.check();
  await expect(list.total).toHaveText('共 1 件');
  await expect(list.rows()).toHaveCount(1);
  expect(await list.numbers()).toEqual([plan]);
  // The filters survive a visit to the item and back.
  await list.open(plan);
  await detail.backButton.click();
  await expect(list.overdueOnly).toBeChecked();
  await expect(list.total).toHaveText('共 1 件');
});

test('R-25 a 机密 copy needs the leader and gets its own number linked to the original; R-29 destruction needs two different witnesses; R-28 what a custodian keeps is handed over on one list', async ({
  app,
  services,
}) => {
  await newVault(app, services);
  await registerCastAndCabinet(app);
  const [notice, plan] = (await receiveItems(app)) as [string, string, string];
  await app.getByRole('button', { name: '返回台账' }).click();
  const list = new CarriersListPage(app);
  await list.expectShown();

  await list.open(notice);
  const detail = new CarriersDetailPage(app);
  await detail.expectShown(notice);
  await detail.copy({ applicant: CAST.borrower.name, approver: CAST.witness2.name, role: '部门负责人' });
  await expect(detail.dialogError).toContainText('R-25：机密、秘密载体复制须经单位领导批准');
  await pickOption(app, input(detail.dialog, '批准人身份'), '主管领导');
  await input(detail.dialog, '批准人').fill(CAST.leader.name);
  await detail.dialog.getByRole('button', { name: '登记复制' }).click();
  await detail.expectDialogClosed();
  const copyLink = detail.field('复制件').getByRole('button');
  await expect(copyLink).toHaveCount(1);
  const copyNumber = (await copyLink.innerText()).replace(/（.*$/, '');
  expect(copyNumber).toMatch(NUMBER);
  expect(copyNumber).not.toBe(notice);

  await copyLink.click();
  await detail.expectShown(copyNumber);
  await expect(detail.marking).toHaveText('机密★10年');
  await expect(detail.field('来源')).toHaveText('复制');
  await expect(detail.field('份号')).toHaveText('003-复1');
  await detail.field('母件').getByRole('button', { name: notice }).click();
  await detail.expectShown(notice);
  await expect(detail.timeline).toContainText(`复制件：${copyNumber}`);

  await new AppShellPage(app).goTo('载体台账');
  await expect(list.total).toHaveText('共 4 件');
  await list.select(plan);
  await expect(app.getByTestId('selection-bar')).toContainText('已选 1 件');
  await list.destroySelectedButton.click();
  const destruction = new CarriersDestructionPage(app);
  await destruction.expectShown();
  await expect(destruction.list).toContainText(plan);
  await destruction.fill({
    reason: '项目结束，不再需要',
    applicant: CAST.custodian.name,
    approver: CAST.leader.name,
    place: '市保密局销毁中心',
    destroyer: CAST.custodian.name,
    witness1: CAST.witness1.name,
    witness2: CAST.witness1.name,
  });
  await destruction.submit();
  await expect(destruction.error).toContainText('R-29：销毁需两名不同的监销人');

  await destruction.setWitnesses(CAST.witness1.name, CAST.witness2.name);
  await destruction.submit();
  await expect(toast(app, '已销毁 1 件')).toBeVisible();
  await list.expectShown();
  await expect(list.stateBadge(plan)).toHaveText('已销毁');
  await expect(app.getByTestId('selection-bar')).toHaveCount(0);
  await list.open(plan);
  await expect(detail.timeline).toContainText(`监销人：${CAST.witness1.name}、${CAST.witness2.name}`);
  await expect(detail.toolbar).toContainText('当前状态「已销毁」下没有可办理的事项');

  // everything the custodian still keeps goes to the receiver on one list.
  await new AppShellPage(app).goTo('载体台账');
  await list.handoverButton.click();
  const handover = new CarriersHandoverPage(app);
  await handover.expectShown();
  await handover.fill(CAST.custodian.name, CAST.borrower.name, CAST.leader.name);
  await expect(handover.list.locator('tbody tr')).toHaveCount(3);
  await expect(handover.list).not.toContainText(plan);
  await handover.submitButton.click();
  await expect(handover.error).toContainText('R-28：清退/移交须由双方签字');
  await handover.bothSigned.check();
  await handover.submitButton.click();
  await expect(toast(app, '已移交 3 件')).toBeVisible();
  await list.expectShown();
  await expect(list.row(notice)).toContainText(CAST.borrower.name);
  await expect(list.row(copyNumber)).toContainText(CAST.borrower.name);
});

test('the 借阅 register is previewed, saved as PDF with the shipped font, headers, 机密 marking and page numbers, and registered as a carrier (R-05)', async ({
  app,
  services,
  printer,
}) => {
  await newVault(app, services);
  await registerCastAndCabinet(app);
  const [notice] = (await receiveItems(app)) as [string, string, string];
  await app.getByRole('button', { name: '返回台账' }).click();
  const list = new CarriersListPage(app);
  await list.open(notice);
  const detail = new CarriersDetailPage(app);
  await detail.lend({ borrower: CAST.borrower.name, reason: '起草工作方案', approver: CAST.leader.name });
  await detail.expectDialogClosed();

  await new AppShellPage(app).goTo('打印登记簿');
  const print = new PrintPage(app);
  await print.expectShown();
  await print.choose('借阅（传阅）登记表', isoDay(-30), isoDay(0));
  await print.previewButton.click();
  await expect(print.previewFacts).toHaveText('1 条记录 · 标志 机密★20年');
  await expect(print.previewFrame).toHaveAttribute('sandbox', '');
  await expect.poll(() => print.previewText()).toContain('借阅（传阅）登记表');
  const shown = await print.previewText();
  expect(await print.previewScripts()).toBe(0);
  for (const text of ['借阅人签字', '应还日期', notice, CAST.borrower.name, '起草工作方案']) expect(shown).toContain(text);
  await app.screenshot({ path: path.join(SHOTS, 'print-preview.png'), fullPage: true });

  await print.savePdfButton.click();
  await expect(print.pdfSaved).toContainText(/共 \d+ 页/);
  expect(printer.files).toHaveLength(1);
  const pdf = printer.files[0] as string;
  await expect(print.pdfSaved).toContainText(pdf);

  expect(pdfFonts(pdf)).toMatch(SHIPPED_FONT);
  const pages = pdfPages(pdf);
  expect(pages).toBeGreaterThanOrEqual(1);
  const raw = pdfCompactText(pdf);
  for (const text of ['借阅人签字', '应还日期', '机密', `第1页共${pages}页`, notice, CAST.borrower.name]) expect(raw).toContain(text);
  pdfToPng(pdf, path.join(SHOTS, 'loan-register'), 70);

  await print.registerPrintout(CAST.custodian.name, CABINET.name);
  await expect(print.printoutRegistered).toContainText(/ZT-\d{4}-\d{4}/);
  await expect(print.printoutRegistered).toContainText('机密');
  await expect(print.printoutRegistered).toContainText('借阅（传阅）登记表');
});
