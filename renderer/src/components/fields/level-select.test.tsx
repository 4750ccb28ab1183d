import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderZh } from '../../test/fake-api';
import { LevelSelect } from './level-select';

const options = async () => (await screen.findAllByRole('option')).map((o) => o.textContent);

describe('LevelSelect', () => {
  it('offers the four levels by name, highest first', async () => {
    const user = userEvent.setup();
    renderZh(<LevelSelect label="密级" />);
    await user.click(screen.getByRole('combobox', { name: '密级' }));
    expect(await options()).toEqual(['绝密', '机密', '秘密', '内部']);
  });

  it('offers only the levels a rule leaves open, and a chosen level cannot be cleared', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    renderZh(<LevelSelect label="密级" levels={['juemi', 'jimi']} value="jimi" onChange={onChange} />);
    await user.click(screen.getByRole('combobox', { name: '密级' }));
    expect(await options()).toEqual(['绝密', '机密']);
    // Picking the chosen one again keeps it (Mantine would otherwise clear it to null).
    await user.click(screen.getByRole('option', { name: '机密' }));
    expect(onChange).not.toHaveBeenCalled();
  });
});
