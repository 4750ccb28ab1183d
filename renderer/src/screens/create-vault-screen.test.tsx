import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createResult, fakeApi, renderZh } from '../test/fake-api';
import { CreateVaultScreen } from './create-vault-screen';

const GOOD = 'Baomi#2026k';

function setup(minLength = 8) {
  const api = fakeApi();
  const onCreated = vi.fn();
  const onCreating = vi.fn();
  renderZh(<CreateVaultScreen passphraseMinLength={minLength} onCreating={onCreating} onCreated={onCreated} />);
  return { api, onCreated, onCreating, user: userEvent.setup() };
}

const field = (label: string) => screen.getByLabelText(label, { selector: 'input' });

describe('CreateVaultScreen', () => {
  it('focuses the unit name first', () => {
    setup();
    expect(document.activeElement).toBe(field('单位名称'));
  });

  it('lists the missing R-10 requirements in Chinese while typing', async () => {
    const { user } = setup();
    await user.type(field('口令'), 'abc');
    expect(screen.getByTestId('passphrase-summary').textContent).toBe(
      '口令不符合 R-10：需要至少 8 个字符、大写字母、数字、符号',
    );
    const met = (req: string) =>
      document.querySelector(`[data-requirement="${req}"]`)?.getAttribute('data-met');
    expect(met('lower')).toBe('true');
    expect(met('upper')).toBe('false');

    await user.type(field('口令'), 'DEF1!xy');
    expect(screen.getByTestId('passphrase-summary').textContent).toBe('口令符合 R-10 要求');
    expect(met('upper')).toBe('true');
  });

  it('uses the unit minimum length from the status', async () => {
    const { user } = setup(12);
    await user.type(field('口令'), GOOD);
    expect(screen.getByTestId('passphrase-summary').textContent).toBe('口令不符合 R-10：需要至少 12 个字符');
  });

  it('refuses a weak passphrase without calling the core', async () => {
    const { api, user } = setup();
    await user.type(field('单位名称'), '某某研究所');
    await user.type(field('保密员姓名'), '张保密');
    await user.type(field('口令'), 'password');
    await user.type(field('确认口令'), 'password{Enter}');
    expect(await screen.findAllByText('口令不符合 R-10：需要大写字母、数字、符号')).not.toHaveLength(0);
    expect(field('口令').getAttribute('aria-invalid')).toBe('true');
    expect(api.vault.create).not.toHaveBeenCalled();
  });

  it('refuses a mismatched confirmation', async () => {
    const { api, user } = setup();
    await user.type(field('单位名称'), '某某研究所');
    await user.type(field('保密员姓名'), '张保密');
    await user.type(field('口令'), GOOD);
    await user.type(field('确认口令'), `${GOOD}x`);
    await user.click(screen.getByRole('button', { name: '创建台账' }));
    expect(await screen.findByText('两次输入的口令不一致')).toBeTruthy();
    expect(field('确认口令').getAttribute('aria-invalid')).toBe('true');
    expect(api.vault.create).not.toHaveBeenCalled();
  });

  it('requires the unit and officer names', async () => {
    const { api, user } = setup();
    await user.click(screen.getByRole('button', { name: '创建台账' }));
    expect(await screen.findByText('请填写单位名称')).toBeTruthy();
    expect(screen.getByText('请填写保密员姓名')).toBeTruthy();
    expect(api.vault.create).not.toHaveBeenCalled();
  });

  it('creates with trimmed names when everything is valid (Enter submits)', async () => {
    const { api, onCreated, onCreating, user } = setup();
    await user.type(field('单位名称'), '  某某研究所 ');
    await user.type(field('保密员姓名'), '张保密');
    await user.type(field('口令'), GOOD);
    await user.type(field('确认口令'), `${GOOD}{Enter}`);
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(createResult()));
    expect(api.vault.create).toHaveBeenCalledWith({
      unitName: '某某研究所',
      officerName: '张保密',
      passphrase: GOOD,
    });
    expect(onCreating.mock.calls).toEqual([[true], [false]]);
  });

  it("shows main's Chinese message when the core refuses", async () => {
    const { api, onCreated, user } = setup();
    api.vault.create.mockResolvedValueOnce({
      ok: false,
      error: { code: 'VAULT_EXISTS', message: '台账已存在：不能再次创建' },
    });
    await user.type(field('单位名称'), '某某研究所');
    await user.type(field('保密员姓名'), '张保密');
    await user.type(field('口令'), GOOD);
    await user.type(field('确认口令'), `${GOOD}{Enter}`);
    expect((await screen.findByRole('alert')).textContent).toContain('台账已存在：不能再次创建');
    expect(onCreated).not.toHaveBeenCalled();
  });
});
