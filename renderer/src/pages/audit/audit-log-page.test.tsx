import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src/api/result';
import type { AuditEntryView } from '../../../../src/api/types';
import { failure, fakeApi, renderZh } from '../../test/fake-api';
import { renderInShell } from '../../test/shell-harness';
import { LedgerShell } from '../../shell/ledger-shell';
import { AuditLogPage } from './audit-log-page';
import { AUDIT_PAGE_SIZE } from './use-audit-pages';

const entry = (seq: number, over: Partial<AuditEntryView> = {}): AuditEntryView => ({
  seq,
  at: '2026-11-22T08:00:05.000Z',
  actor: '张保密',
  action: 'carrier.lent',
  subject: `ZT-2026-${String(seq).padStart(4, '0')}`,
  payload: { n: seq },
  hash: `${seq.toString(16).padStart(8, '0')}${'e'.repeat(56)}`,
  ...over,
});

/** Entries from `newest` down, as many as `count`. */
const run = (newest: number, count: number) => Array.from({ length: count }, (_, i) => entry(newest - i));

const seqsShown = () =>
  [...screen.getByTestId('audit-table').querySelectorAll('tbody tr[data-seq]')].map((r) => Number(r.getAttribute('data-seq')));

describe('审计日志 page', () => {
  it('lists entries newest first under the Chinese action labels, with local time to the second, a short hash and the payload on demand', async () => {
    const api = fakeApi();
    api.audit.list.mockResolvedValue(
      ok({
        entries: [
          entry(3, { action: 'settings.updated', subject: null, payload: { changes: { idleMinutes: { from: 10, to: 2 } } } }),
          entry(2, { action: 'vault.unlocked', actor: 'system', payload: {} }),
          entry(1, { action: 'made.up', hash: `abcdef12${'0'.repeat(56)}` }),
        ],
      }),
    );
    const user = userEvent.setup();
    renderInShell(<AuditLogPage />);

    const table = await screen.findByTestId('audit-table');
    expect(api.audit.list).toHaveBeenCalledWith({ limit: AUDIT_PAGE_SIZE });
    expect(seqsShown()).toEqual([3, 2, 1]);
    const [head, r3, r2, r1] = within(table).getAllByRole('row');
    expect([...head!.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['序号', '时间', '操作人', '操作', '对象', '内容', '哈希']);
    expect(r3!.textContent).toContain('修改设置');
    expect(r3!.textContent).toContain('changes: {"idleMinutes":{"from":10,"to":2}}');
    expect(r3!.textContent).toMatch(/2026\/11\/22 \d{2}:00:05/);
    expect(r2!.textContent).toContain('解锁');
    expect(r2!.textContent).toContain('系统');
    // An action the translations do not know is shown as recorded.
    expect(r1!.textContent).toContain('made.up');
    expect(within(r1!).getByText('abcdef12').getAttribute('title')).toBe(`abcdef12${'0'.repeat(56)}`);
    expect(screen.getByText('已到最早的记录')).toBeTruthy();

    expect(screen.queryByTestId('audit-payload-3')).toBeNull();
    await user.click(within(r3!).getByRole('button', { name: '展开第 3 条记录的完整内容' }));
    expect(screen.getByTestId('audit-payload-3').textContent).toBe(JSON.stringify({ changes: { idleMinutes: { from: 10, to: 2 } } }, null, 2));
    await user.click(within(r3!).getByRole('button', { name: '收起第 3 条记录的完整内容' }));
    expect(screen.queryByTestId('audit-payload-3')).toBeNull();
  });

  it('加载更多 asks for the entries below the oldest one shown, and stops at the earliest', async () => {
    const api = fakeApi();
    api.audit.list.mockResolvedValueOnce(ok({ entries: run(250, AUDIT_PAGE_SIZE) })).mockResolvedValueOnce(ok({ entries: run(150, 30) }));
    const user = userEvent.setup();
    renderInShell(<AuditLogPage />);

    await screen.findByTestId('audit-table');
    expect(seqsShown()).toHaveLength(AUDIT_PAGE_SIZE);
    await user.click(screen.getByRole('button', { name: '加载更多' }));
    expect(api.audit.list).toHaveBeenCalledTimes(2);
    expect(api.audit.list).toHaveBeenLastCalledWith({ limit: AUDIT_PAGE_SIZE, beforeSeq: 151 });
    expect(await screen.findByText('已到最早的记录')).toBeTruthy();
    expect(seqsShown()).toEqual(Array.from({ length: 130 }, (_, i) => 250 - i));
    expect(screen.getByTestId('audit-shown').textContent).toBe('已列出 130 条');
    expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull();
  });

  it('the text and dates apply on Enter, a group as soon as it is picked, and 清除条件 returns to the whole log', async () => {
    const api = fakeApi();
    api.audit.list.mockResolvedValue(ok({ entries: [entry(9)] }));
    const user = userEvent.setup();
    renderInShell(<AuditLogPage />);
    await screen.findByTestId('audit-table');

    const text = screen.getByLabelText('对象或操作人');
    await user.type(text, ' ZT-2026 ');
    expect(api.audit.list).toHaveBeenCalledTimes(1);
    await user.type(text, '{Enter}');
    expect(api.audit.list).toHaveBeenLastCalledWith({ limit: AUDIT_PAGE_SIZE, text: 'ZT-2026' });
    // Enter again reads afresh from the newest entry, bringing in what was recorded since.
    await user.type(text, '{Enter}');
    expect(api.audit.list).toHaveBeenCalledTimes(3);
    expect(api.audit.list).toHaveBeenLastCalledWith({ limit: AUDIT_PAGE_SIZE, text: 'ZT-2026' });

    fireEvent.change(screen.getByLabelText('起始日期'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('截止日期'), { target: { value: '2026-11-30' } });
    expect(api.audit.list).toHaveBeenCalledTimes(3);
    await user.type(screen.getByLabelText('截止日期'), '{Enter}');
    expect(api.audit.list).toHaveBeenLastCalledWith({ limit: AUDIT_PAGE_SIZE, text: 'ZT-2026', fromDate: '2026-11-01', toDate: '2026-11-30' });

    await user.click(screen.getByRole('combobox', { name: '操作类别' }));
    await user.click(await screen.findByRole('option', { name: '载体（全部）' }));
    expect(api.audit.list).toHaveBeenLastCalledWith({ limit: AUDIT_PAGE_SIZE, action: 'carrier.', text: 'ZT-2026', fromDate: '2026-11-01', toDate: '2026-11-30' });

    await user.click(screen.getByRole('button', { name: '清除条件' }));
    expect(api.audit.list).toHaveBeenLastCalledWith({ limit: AUDIT_PAGE_SIZE });
    expect((screen.getByLabelText('对象或操作人') as HTMLInputElement).value).toBe('');
  });

  it('a range ending before it starts is refused in place, without reading', async () => {
    const api = fakeApi();
    const user = userEvent.setup();
    renderInShell(<AuditLogPage />);
    await screen.findByTestId('audit-none');
    fireEvent.change(screen.getByLabelText('起始日期'), { target: { value: '2026-11-30' } });
    fireEvent.change(screen.getByLabelText('截止日期'), { target: { value: '2026-11-01' } });
    await user.type(screen.getByLabelText('截止日期'), '{Enter}');
    expect(screen.getByText('截止日期不能早于起始日期')).toBeTruthy();
    expect(api.audit.list).toHaveBeenCalledTimes(1);
  });

  it('a failed read shows main’s message in place of the list, and 重试 reads again', async () => {
    const api = fakeApi();
    api.audit.list.mockResolvedValueOnce(failure('INTERNAL', '数据库忙，请稍后再试')).mockResolvedValueOnce(ok({ entries: [entry(1)] }));
    const user = userEvent.setup();
    const { ctx } = renderInShell(<AuditLogPage />);

    const failed = await screen.findByTestId('audit-read-failed');
    expect(failed.textContent).toContain('读取失败');
    expect(failed.textContent).toContain('数据库忙，请稍后再试');
    expect(screen.queryByText('正在读取审计记录…')).toBeNull();
    expect(ctx.fail).toHaveBeenCalledWith({ code: 'INTERNAL', message: '数据库忙，请稍后再试' });
    await user.click(within(failed).getByRole('button', { name: '重试' }));
    expect(await screen.findByTestId('audit-table')).toBeTruthy();
    expect(api.audit.list).toHaveBeenLastCalledWith({ limit: AUDIT_PAGE_SIZE });
    expect(screen.queryByTestId('audit-read-failed')).toBeNull();
  });

  it('a failed later page keeps what is shown, and 重试 asks for that same page again', async () => {
    const api = fakeApi();
    api.audit.list
      .mockResolvedValueOnce(ok({ entries: run(250, AUDIT_PAGE_SIZE) }))
      .mockResolvedValueOnce(failure('INTERNAL', '数据库忙，请稍后再试'))
      .mockResolvedValueOnce(ok({ entries: run(150, 10) }));
    const user = userEvent.setup();
    renderInShell(<AuditLogPage />);
    await screen.findByTestId('audit-table');
    await user.click(screen.getByRole('button', { name: '加载更多' }));
    const failed = await screen.findByTestId('audit-read-failed');
    expect(seqsShown()).toHaveLength(AUDIT_PAGE_SIZE);
    await user.click(within(failed).getByRole('button', { name: '重试' }));
    expect(api.audit.list).toHaveBeenLastCalledWith({ limit: AUDIT_PAGE_SIZE, beforeSeq: 151 });
    expect(await screen.findByText('已到最早的记录')).toBeTruthy();
    expect(seqsShown()).toHaveLength(AUDIT_PAGE_SIZE + 10);
  });

  it('points to the home page for verifying the chain instead of verifying a second way', async () => {
    fakeApi();
    const user = userEvent.setup();
    const { nav, ctx } = renderInShell(<AuditLogPage />);
    const note = await screen.findByTestId('audit-chain-note');
    expect(note.textContent).toContain('审计链本身在每次解锁时校验');
    await user.click(within(note).getByRole('button', { name: '到首页校验' }));
    expect(nav.navigate).toHaveBeenCalledWith({ page: 'home' });
    expect(ctx.verifyChain).not.toHaveBeenCalled();
  });
});

describe('审计日志 in the navigation', () => {
  it('is reached from the navbar by keyboard', async () => {
    const api = fakeApi();
    const user = userEvent.setup();
    renderZh(<LedgerShell onLock={vi.fn(async () => undefined)} onVaultLocked={vi.fn()} />);
    const navbar = await screen.findByRole('navigation', { name: '导航' });
    const link = within(navbar).getByRole('button', { name: '审计日志' });
    link.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: '审计日志' })).toBeTruthy();
    expect(link.getAttribute('aria-current')).toBe('page');
    expect(api.audit.list).toHaveBeenLastCalledWith({ limit: AUDIT_PAGE_SIZE });
  });
});
