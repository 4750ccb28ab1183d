import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../test/fake-api';
import { person, renderInShell } from '../../test/shell-harness';
import { PersonSelect } from './person-select';

const people = [
  person('p-1', '王在岗'),
  { ...person('p-2', '李离岗'), leftOn: '2026-10-01', leaveKind: 'left_post' as const },
  { ...person('p-3', '赵离职'), active: false, leftOn: '2026-09-01', leaveKind: 'left_unit' as const },
];

describe('PersonSelect', () => {
  it('R-14 offers only people still on their post; with includeInactive, everyone', async () => {
    fakeApi();
    const user = userEvent.setup();
    renderInShell(
      <>
        <PersonSelect label="借阅人" />
        <PersonSelect label="原保管人" includeInactive />
      </>,
      { people },
    );
    await user.click(screen.getByLabelText('借阅人', { selector: 'input' }));
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual([expect.stringContaining('王在岗')]);
    await user.keyboard('{Escape}');
    await user.click(screen.getByLabelText('原保管人', { selector: 'input' }));
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual([
      expect.stringContaining('王在岗'),
      expect.stringContaining('李离岗'),
      expect.stringContaining('赵离职'),
    ]);
  });
});
