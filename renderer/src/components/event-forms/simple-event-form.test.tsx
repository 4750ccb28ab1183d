import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src/api/result';
import { today } from '../../lib/dates';
import { CarrierSimpleEventForm } from '../../pages/carriers/actions/disposal-forms';
import { failure, fakeApi } from '../../test/fake-api';
import { listRow, renderInShell } from '../../test/shell-harness';
import { SimpleEventForm } from './simple-event-form';

describe('a dated entry with a note', () => {
  it('sends a carrier’s 归档 to its own channel with the date and note', async () => {
    fakeApi();
    const archive = vi.mocked(window.api.carriers.archive).mockResolvedValue(ok(listRow({ state: 'archived' })));
    const onDone = vi.fn();
    const user = userEvent.setup();
    renderInShell(<CarrierSimpleEventForm carrier={listRow()} kind="archive" onDone={onDone} onCancel={vi.fn()} />);

    expect(screen.getByText('将 ZT-2026-0001 归档。')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: '备注' }), '年度归档{Enter}');

    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(archive).toHaveBeenCalledWith({ carrierId: 'c-1', occurredOn: today(), note: '年度归档' });
  });

  it("keeps main's refusal on the form, and asks for a date before calling", async () => {
    fakeApi();
    const record = vi.fn(async () => failure('RULE_VIOLATION', 'R-34：计算机仍有未结束的使用记录'));
    const onDone = vi.fn();
    const user = userEvent.setup();
    renderInShell(<SimpleEventForm intro="停用 JSJ-01。" submitLabel="停用" record={record} onDone={onDone} onCancel={vi.fn()} />);

    const date = screen.getByLabelText(/^日期/, { selector: 'input' });
    await user.clear(date);
    await user.click(screen.getByRole('button', { name: '停用' }));
    expect(await screen.findByText('请填写日期')).toBeTruthy();
    expect(record).not.toHaveBeenCalled();

    await user.type(date, today());
    await user.click(screen.getByRole('button', { name: '停用' }));
    expect(await screen.findByText('R-34：计算机仍有未结束的使用记录')).toBeTruthy();
    expect(record).toHaveBeenCalledWith({ occurredOn: today(), note: '' });
    expect(onDone).not.toHaveBeenCalled();
  });
});
