import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderZh } from '../test/fake-api';
import { FormFooter } from './form-footer';

describe('FormFooter', () => {
  it('取消 cannot leave the form while its call is pending, so a refusal still has the form to land on', async () => {
    const onCancel = vi.fn();
    const user = userEvent.setup();
    const { unmount } = renderZh(<FormFooter error={null} busy submitLabel="停用" onCancel={onCancel} />);
    const cancel = screen.getByRole('button', { name: '取消' });
    expect(cancel).toHaveProperty('disabled', true);
    await user.click(cancel);
    expect(onCancel).not.toHaveBeenCalled();

    unmount();
    renderZh(<FormFooter error="R-34：计算机仍有未结束的使用记录" busy={false} submitLabel="停用" onCancel={onCancel} />);
    expect(screen.getByTestId('form-error').textContent).toContain('R-34');
    await user.click(screen.getByRole('button', { name: '取消' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
