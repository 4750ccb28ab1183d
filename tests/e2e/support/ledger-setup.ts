import { expect, type Page } from '@playwright/test';
import { dispatch } from '../../../src/api/dispatch';
import type { Services } from '../../../src/app/create-services';
import { AppShellPage } from '../../pages/app-shell-page';
import { CabinetsPage } from '../../pages/cabinets-page';
import { CarriersListPage } from '../../pages/carriers-list-page';
import { CarriersReceivePage, type NewItem } from '../../pages/carriers-receive-page';
import { PeoplePage, type NewPerson } from '../../pages/people-page';
import { createVault } from './flows';

/** The unit's people for the carrier specs: who borrows, approves, witnesses and keeps. */
export const CAST = {
  borrower: { name: '王借阅', department: '综合处', post: '科员', clearance: '一般' },
  leader: { name: '李领导', department: '所领导', post: '副所长', clearance: '核心' },
  witness1: { name: '赵监销', department: '保密办', post: '干事', clearance: '重要' },
  witness2: { name: '钱监销', department: '办公室', post: '主任', clearance: '重要' },
  custodian: { name: '孙保管', department: '机要室', post: '机要员', clearance: '重要' },
} satisfies Record<string, NewPerson>;

export const CABINET = { name: '1号保密柜', room: '机要室 301' };

export const ITEMS: NewItem[] = [
  { title: '关于加强保密管理工作的通知', docNo: '某保〔2026〕12号', issuer: '市保密局', level: '机密', term: '10年', copyNumbers: '003', pages: 6 },
  { title: '年度科研项目技术方案', docNo: '某科〔2026〕7号', issuer: '市科技局', level: '秘密', copies: 2, copyNumbers: '011-012', pages: 40 },
  { title: '国防专项会议纪要', docNo: '某防〔2026〕3号', issuer: '市国防科工办', level: '机密', term: '长期', copyNumbers: '001', pages: 12 },
];

/**
 * An idle "minute" lasts three seconds in these tests (TEST_MINUTE_MS), so the default ten
 * minutes of R-11 would lock the vault while Chromium renders a PDF. The carrier specs
 * are not about the idle lock: give them the longest setting (audited like any change).
 */
export async function relaxIdleLock(services: Services): Promise<void> {
  const r = await dispatch(services.handlers, 'settings:update', { idleMinutes: 240 });
  expect(r.ok).toBe(true);
}

/** A new vault, unlocked, with the idle lock relaxed (see relaxIdleLock). */
export async function newVault(page: Page, services: Services): Promise<void> {
  await createVault(page);
  await relaxIdleLock(services);
}

/** Registers people through the 人员 screen. */
export async function registerPeople(page: Page, people: NewPerson[]): Promise<void> {
  await new AppShellPage(page).goTo('人员');
  const screen = new PeoplePage(page);
  await screen.expectShown();
  for (const p of people) await screen.register(p);
  await expect(screen.table.locator('tbody tr')).toHaveCount(people.length);
}

/** Registers the cast and the cabinet through the 人员 and 保密柜 screens. */
export async function registerCastAndCabinet(page: Page): Promise<void> {
  await registerPeople(page, Object.values(CAST));
  const shell = new AppShellPage(page);
  await shell.goTo('保密柜');
  const cabinets = new CabinetsPage(page);
  await cabinets.expectShown();
  await cabinets.register(CABINET.name, CABINET.room);
}

/** Receives ITEMS as one delivery signed for by the custodian; returns their numbers. */
export async function receiveItems(page: Page, items: NewItem[] = ITEMS): Promise<string[]> {
  await new AppShellPage(page).goTo('载体台账');
  const list = new CarriersListPage(page);
  await list.expectShown();
  await list.receiveButton.click();
  const receive = new CarriersReceivePage(page);
  await receive.expectShown();
  await receive.setReceiver(CAST.custodian.name);
  for (const [i, item] of items.entries()) {
    if (i > 0) await receive.addItem();
    await receive.fillItem(i + 1, { cabinet: CABINET.name, ...item });
  }
  await receive.submitButton.click();
  const numbers = await receive.registeredNumbers();
  expect(numbers).toHaveLength(items.length);
  return numbers;
}
