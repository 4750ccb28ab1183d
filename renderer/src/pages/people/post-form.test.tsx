import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src/api/result';
import { today } from '../../lib/dates';
import { fakeApi } from '../../test/fake-api';
import { person, renderInShell } from '../../test/shell-harness';
import { PostForm } from './post-form';

const wang = person('p-wang', '王借阅');

describe('岗位信息', () => {
  it('Enter on the untouched form sends nothing and says nothing changed', async () => {
    fakeApi();
    const user = userEvent.setup();
    renderInShell(<PostForm person={wang} onSaved={vi.fn()} />);
    await user.keyboard('{Enter}');
    expect(await screen.findByText('岗位信息没有变化，无需保存')).toBeTruthy();
    await user.keyboard('{Enter}');
    expect(window.api.people.updatePost).not.toHaveBeenCalled();
  });

  it('sends a real change once; Enter again before the page reloads sends nothing more', async () => {
    fakeApi();
    const update = vi.mocked(window.api.people.updatePost).mockResolvedValue(ok({ ...wang, post: '科长' }));
    const onSaved = vi.fn(() => new Promise<void>(() => undefined));
    const user = userEvent.setup();
    renderInShell(<PostForm person={wang} onSaved={onSaved} />);
    await user.type(screen.getByRole('textbox', { name: '岗位' }), '科长{Enter}');
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(update).toHaveBeenCalledWith({ personId: 'p-wang', occurredOn: today(), department: '综合处', post: '科长', clearance: 'general', pledgeOn: null, onPostOn: null });
    await user.keyboard('{Enter}');
    expect(await screen.findByText('岗位信息没有变化，无需保存')).toBeTruthy();
    expect(update).toHaveBeenCalledTimes(1);
  });
});
