import path from 'node:path';
import { DevicesComputerDetailPage } from '../pages/devices-computer-detail-page';
import { DevicesComputersPage } from '../pages/devices-computers-page';
import { DevicesMediaPage } from '../pages/devices-media-page';
import { DevicesMediumDetailPage } from '../pages/devices-medium-detail-page';
import { AppShellPage } from '../pages/app-shell-page';
import { input, isoDay, pickOption, toast } from '../pages/mantine';
import type { NewPerson } from '../pages/people-page';
import { PrintPage } from '../pages/print-page';
import { expect, test } from './support/bridge';
import { newVault, registerPeople } from './support/ledger-setup';
import { SHIPPED_FONT, pdfCompactText, pdfFonts, pdfPages, pdfText, pdfToPng } from '../print/poppler';

const SHOTS = process.env.E2E_SHOTS_DIR ?? '/tmp';

const PEOPLE = {
  user: { name: '李使用', department: '综合处', post: '科员', clearance: '重要' },
  keeper: { name: '吴保管', department: '机要室', post: '保密员', clearance: '重要' },
  leader: { name: '王处长', department: '所领导', post: '副所长', clearance: '核心' },
} satisfies Record<string, NewPerson>;

const PC1 = 'JSJ-2026-01';
const PC2 = 'JSJ-2026-02';
const USB = 'U-2026-01';
const R36 = `R-36：介质 ${USB} 未绑定计算机 ${PC2}，不得在其上使用`;

// A whole day at the desk through the UI on a two-core machine, plus a PDF: more than a minute.
test.describe.configure({ timeout: 240_000 });

