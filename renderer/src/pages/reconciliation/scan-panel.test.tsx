import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src/api/result';
import type { ScanOutcome } from '../../../../src/ledger/inspections/reconciliation';
import { fakeApi } from '../../test/fake-api';
import { renderInShell } from '../../test/shell-harness';
import { ScanPanel } from './scan-panel';

const item = { kind: 'carrier' as const, id: 'c-1', number: 'ZT-2026-0001', title: '关于加强保密管理工作的通知' };
const outcome = (over: Partial<ScanOutcome>): ScanOutcome => ({ result: 'sighted', code: item.number, item, message: `已清点：${item.number} ${item.title}`, sighted: 1, expected: 3, ...over });

describe('清点 scan field', () => {
  it('Enter sends the code, clears the field and keeps the focus there; a duplicate warns at once', async () => {
    fakeApi();
    const scan = vi
      .mocked(window.api.recon.scan)
      .mockResolvedValueOnce(ok(outcome({})))
      .mockResolvedValueOnce(ok(outcome({ result: 'duplicate', message: `重复扫描：${item.number} 本次清点已扫描过` })));
    const user = userEvent.setup();
    renderInShell(<ScanPanel sessionId="s-1" sighted={0} expected={3} />);

    const field = screen.getByRole('textbox', { name: /扫描编号/ });
    expect(document.activeElement).toBe(field);
    expect(screen.getByTestId('scan-counts').textContent).toBe('0 / 3');

    // A barcode scanner types the code and ends it with Enter.
    await user.keyboard('ZT-2026-0001{Enter}');
    expect(await screen.findByText('已清点：ZT-2026-0001 关于加强保密管理工作的通知')).toBeTruthy();
    expect(scan).toHaveBeenCalledWith({ sessionId: 's-1', code: 'ZT-2026-0001' });
    expect((field as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(field);
    expect(screen.getByTestId('scan-result').dataset['result']).toBe('sighted');
    expect(screen.getByTestId('scan-counts').textContent).toBe('1 / 3');

    await user.keyboard('zt-2026-0001{Enter}');
    await waitFor(() => expect(screen.getByTestId('scan-result').dataset['result']).toBe('duplicate'));
    const warning = screen.getByTestId('scan-result');
    expect(warning.textContent).toContain('重复扫描');
    expect(warning.textContent).toContain('重复扫描：ZT-2026-0001 本次清点已扫描过');
    expect(scan).toHaveBeenLastCalledWith({ sessionId: 's-1', code: 'zt-2026-0001' });
    expect(document.activeElement).toBe(field);
    // Both scans are in the log, newest first.
    const rows = screen.getByTestId('scan-log').querySelectorAll('tbody tr');
    expect([...rows].map((r) => r.textContent)).toEqual([expect.stringContaining('重复扫描'), expect.stringContaining('已清点')]);
  });

  it('sends scans typed faster than main answers one by one, in the order read', async () => {
    fakeApi();
    const answers: ((v: ReturnType<typeof ok<ScanOutcome>>) => void)[] = [];
    const scan = vi.mocked(window.api.recon.scan).mockImplementation(() => new Promise((resolve) => answers.push(resolve)));
    const user = userEvent.setup();
    renderInShell(<ScanPanel sessionId="s-1" sighted={0} expected={3} />);
    await user.keyboard('A-1{Enter}B-2{Enter}');
    // The second waits for the first: main records scans in the order they were read.
    await waitFor(() => expect(scan).toHaveBeenCalledTimes(1));
    answers[0]?.(ok(outcome({ code: 'A-1', item: null, result: 'unknown', message: '台账中没有此编号：A-1', sighted: 0 })));
    await waitFor(() => expect(scan).toHaveBeenCalledTimes(2));
    expect(scan.mock.calls.map(([i]) => i.code)).toEqual(['A-1', 'B-2']);
    answers[1]?.(ok(outcome({ code: 'B-2', item: null, result: 'unknown', message: '台账中没有此编号：B-2', sighted: 0 })));
    expect(await screen.findByText('台账中没有此编号：B-2')).toBeTruthy();
  });
});
