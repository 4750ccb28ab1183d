import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderZh } from '../test/fake-api';
import { ActionToolbar } from './action-toolbar';

type Action = 'lend' | 'destroy';
const LABELS: Record<Action, string> = { lend: '借阅', destroy: '销毁' };

describe('ActionToolbar', () => {
  it('offers each action by its label, the grave ones in red, and starts the one clicked', async () => {
    const onStart = vi.fn();
    const user = userEvent.setup();
    renderZh(<ActionToolbar<Action> actions={['lend', 'destroy']} grave={new Set(['destroy'])} labelOf={(a) => LABELS[a]} none="无" onStart={onStart} />);

    const bar = screen.getByRole('toolbar', { name: '办理' });
    const buttons = [...bar.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['借阅', '销毁']);
    expect(buttons.map((b) => b.getAttribute('data-variant'))).toEqual(['default', 'light']);

    await user.click(screen.getByRole('button', { name: '销毁' }));
    expect(onStart).toHaveBeenCalledWith('destroy');
  });

  it('says so when the state allows nothing', () => {
    renderZh(<ActionToolbar<Action> actions={[]} grave={new Set()} labelOf={(a) => LABELS[a]} none="当前状态「已销毁」下没有可办理的事项" onStart={vi.fn()} />);
    expect(screen.getByRole('toolbar').textContent).toBe('当前状态「已销毁」下没有可办理的事项');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
