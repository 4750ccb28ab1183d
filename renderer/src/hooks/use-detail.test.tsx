import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ok, type IpcResult } from '../../../src/api/result';
import { DetailPending } from '../components/detail-pending';
import { failure, fakeApi } from '../test/fake-api';
import { renderInShell } from '../test/shell-harness';
import { useDetail } from './use-detail';

interface Item {
  number: string;
}

/** The smallest detail page, also showing what the hook holds beside the record. */
function Probe({ read, readAgainOn }: { read: () => Promise<IpcResult<Item>>; readAgainOn?: unknown }) {
  const { detail, setDetail, loadError, load, version } = useDetail(read, readAgainOn);
  return (
    <div>
      {detail ? <span data-testid="number">{detail.number}</span> : <DetailPending error={loadError} />}
      <span data-testid="version">{version}</span>
      <span data-testid="load-error">{loadError ?? ''}</span>
      <button onClick={() => void load()}>reload</button>
      <button onClick={() => setDetail({ number: 'ZT-2026-0009' })}>replace</button>
      <button onClick={() => setDetail((d) => (d ? { number: `${d.number}-改` } : d))}>amend</button>
    </div>
  );
}

/** A read whose answers the test hands out one at a time. */
function deferredRead() {
  const pending: ((r: IpcResult<Item>) => void)[] = [];
  const read = vi.fn(() => new Promise<IpcResult<Item>>((resolve) => pending.push(resolve)));
  const answer = async (r: IpcResult<Item>) => {
    const resolve = pending.shift();
    if (!resolve) throw new Error('no read pending');
    await act(async () => resolve(r));
  };
  return { read, answer };
}

describe('a detail page reads its record through useDetail', () => {
  it('reads on mount, showing the loader until the record arrives', async () => {
    fakeApi();
    const { read, answer } = deferredRead();
    renderInShell(<Probe read={read} />);

    expect(read).toHaveBeenCalledTimes(1);
    expect(screen.queryByLabelText('正在读取台账状态…')).not.toBeNull();

    await answer(ok({ number: 'ZT-2026-0001' }));
    expect(screen.getByTestId('number').textContent).toBe('ZT-2026-0001');
    expect(screen.getByTestId('version').textContent).toBe('1');
    expect(screen.queryByLabelText('正在读取台账状态…')).toBeNull();
    // A stable read is read once, not on every render.
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('shows a refusal in place of the loader and reports it to the shell', async () => {
    fakeApi();
    const read = vi.fn(async (): Promise<IpcResult<Item>> => failure('NOT_FOUND', '载体不存在：c-404'));
    const { ctx } = renderInShell(<Probe read={read} />);

    // The Chinese UI shows main's message as it came.
    expect((await screen.findByRole('alert')).textContent).toBe('载体不存在：c-404');
    expect(screen.queryByLabelText('正在读取台账状态…')).toBeNull();
    expect(ctx.fail).toHaveBeenCalledTimes(1);
    expect(ctx.fail).toHaveBeenCalledWith({ code: 'NOT_FOUND', message: '载体不存在：c-404' });
    expect(screen.getByTestId('version').textContent).toBe('0');

    // A later successful read drops the refusal.
    read.mockImplementation(async () => ok({ number: 'ZT-2026-0001' }));
    await userEvent.click(screen.getByRole('button', { name: 'reload' }));
    await waitFor(() => expect(screen.getByTestId('number').textContent).toBe('ZT-2026-0001'));
    expect(screen.getByTestId('load-error').textContent).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('version').textContent).toBe('1');
  });

  it('reads again on load(), moving version on each successful read only', async () => {
    fakeApi();
    const { read, answer } = deferredRead();
    const { ctx } = renderInShell(<Probe read={read} />);
    await answer(ok({ number: 'ZT-2026-0001' }));
    expect(screen.getByTestId('version').textContent).toBe('1');

    await userEvent.click(screen.getByRole('button', { name: 'reload' }));
    expect(read).toHaveBeenCalledTimes(2);
    await answer(ok({ number: 'ZT-2026-0002' }));
    expect(screen.getByTestId('number').textContent).toBe('ZT-2026-0002');
    expect(screen.getByTestId('version').textContent).toBe('2');

    // A refused re-read keeps the record on screen and the version where it was.
    await userEvent.click(screen.getByRole('button', { name: 'reload' }));
    await answer(failure('VAULT_LOCKED', '台账已锁定'));
    expect(ctx.fail).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('number').textContent).toBe('ZT-2026-0002');
    expect(screen.getByTestId('version').textContent).toBe('2');

    await userEvent.click(screen.getByRole('button', { name: 'reload' }));
    await answer(ok({ number: 'ZT-2026-0003' }));
    await waitFor(() => expect(screen.getByTestId('version').textContent).toBe('3'));
    expect(read).toHaveBeenCalledTimes(4);
  });

  it('takes a record handed to setDetail without reading, until the next read replaces it', async () => {
    fakeApi();
    const { read, answer } = deferredRead();
    renderInShell(<Probe read={read} />);

    // An update to a record not read yet leaves the loader in place.
    await userEvent.click(screen.getByRole('button', { name: 'amend' }));
    expect(screen.queryByLabelText('正在读取台账状态…')).not.toBeNull();

    await answer(ok({ number: 'ZT-2026-0001' }));
    await userEvent.click(screen.getByRole('button', { name: 'amend' }));
    expect(screen.getByTestId('number').textContent).toBe('ZT-2026-0001-改');

    await userEvent.click(screen.getByRole('button', { name: 'replace' }));
    expect(screen.getByTestId('number').textContent).toBe('ZT-2026-0009');
    // Nothing was read: no second read, and the version stays where the read left it.
    expect(read).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('version').textContent).toBe('1');

    await userEvent.click(screen.getByRole('button', { name: 'reload' }));
    await answer(ok({ number: 'ZT-2026-0002' }));
    expect(screen.getByTestId('number').textContent).toBe('ZT-2026-0002');
    expect(screen.getByTestId('version').textContent).toBe('2');
  });

  it('reads again when readAgainOn changes (the chain head after a recorded change), not on a render with the same value', async () => {
    fakeApi();
    const { read, answer } = deferredRead();
    function Host() {
      const [head, setHead] = useState(41);
      const [, setRenders] = useState(0);
      return (
        <>
          <Probe read={read} readAgainOn={head} />
          <button onClick={() => setRenders((n) => n + 1)}>render</button>
          <button onClick={() => setHead((h) => h + 1)}>record</button>
        </>
      );
    }
    renderInShell(<Host />);
    await answer(ok({ number: 'ZT-2026-0001' }));

    await userEvent.click(screen.getByRole('button', { name: 'render' }));
    expect(read).toHaveBeenCalledTimes(1);

    await userEvent.click(screen.getByRole('button', { name: 'record' }));
    expect(read).toHaveBeenCalledTimes(2);
    await answer(ok({ number: 'ZT-2026-0002' }));
    expect(screen.getByTestId('number').textContent).toBe('ZT-2026-0002');
  });
});
