import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src/api/result';
import type { TemplateItem } from '../../../../src/ledger/inspections/templates';
import { fakeApi } from '../../test/fake-api';
import { renderInShell } from '../../test/shell-harness';
import { ChecklistEditor, nextItemId } from './checklist-editor';

const ITEMS: TemplateItem[] = [
  { id: 'A01', group: 'A', text: '所有涉密载体均已清点', points: 0 },
  { id: 'A02', group: 'A', text: '无下落不明的载体', points: 0, evidence: 'lost_items' },
  { id: 'E03', group: 'E', text: '保密柜锁具完好', points: 0 },
];

describe('检查表模板 editor', () => {
  it('numbers a new item after the highest id, so a removed id is never reused', () => {
    expect(nextItemId(ITEMS, 'B')).toBe('B04');
    expect(nextItemId(ITEMS.slice(0, 2), 'E')).toBe('E03');
  });

  it('adds, rewords, scores and removes items, keeps the evidence of the rest, and saves a new version', async () => {
    fakeApi();
    const save = vi.mocked(window.api.templates.save).mockResolvedValue(ok({ id: 't-2', family: 'monthly', version: 2, name: '本单位月度检查表', items: [], createdAt: '' }));
    const onSaved = vi.fn();
    const user = userEvent.setup();
    renderInShell(<ChecklistEditor name="月度保密检查表（默认）" items={ITEMS} onCancel={vi.fn()} onSaved={onSaved} />);

    const name = screen.getByRole('textbox', { name: /模板名称/ });
    await user.clear(name);
    await user.type(name, '本单位月度检查表');
    await user.click(screen.getByRole('button', { name: '删除 A01' }));
    await user.type(screen.getByRole('textbox', { name: 'E03 检查项内容' }), '，钥匙专人保管');
    const points = screen.getByRole('textbox', { name: 'E03 分值' });
    await user.clear(points);
    await user.type(points, '5');
    await user.click(within(screen.getByTestId('edit-group-B')).getByRole('button', { name: '添加检查项' }));
    // An empty new item is refused before main is asked.
    await user.click(screen.getByRole('button', { name: '保存为新版本' }));
    expect(await screen.findByText('请填写检查项内容')).toBeTruthy();
    expect(save).not.toHaveBeenCalled();
    await user.type(screen.getByRole('textbox', { name: 'B04 检查项内容' }), '涉密会议已登记{Enter}');

    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(save).toHaveBeenCalledWith({
      name: '本单位月度检查表',
      items: [
        { id: 'A02', group: 'A', text: '无下落不明的载体', points: 0, evidence: 'lost_items' },
        { id: 'B04', group: 'B', text: '涉密会议已登记', points: 0 },
        { id: 'E03', group: 'E', text: '保密柜锁具完好，钥匙专人保管', points: 5 },
      ],
    });
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
  });
});
