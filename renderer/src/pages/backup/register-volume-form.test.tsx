import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src/api/result';
import type { MediumRow } from '../../../../src/ledger/devices/device-queries';
import { failure, fakeApi } from '../../test/fake-api';
import { renderInShell } from '../../test/shell-harness';
import { refusedVolume } from './backup-fixtures';
import { RegisterVolumeForm } from './register-volume-form';

const medium = (id: string, number: string, over: Partial<MediumRow> = {}): MediumRow => ({
  id,
  number,
  kind: 'usb',
  model: '',
  serial: '',
  volumeUuid: '',
  capacity: '',
  level: 'jimi',
  responsibleId: 'p-sun',
  department: '',
  location: '',
  purpose: '本系统备份介质',
  note: '',
  issuedOn: null,
  pledgeOn: null,
  isBackup: true,
  state: 'registered',
  holderId: null,
  dueOn: null,
  lostOn: null,
  lastEventId: 1,
  boundComputerIds: [],
  responsibleName: '孙保管',
  holderName: null,
  boundComputers: [],
  overdue: false,
  ...over,
});

const R05 = 'R-05：台账含有机密信息，备份介质 YP-02 的密级（秘密）不够';
const volume = refusedVolume('卷「COPY」不是已登记的备份介质（没有身份文件）');

describe('登记备份介质', () => {
  it('offers only media whose purpose is 本系统备份介质 and shows the R-05 refusal as main gives it', async () => {
    fakeApi();
    vi.mocked(window.api.media.list).mockResolvedValue(
      ok([medium('m-1', 'YP-01'), medium('m-2', 'YP-02', { level: 'mimi' }), medium('m-3', 'U-01', { isBackup: false, purpose: '' }), medium('m-4', 'YP-03', { state: 'destroyed' })]),
    );
    const register = vi.mocked(window.api.backup.registerVolume).mockResolvedValue(failure('RULE_VIOLATION', R05));
    const onDone = vi.fn();
    const user = userEvent.setup();
    renderInShell(<RegisterVolumeForm volume={volume} onDone={onDone} onCancel={vi.fn()} onOpenMedia={vi.fn()} />);

    const select = await screen.findByRole('combobox', { name: '备份介质' });
    await user.click(select);
    const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(options).toEqual(['YP-01（机密）', 'YP-02（秘密）']);
    await user.click(screen.getByRole('option', { name: 'YP-02（秘密）' }));
    await user.click(screen.getByRole('button', { name: '登记' }));
    expect(register).toHaveBeenCalledWith({ mediumId: 'm-2', fsUuid: 'UUID-2' });
    expect((await screen.findByTestId('form-error')).textContent).toContain(R05);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('a medium registered on another volume moves only after the officer ticks the confirmation', async () => {
    fakeApi();
    vi.mocked(window.api.media.list).mockResolvedValue(ok([medium('m-1', 'YP-01')]));
    const moved = medium('m-1', 'YP-01');
    const register = vi
      .mocked(window.api.backup.registerVolume)
      .mockResolvedValueOnce(failure('CONFLICT', '介质 YP-01 已登记在另一个卷（BAOMI-OLD）上；确认更换后才能改登记到此卷'))
      .mockResolvedValueOnce(ok(moved as never));
    const onDone = vi.fn();
    const user = userEvent.setup();
    renderInShell(<RegisterVolumeForm volume={volume} onDone={onDone} onCancel={vi.fn()} onOpenMedia={vi.fn()} />);

    await user.click(await screen.findByRole('combobox', { name: '备份介质' }));
    await user.click(await screen.findByRole('option', { name: 'YP-01（机密）' }));
    expect(screen.queryByRole('checkbox', { name: '确认将该介质改登记到此卷' })).toBeNull();
    await user.click(screen.getByRole('button', { name: '登记' }));
    expect(register).toHaveBeenLastCalledWith({ mediumId: 'm-1', fsUuid: 'UUID-2' });
    expect((await screen.findByTestId('form-error')).textContent).toContain('已登记在另一个卷（BAOMI-OLD）上');
    await user.click(screen.getByRole('checkbox', { name: '确认将该介质改登记到此卷' }));
    await user.click(screen.getByRole('button', { name: '登记' }));
    expect(register).toHaveBeenLastCalledWith({ mediumId: 'm-1', fsUuid: 'UUID-2', replace: true });
    expect(onDone).toHaveBeenCalledWith(moved);
  });

  it('with no backup medium in the ledger it says so and leads to 移动存储介质', async () => {
    fakeApi();
    vi.mocked(window.api.media.list).mockResolvedValue(ok([medium('m-3', 'U-01', { isBackup: false, purpose: '' })]));
    const onOpenMedia = vi.fn();
    const user = userEvent.setup();
    renderInShell(<RegisterVolumeForm volume={volume} onDone={vi.fn()} onCancel={vi.fn()} onOpenMedia={onOpenMedia} />);
    expect((await screen.findByTestId('no-backup-media')).textContent).toContain('台账中没有用途为“本系统备份介质”的介质');
    await user.click(screen.getByRole('button', { name: '去登记介质' }));
    expect(onOpenMedia).toHaveBeenCalledTimes(1);
  });
});