test('R-31 enable, R-32 start now / end now, R-33 sent-out repair keeps the disk, R-35 issue and bind, R-36 use on an unbound computer refused and kept as a finding, register 9 as PDF', async ({
  app,
  services,
  printer,
}) => {
  await newVault(app, services);
  await registerPeople(app, Object.values(PEOPLE));
  const shell = new AppShellPage(app);

  // 涉密计算机: register with one disk; it waits for 启用.
  const computers = new DevicesComputersPage(app);
  await computers.goTo();
  await expect(computers.total).toHaveText('共 0 台');
  await computers.register({
    number: PC1,
    level: '机密',
    model: '联想 M720',
    responsible: PEOPLE.keeper.name,
    user: PEOPLE.user.name,
    location: '机要室 301',
    disks: [{ serial: 'WD-8842', capacity: '1TB' }],
    flags: ['主机审计', '违规外联监控', '无线已拆除', '音视频已禁用'],
  });
  const pc = new DevicesComputerDetailPage(app);
  await pc.expectShown(PC1);
  await expect(toast(app, `已登记涉密计算机：${PC1}`)).toBeVisible();
  await expect(pc.stateBadge).toHaveText('待启用');
  await expect(pc.level).toHaveText('机密');
  await expect(pc.field('硬盘序列号（容量）')).toHaveText('WD-8842（1TB）');
  await expect(pc.action('开始使用')).toHaveCount(0);

  await pc.enable();
  await expect(pc.stateBadge).toHaveText('在用');
  await expect(pc.field('标识已粘贴')).toHaveText('是');
  // In use and no password change recorded: R-10 says so in red.
  await expect(app.getByTestId('password-overdue')).toBeVisible();
  await pc.passwordChanged(12);
  await expect(app.getByTestId('password-overdue')).toHaveCount(0);

  // one click when the user sits down, one when they leave.
  await expect(pc.usageStatus).toHaveText('当前无人使用');
  await pc.startNow('起草年度保密工作总结');
  await expect(pc.usageStatus).toContainText(`${PEOPLE.user.name} 使用中`);
  await computers.goTo();
  await expect(computers.row(PC1).getByTestId('open-usage')).toContainText(`${PEOPLE.user.name} 使用中`);
  await computers.row(PC1).getByRole('button', { name: PC1 }).click();
  await pc.expectShown(PC1);
  await pc.endNow({ highestLevel: '秘密' });
  await expect(toast(app, `已登记结束使用：${PC1}`)).toBeVisible();
  await expect(pc.usageStatus).toHaveText('当前无人使用');
  await pc.openTab('使用登记簿');
  await expect(pc.usageBook.locator('tbody tr')).toHaveCount(1);
  await expect(pc.usageBook).toContainText('起草年度保密工作总结');
  await expect(pc.usageBook).toContainText(PEOPLE.user.name);
  await pc.openTab('记录');
  await expect(pc.timeline).toContainText('开始使用');
  await expect(pc.timeline).toContainText('最高密级：秘密');

  // sent out only with approval and the disk removed and kept, chosen by serial.
  await pc.startSentOutRepair({ fault: '电源故障无法开机', repairer: '某资质维修公司', keptAt: '1号保密柜', approver: PEOPLE.leader.name });
  await pc.submitRepair();
  await expect(pc.dialog).toContainText('须拆下全部硬盘留存，未选：WD-8842');
  await pc.disk('WD-8842（1TB）').check();
  await pc.submitRepair();
  await pc.expectDialogClosed();
  await expect(pc.stateBadge).toHaveText('维修');
  await expect(pc.timeline).toContainText('拆留硬盘：WD-8842');
  await expect(pc.timeline).toContainText('硬盘存放：1号保密柜');
  await expect(pc.timeline).toContainText(`批准：${PEOPLE.leader.name}（主管领导`);
  await pc.finishRepair();
  await expect(pc.stateBadge).toHaveText('在用');

  // A second computer, never bound to the medium.
  await computers.goTo();
  await computers.register({ number: PC2, level: '机密', responsible: PEOPLE.keeper.name, location: '机要室 302' });
  await pc.expectShown(PC2);

  // The medium: registered, issued with a signature, bound to the first computer.
  const mediaList = new DevicesMediaPage(app);
  await mediaList.goTo();
  await mediaList.register({ number: USB, kind: 'U盘', level: '秘密', serial: 'SN-0077', capacity: '64GB', responsible: PEOPLE.keeper.name });
  const usb = new DevicesMediumDetailPage(app);
  await usb.expectShown(USB);
  await expect(usb.stateBadge).toHaveText('待配发');
  await usb.issue(PEOPLE.user.name);
  await expect(usb.stateBadge).toHaveText('在用');
  await usb.bind(PC1);
  await expect(usb.boundComputers).toContainText(PC1);

  // a use on the unbound computer is refused with the rule, and kept as a finding.
  await usb.recordUse({ computer: PC2, summary: '拷贝会议材料' });
  await expect(usb.dialogError).toContainText(R36);
  await expect(usb.findings).toContainText(R36);
  await usb.closeDialog();
  await expect(usb.findings).toContainText('违规使用记录（R-36）：1 条');
  await expect(usb.timeline).toContainText('拒绝使用（R-36）');
  await app.screenshot({ path: path.join(SHOTS, 'medium-detail.png'), fullPage: true });

  // The ledger's own backup medium is marked in the list (R-05: registered at 机密).
  await mediaList.goTo();
  await mediaList.register({ number: 'YP-2026-01', kind: '移动硬盘', level: '机密', capacity: '2TB', responsible: PEOPLE.keeper.name, backup: true });
  await usb.expectShown('YP-2026-01');
  await mediaList.goTo();
  await expect(mediaList.total).toHaveText('共 2 件');
  await expect(mediaList.row('YP-2026-01').getByTestId('backup-badge')).toHaveText('备份介质');
  await expect(mediaList.row(USB).getByTestId('backup-badge')).toHaveCount(0);
  await expect(mediaList.row(USB)).toContainText(PC1);
  await expect(mediaList.row(USB).getByTestId('state-badge')).toHaveText('在用');
  await app.screenshot({ path: path.join(SHOTS, 'media-list.png'), fullPage: true });

  await computers.goTo();
  await expect(computers.total).toHaveText('共 2 台');
  // PC2 is not enabled: no password is due on it yet; PC1's was changed today.
  await expect(computers.row(PC1).getByTestId('password-due')).toHaveText(isoDay(7));
  await app.screenshot({ path: path.join(SHOTS, 'computer-list.png'), fullPage: true });
  await computers.row(PC1).getByRole('button', { name: PC1 }).click();
  await pc.expectShown(PC1);
  await expect(pc.field('绑定介质')).toContainText(USB);
  await pc.openTab('缺少使用登记的工作日');
  await expect(app.getByText('本月工作日均有使用登记')).toBeVisible();
  await pc.openTab('记录');
  await app.screenshot({ path: path.join(SHOTS, 'computer-detail.png'), fullPage: true });

  // Register 9: one computer's usage book, as PDF, with the shipped font and signature column.
  await shell.goTo('打印登记簿');
  const print = new PrintPage(app);
  await print.expectShown();
  await print.choose('涉密计算机使用登记簿', isoDay(-7), isoDay(0));
  await print.previewButton.click();
  await expect(app.getByTestId('form-error')).toContainText('请先选择要打印使用登记簿的计算机');
  await pickOption(app, input(app, '计算机'), PC1, PC1);
  // Straight to the PDF: while the sandboxed preview frame is on the page, Playwright's
  // trace snapshots try to script it and Chromium logs a (rightly) blocked script.
  await print.savePdfButton.click();
  // Chromium renders the PDF: slow on a busy two-core machine.
  await expect(print.pdfSaved).toContainText(/共 \d+ 页/, { timeout: 60_000 });
  expect(printer.files).toHaveLength(1);
  const pdf = printer.files[0] as string;

  expect(pdfFonts(pdf)).toMatch(SHIPPED_FONT);
  const pages = pdfPages(pdf);
  expect(pages).toBeGreaterThanOrEqual(1);
  const raw = pdfCompactText(pdf);
  for (const text of ['涉密计算机使用登记簿', '开机', '关机', '使用人', '签字', '机密', `第1页共${pages}页`, PC1, PEOPLE.user.name, '起草年度保密工作总结']) {
    expect(raw).toContain(text);
  }
  // the computer's level marks the book, at the top and the bottom of the page.
  expect(pdfText(pdf, { first: 1, last: 1 }).split('机密').length - 1).toBeGreaterThanOrEqual(2);
  pdfToPng(pdf, path.join(SHOTS, 'usage-register'), 70);
});
