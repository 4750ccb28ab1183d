import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src/api/result';
import type { ComputerRow, MediumRow } from '../../../../src/ledger/devices/device-queries';
import { today } from '../../lib/dates';
import { failure, fakeApi } from '../../test/fake-api';
import { renderInShell } from '../../test/shell-harness';
import { MediumUseForm } from './medium-use-form';
import { computerRow } from '../../test/fixtures';

const computer = (id: string, number: string): ComputerRow => computerRow({ id, number, passwordOverdue: true });

const medium: MediumRow = {
  id: 'm-1',
  number: 'U-2026-01',
  kind: 'usb',
  model: '',
  serial: 'SN-77',
  volumeUuid: '',
  capacity: '64GB',
  level: 'mimi',
  responsibleId: 'p-wang',
  department: '综合处',
  location: '',
  purpose: '',
  note: '',
  issuedOn: '2026-11-03',
  pledgeOn: '2026-11-01',
  isBackup: false,
  state: 'in_use',
  holderId: null,
  dueOn: null,
  lostOn: null,
  lastEventId: 3,
  boundComputerIds: ['k-1'],
  responsibleName: '王借阅',
  holderName: null,
  boundComputers: [{ id: 'k-1', number: 'JSJ-01' }],
  overdue: false,
};

const R36 = 'R-36：介质 U-2026-01 未绑定计算机 JSJ-02，不得在其上使用';

describe('登记使用 form', () => {
  it("R-36: shows main's refusal as it comes, stays open and has the page reload its findings", async () => {
    fakeApi();
    vi.mocked(window.api.computers.list).mockResolvedValue(ok([computer('k-1', 'JSJ-01'), computer('k-2', 'JSJ-02')]));
    const recordUse = vi.mocked(window.api.media.recordUse).mockResolvedValue(failure('RULE_VIOLATION', R36));
    const onDone = vi.fn();
    const onRefused = vi.fn();
    const user = userEvent.setup();
    renderInShell(<MediumUseForm medium={medium} onDone={onDone} onCancel={vi.fn()} onRefused={onRefused} />);

    // The bound computer is preselected; the unbound one says so in the list.
    const select = screen.getByRole('combobox', { name: '计算机' });
    await waitFor(() => expect((select as HTMLInputElement).value).toBe('JSJ-01（机密，机要室）'));
    await user.click(select);
    await user.click(await screen.findByRole('option', { name: 'JSJ-02（机密，机要室）（未绑定）' }));
    await user.type(screen.getByRole('textbox', { name: '内容摘要' }), '拷贝会议材料{Enter}');

    expect(await screen.findByText(R36)).toBeTruthy();
    expect(screen.getByTestId('form-error').textContent).toContain('未办理');
    expect(onRefused).toHaveBeenCalledTimes(1);
    expect(onDone).not.toHaveBeenCalled();
    expect(recordUse).toHaveBeenCalledWith({
      mediumId: 'm-1',
      computerId: 'k-2',
      otherComputer: '',
      operation: 'read',
      summary: '拷贝会议材料',
      level: 'mimi',
      approver: null,
      operator: { personId: 'p-wang', name: '王借阅' },
      occurredOn: today(),
      note: '',
    });
  });

  it('a computer outside the ledger is named in free text and sent without an id', async () => {
    fakeApi();
    vi.mocked(window.api.computers.list).mockResolvedValue(ok([computer('k-1', 'JSJ-01')]));
    const recordUse = vi.mocked(window.api.media.recordUse).mockResolvedValue(failure('RULE_VIOLATION', 'R-36：涉密介质 U-2026-01 不得在非涉密计算机（办公室上网机）上使用'));
    const user = userEvent.setup();
    renderInShell(<MediumUseForm medium={medium} onDone={vi.fn()} onCancel={vi.fn()} onRefused={vi.fn()} />);

    await user.click(screen.getByText('非涉密计算机/其他计算机'));
    await user.click(screen.getByRole('button', { name: '登记使用' }));
    expect(await screen.findByText('请填写计算机名称/说明')).toBeTruthy();
    expect(screen.getByText('请填写内容摘要')).toBeTruthy();
    expect(recordUse).not.toHaveBeenCalled();

    await user.type(screen.getByRole('textbox', { name: '计算机名称/说明' }), '办公室上网机');
    await user.type(screen.getByRole('textbox', { name: '内容摘要' }), '打印通知{Enter}');
    expect(await screen.findByText(/不得在非涉密计算机（办公室上网机）上使用/)).toBeTruthy();
    expect(recordUse).toHaveBeenCalledWith(expect.objectContaining({ computerId: null, otherComputer: '办公室上网机' }));
  });
});
