import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderZh } from '../test/fake-api';
import { ActionModal } from './action-modal';

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
});
