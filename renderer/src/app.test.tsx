import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ok } from '../../src/api/result';
import type { VaultState } from '../../src/api/types';
import { App } from './app';
import { useActivityReporter } from './hooks/use-activity-reporter';
import { createResult, fakeApi, renderZh, status } from './test/fake-api';
import { deferred } from './test/fixtures';

function withState(initial: VaultState) {
  const api = fakeApi();
  const vault = { state: initial };
  api.vault.status.mockImplementation(async () => ok(status({ state: vault.state })));
  return { api, vault, user: userEvent.setup() };
}

/** The create-vault form, filled and sent with Enter. */
async function fillCreateForm(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  const pass = 'Baomi#2026k';
  await user.type(await screen.findByLabelText('单位名称', { selector: 'input' }), '某某研究所');
  await user.type(screen.getByLabelText('保密员姓名', { selector: 'input' }), '张保密');
  await user.type(screen.getByLabelText('口令', { selector: 'input' }), pass);
  await user.type(screen.getByLabelText('确认口令', { selector: 'input' }), `${pass}{Enter}`);
}

describe('App', () => {
  it('shows the recovery sheet once after creating, and continues only when confirmed', async () => {
    const { api, vault, user } = withState('none');
    api.vault.create.mockImplementation(async () => {
      vault.state = 'unlocked';
      return ok(createResult());
    });
    renderZh(<App />);
    await fillCreateForm(user);

    const sheet = await screen.findByTestId('recovery-sheet');
    expect(screen.getByTestId('recovery-key').textContent).toBe(createResult().recoveryKey);
    expect(within(sheet).getByText('某某研究所')).toBeTruthy();
    expect(within(sheet).getByText(/本页仅显示一次/)).toBeTruthy();
    const qr = (await within(sheet).findByAltText('恢复密钥二维码')) as HTMLImageElement;
    expect(qr.src.startsWith('data:image/svg+xml')).toBe(true);

    const done = screen.getByRole('button', { name: '完成' }) as HTMLButtonElement;
    expect(done.disabled).toBe(true);
    await user.click(screen.getByLabelText('我已打印并妥善保存恢复密钥'));
    expect(done.disabled).toBe(false);
    await user.click(done);

    expect(await screen.findByTestId('header-unit')).toBeTruthy();
    expect(screen.queryByTestId('recovery-key')).toBeNull();
  });

  it('a status answer from before the vault was open does not take the new recovery key off the screen', async () => {
    const { api, vault, user } = withState('none');
    type StatusResult = Awaited<ReturnType<typeof api.vault.status>>;
    const duringCreate = deferred<StatusResult>();
    const afterCreate = deferred<StatusResult>();
    // Which of the two held answers have been asked for: the 2 s poll may add calls of its
    // own on a loaded machine, so the test waits for these, not for a number of calls.
    const asked: string[] = [];
    api.vault.create.mockImplementation(async () => {
      // A poll the window sends while main is still creating (its files exist, it is not open yet)…
      api.vault.status.mockImplementationOnce(() => (asked.push('during'), duringCreate.promise));
      window.dispatchEvent(new Event('focus'));
      vault.state = 'unlocked';
      // …answers after create has returned, but before the window's own refresh does.
      api.vault.status.mockImplementationOnce(() => (asked.push('after'), afterCreate.promise));
      return ok(createResult());
    });
    renderZh(<App />);
    await fillCreateForm(user);
    await waitFor(() => expect(asked).toEqual(['during', 'after']));
    duringCreate.resolve(ok(status({ state: 'locked' })));
    await new Promise((r) => setTimeout(r, 20));
    afterCreate.resolve(ok(status({ state: 'unlocked' })));
    expect((await screen.findByTestId('recovery-key')).textContent).toBe(createResult().recoveryKey);
  });

  it('after unlock reads the summary (with the current chain head) and runs no full audit.verify', async () => {
    const { api } = withState('unlocked');
    renderZh(<App />);
    expect(await screen.findByTestId('header-chain-head')).toBeTruthy();
    expect(await screen.findByText('暂无审计记录')).toBeTruthy();
    expect(api.home.summary).toHaveBeenCalled();
    expect(api.audit.verify).not.toHaveBeenCalled();
  });

  it('labels known audit actions in Chinese and shows unknown ones raw', async () => {
    const { api } = withState('unlocked');
    api.audit.list.mockResolvedValue(
      ok({
        entries: [
          { seq: 2, at: '2026-11-22T08:01:00.000Z', actor: '张保密', action: 'vault.unlocked', subject: null, payload: null, hash: 'x' },
          { seq: 1, at: '2026-11-22T08:00:00.000Z', actor: '张保密', action: 'carrier.added', subject: 'A-1', payload: null, hash: 'y' },
        ],
      }),
    );
    renderZh(<App />);
    const table = await screen.findByRole('table', { name: '最近审计记录' });
    expect(within(table).getByText('解锁')).toBeTruthy();
    expect(within(table).getByText('carrier.added')).toBeTruthy();
    expect(screen.getByTestId('header-chain-head').textContent).toBe('#3 ab12cd34');
    expect(screen.getByTestId('integrity-badge').textContent).toBe('完好');
  });

  it('drops the ledger from the DOM when main locks on its own', async () => {
    const { vault } = withState('unlocked');
    renderZh(<App />);
    expect((await screen.findByTestId('header-unit')).textContent).toBe('某某研究所');
    vault.state = 'locked';
    await waitFor(() => expect(screen.getByRole('heading', { name: '解锁台账' })).toBeTruthy(), {
      timeout: 4000,
    });
    expect(document.body.textContent).not.toContain('某某研究所');
    expect(document.body.textContent).not.toContain('张保密');
  });

  it('locks from the header button', async () => {
    const { api, vault, user } = withState('unlocked');
    api.vault.lock.mockImplementation(async () => {
      vault.state = 'locked';
      return ok(null);
    });
    renderZh(<App />);
    await user.click(await screen.findByRole('button', { name: '锁定' }));
    expect(await screen.findByRole('heading', { name: '解锁台账' })).toBeTruthy();
    expect(api.vault.lock).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('header-unit')).toBeNull();
  });

  it('a damaged vault says what is missing and offers no create form; once repaired it asks to unlock', async () => {
    const { api, vault } = withState('damaged');
    const notice = '台账数据库存在，但密钥槽文件 keyslots.json 缺失，无法解锁。';
    api.vault.status.mockImplementation(async () => ok(status({ state: vault.state, notice: vault.state === 'damaged' ? notice : null })));
    renderZh(<App />);
    expect(await screen.findByRole('heading', { name: '台账文件不完整，无法解锁' })).toBeTruthy();
    expect(screen.getByTestId('damaged-notice').textContent).toBe(notice);
    expect(screen.getByText(/不要新建台账/)).toBeTruthy();
    expect(screen.queryByLabelText('单位名称', { selector: 'input' })).toBeNull();
    expect(screen.queryByRole('heading', { name: '解锁台账' })).toBeNull();
    vault.state = 'locked';
    await waitFor(() => expect(screen.getByRole('heading', { name: '解锁台账' })).toBeTruthy(), { timeout: 4000 });
    expect(api.vault.create).not.toHaveBeenCalled();
  });
});

function Reporter() {
  useActivityReporter(true, 5000);
  return null;
}

describe('useActivityReporter', () => {
  it('tells main about activity at most once per interval', () => {
    const api = fakeApi();
    render(<Reporter />);
    fireEvent.keyDown(window, { key: 'a' });
    fireEvent.mouseDown(window);
    fireEvent.wheel(window);
    expect(api.session.activity).toHaveBeenCalledTimes(1);
  });
});
