import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src/api/result';
import type { Computer } from '../../../../src/ledger/devices/device-model';
import { today } from '../../lib/dates';
import { failure, fakeApi } from '../../test/fake-api';
import { computer } from '../../test/fixtures';
import { renderInShell } from '../../test/shell-harness';
import { ComputerRegisterForm } from './computer-register-form';

/** As registered, before it is checked and enabled. */
const registered = (over: Partial<Computer> = {}): Computer =>
  computer({
    id: 'k-1',
    number: 'JSJ-2026-01',
    department: '机要室',
    location: '',
    flags: { hostAudit: false, outreachMonitor: false, wirelessRemoved: false, cameraAudioDisabled: false },
    enabledOn: null,
    checkedOn: null,
    labelApplied: false,
    state: 'pending',
    ...over,
  });

describe('登记涉密计算机 form', () => {
  it('names every missing required field in Chinese and does not call main', async () => {
    fakeApi();
    const user = userEvent.setup();
    renderInShell(<ComputerRegisterForm onDone={vi.fn()} onCancel={vi.fn()} />);

    // A capacity typed without its serial: the disk cannot be identified (R-33 needs it).
    await user.type(screen.getByRole('textbox', { name: '硬盘1容量' }), '1TB');
    await user.click(screen.getByRole('button', { name: '登记' }));

    expect(await screen.findByText('请填写设备编号')).toBeTruthy();
    expect(screen.getByText('请选择密级')).toBeTruthy();
    expect(screen.getByText('请选择责任人')).toBeTruthy();
    expect(screen.getByText('请填写硬盘序列号')).toBeTruthy();
    expect(window.api.computers.register).not.toHaveBeenCalled();
  });

  it('refuses the same disk serial twice', async () => {
    fakeApi();
    const user = userEvent.setup();
    renderInShell(<ComputerRegisterForm onDone={vi.fn()} onCancel={vi.fn()} />);
    await user.type(screen.getByRole('textbox', { name: '硬盘1序列号' }), 'WD-1');
    await user.click(screen.getByRole('button', { name: '添加硬盘' }));
    await user.type(screen.getByRole('textbox', { name: '硬盘2序列号' }), 'WD-1');
    await user.click(screen.getByRole('button', { name: '登记' }));
    expect(await screen.findAllByText('硬盘序列号 WD-1 重复')).toHaveLength(2);
    expect(window.api.computers.register).not.toHaveBeenCalled();
  });

  it('sends the fields, disks and flags as typed; Enter submits; main’s refusal stays on the form', async () => {
    fakeApi();
    const register = vi
      .mocked(window.api.computers.register)
      .mockResolvedValueOnce(failure('CONFLICT', '设备编号 JSJ-2026-01 已存在'))
      .mockResolvedValueOnce(ok(registered()));
    const onDone = vi.fn();
    const user = userEvent.setup();
    renderInShell(<ComputerRegisterForm onDone={onDone} onCancel={vi.fn()} />);

    await user.type(screen.getByRole('textbox', { name: '设备编号' }), 'JSJ-2026-01');
    await user.click(screen.getByRole('combobox', { name: '密级' }));
    await user.click(await screen.findByRole('option', { name: '机密' }));
    await user.click(screen.getByRole('combobox', { name: '责任人' }));
    await user.click(await screen.findByRole('option', { name: /^孙保管/ }));
    await user.type(screen.getByRole('textbox', { name: '硬盘1序列号' }), 'WD-8842');
    await user.type(screen.getByRole('textbox', { name: '硬盘1容量' }), '1TB');
    await user.click(screen.getByRole('checkbox', { name: '主机审计' }));
    await user.type(screen.getByRole('textbox', { name: '放置地点' }), '机要室 301{Enter}');

    expect(await screen.findByText('设备编号 JSJ-2026-01 已存在')).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
    expect(register).toHaveBeenCalledWith({
      registeredOn: today(),
      fields: expect.objectContaining({
        number: 'JSJ-2026-01',
        level: 'jimi',
        kind: 'desktop',
        responsibleId: 'p-sun',
        userId: null,
        // The responsible person's department is filled in for the computer.
        department: '机要室',
        location: '机要室 301',
        disks: [{ serial: 'WD-8842', capacity: '1TB' }],
        flags: { hostAudit: true, outreachMonitor: false, wirelessRemoved: false, cameraAudioDisabled: false },
        osInstalledOn: null,
      }),
    });

    await user.click(screen.getByRole('button', { name: '登记' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(registered()));
  });
});
