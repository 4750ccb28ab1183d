import { describe, expect, it } from 'vitest';
// device-schemas.ts stays out of the bundle: it is imported only here, to check the list
// device-enums.ts repeats.
import * as core from '../../../../src/ledger/devices/device-model';
import { MEDIUM_OPERATION_LABELS, MEDIUM_OPERATIONS as CORE_OPERATIONS } from '../../../../src/ledger/devices/device-schemas';
import { zhDevices } from '../../i18n/zh-cn-devices';
import * as mine from './device-enums';

describe("the device vocabularies match the core's", () => {
  it('lists the same operations in the same order', () => {
    expect(mine.MEDIUM_OPERATIONS).toEqual(CORE_OPERATIONS);
  });

  it('shows the Chinese labels the core prints on registers 8-11', () => {
    expect(zhDevices.devices.computerState).toEqual(core.COMPUTER_STATE_LABELS);
    expect(zhDevices.devices.computerKind).toEqual(core.COMPUTER_KIND_LABELS);
    expect(zhDevices.devices.mediumState).toEqual(core.MEDIUM_STATE_LABELS);
    expect(zhDevices.devices.mediumKind).toEqual(core.MEDIUM_KIND_LABELS);
    expect(zhDevices.devices.operation).toEqual(MEDIUM_OPERATION_LABELS);
  });
});

describe('actions offered by state', () => {
  it('R-31/R-32: a computer is used only in use; a pending one is enabled first', () => {
    expect(mine.computerActionsFor('pending')).toEqual(['enable', 'passwordChanged', 'startRepair', 'change', 'raiseLevel', 'requestScrap']);
    expect(mine.computerActionsFor('in_use')).toEqual(['logUsage', 'passwordChanged', 'startRepair', 'change', 'raiseLevel', 'disable', 'requestScrap']);
    expect(mine.computerActionsFor('repair')).toEqual(['passwordChanged', 'finishRepair', 'raiseLevel', 'requestScrap']);
    expect(mine.computerActionsFor('pending_scrap')).toEqual(['destroy']);
    expect(mine.computerActionsFor('destroyed')).toEqual([]);
  });

  it('R-35/R-36: a medium is used only once issued; a lost one can only be found', () => {
    expect(mine.mediumActionsFor('registered')).not.toContain('recordUse');
    expect(mine.mediumActionsFor('in_use')).toContain('recordUse');
    expect(mine.mediumActionsFor('lent')).toEqual(['checkIn', 'recordUse', 'bind', 'raiseLevel', 'reportLost']);
    expect(mine.mediumActionsFor('lost')).toEqual(['markFound']);
    expect(mine.mediumActionsFor('destroyed')).toEqual([]);
    expect(mine.checkInKind('taken_out')).toBe('brought_back');
  });
});
