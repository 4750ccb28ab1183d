import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { IpcResult } from '../../../src/api/result';
import { failure, fakeApi, renderZh } from '../test/fake-api';
import { renderInShell } from '../test/shell-harness';
import { ActionModal } from './action-modal';
import { SimpleEventForm } from './event-forms/simple-event-form';

const modal = (action: string | null, onClose = vi.fn()) => (
  <ActionModal action={action} number="ZT-2026-0001" onClose={onClose}>
    <p>表单</p>
  </ActionModal>
);

describe('ActionModal', () => {
  it('is titled with the action and the item while open', async () => {
    renderZh(modal('借阅'));
    expect(await screen.findByRole('dialog', { name: '借阅：ZT-2026-0001' })).toBeTruthy();
    expect(screen.getByText('表单')).toBeTruthy();
  });

  it('stays open on a click beside it, so a half-filled form is not lost', async () => {
    const onClose = vi.fn();
    const user = userEvent.setup();
    renderZh(modal('借阅', onClose));
    await screen.findByRole('dialog');
    const overlay = document.querySelector('.mantine-Modal-overlay');
    expect(overlay).not.toBeNull();
    await user.click(overlay as Element);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('shows nothing while no action is open', () => {
    renderZh(modal(null));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByText('表单')).toBeNull();
  });

  it('cannot be closed (Esc, ✕, 取消) while its form waits for main; the refusal then shows on the form, typed values kept', async () => {
    fakeApi();
    let answer!: (r: IpcResult<unknown>) => void;
    const record = vi.fn(() => new Promise<IpcResult<unknown>>((r) => (answer = r)));
    const onClose = vi.fn();
    function Dialog() {
      const [open, setOpen] = useState(true);
      const close = () => {
        onClose();
        setOpen(false);
      };
      return (
        <ActionModal action={open ? '停用' : null} number="JSJ-01" onClose={close}>
          <SimpleEventForm intro="停用 JSJ-01。" submitLabel="停用" record={record} onDone={close} onCancel={close} />
        </ActionModal>
      );
    }
    const user = userEvent.setup();
    renderInShell(<Dialog />);
    const dialog = await screen.findByRole('dialog', { name: '停用：JSJ-01' });
    await user.type(within(dialog).getByRole('textbox', { name: '备注' }), '机房搬迁{Enter}');
    await waitFor(() => expect(record).toHaveBeenCalledTimes(1));

    expect(within(dialog).getByRole('button', { name: '取消' })).toHaveProperty('disabled', true);
    const closeButton = dialog.querySelector('.mantine-Modal-close') as HTMLButtonElement;
    expect(closeButton.disabled).toBe(true);
    await user.keyboard('{Escape}');
    await user.click(closeButton);
    expect(onClose).not.toHaveBeenCalled();

    answer(failure('RULE_VIOLATION', 'R-34：计算机仍有未结束的使用记录'));
    expect((await within(dialog).findByTestId('form-error')).textContent).toContain('R-34：计算机仍有未结束的使用记录');
    expect(within(dialog).getByRole('textbox', { name: '备注' })).toHaveProperty('value', '机房搬迁');
    // Once main has answered, the dialog closes as before.
    expect(within(dialog).getByRole('button', { name: '取消' })).toHaveProperty('disabled', false);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
