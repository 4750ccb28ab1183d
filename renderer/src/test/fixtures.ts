import type { Computer } from '../../../src/ledger/devices/device-model';
import type { ComputerRow } from '../../../src/ledger/devices/device-queries';
import type { RunDetail } from '../../../src/ledger/inspections/runs';

/** A promise a test settles by hand, to hold main's answer while it looks at the page. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A 机密 desktop in use. */
export const computer = (over: Partial<Computer> = {}): Computer => ({
  id: 'pc-1',
  number: 'JSJ-01',
  assetNo: '',
  level: 'jimi',
  kind: 'desktop',
  model: '',
  serial: '',
  disks: [],
  mac: '',
  os: '',
  osInstalledOn: null,
  responsibleId: 'p-sun',
  userId: null,
  department: '',
  location: '机要室',
  purpose: '',
  flags: { hostAudit: true, outreachMonitor: true, wirelessRemoved: true, cameraAudioDisabled: true },
  peripherals: '',
  authMethod: '',
  note: '',
  enabledOn: '2026-11-01',
  checkedOn: '2026-11-01',
  passwordChangedOn: null,
  passwordDueOn: null,
  labelApplied: true,
  state: 'in_use',
  lastEventId: 1,
  ...over,
});

/** The same computer as computers.list returns it. */
export const computerRow = (over: Partial<ComputerRow> = {}): ComputerRow => ({
  ...computer(),
  responsibleName: '孙保管',
  userName: null,
  passwordOverdue: false,
  openUsage: null,
  ...over,
});

/** November's open run of the default monthly template, with the given items. */
export const monthlyRun = (items: RunDetail['template']['items'], over: Partial<RunDetail> = {}): RunDetail => ({
  id: 'r-1',
  month: '2026-11',
  state: 'open',
  template: { id: 't-1', family: 'monthly', version: 1, name: '月度保密检查表（默认）', createdAt: '2026-11-01T00:00:00.000Z', items },
  evidence: {},
  results: [],
  findings: [],
  carriedOver: [],
  signatures: null,
  ...over,
});
