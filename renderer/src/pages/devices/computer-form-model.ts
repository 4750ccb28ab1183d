import type { TFunction } from 'i18next';
import type { InputOf } from '../../../../src/api/contract';
import type { Level } from '../../lib/carrier-enums';
import { isIsoDate } from '../../lib/dates';
import { chosen, required, validDate } from '../../lib/form-rules';
import type { ComputerKind } from './device-enums';

export interface DiskValues {
  /** A stable key for React while rows are added and removed. */
  key: string;
  serial: string;
  capacity: string;
}

export interface ComputerFlagValues {
  hostAudit: boolean;
  outreachMonitor: boolean;
  wirelessRemoved: boolean;
  cameraAudioDisabled: boolean;
}

/** What the 登记涉密计算机 form holds: DOMAIN 2.2, as typed. */
export interface ComputerValues {
  registeredOn: string;
  number: string;
  assetNo: string;
  level: Level | '';
  kind: ComputerKind | '';
  model: string;
  serial: string;
  disks: DiskValues[];
  mac: string;
  os: string;
  osInstalledOn: string;
  responsibleId: string;
  userId: string;
  department: string;
  location: string;
  purpose: string;
  flags: ComputerFlagValues;
  peripherals: string;
  authMethod: string;
  note: string;
}

export const FLAG_KEYS = ['hostAudit', 'outreachMonitor', 'wirelessRemoved', 'cameraAudioDisabled'] as const;

let diskSeq = 0;
export const newDisk = (serial = '', capacity = ''): DiskValues => ({ key: `disk-${++diskSeq}`, serial, capacity });

export const computerDefaults = (on: string): ComputerValues => ({
  registeredOn: on,
  number: '',
  assetNo: '',
  level: '',
  kind: 'desktop',
  model: '',
  serial: '',
  // Nearly every designated computer has one disk; its serial is what R-33 asks for later.
  disks: [newDisk()],
  mac: '',
  os: '',
  osInstalledOn: '',
  responsibleId: '',
  userId: '',
  department: '',
  location: '',
  purpose: '',
  flags: { hostAudit: false, outreachMonitor: false, wirelessRemoved: false, cameraAudioDisabled: false },
  peripherals: '',
  authMethod: '',
  note: '',
});

/** A row left entirely blank is dropped, not an error: the form always offers one. */
const filledDisks = (disks: DiskValues[]) => disks.filter((d) => d.serial.trim() !== '' || d.capacity.trim() !== '');

/** Field rules with the messages the officer sees (in Chinese by default). */
export const computerRules = (t: TFunction) => ({
  registeredOn: validDate(t, t('computers.field.registeredOn')),
  number: required(t, t('computers.field.number')),
  level: chosen(t, t('computers.field.level')),
  kind: chosen(t, t('computers.field.kind')),
  responsibleId: chosen(t, t('computers.field.responsible')),
  osInstalledOn: (v: string) => (v === '' || isIsoDate(v) ? null : t('form.badDate', { field: t('computers.field.osInstalledOn') })),
  disks: {
    serial: (v: string, values: ComputerValues, path: string) => {
      const index = Number(path.split('.')[1]);
      const disk = values.disks[index];
      if (!disk || filledDisks([disk]).length === 0) return null;
      if (v.trim() === '') return t('computers.register.diskSerialMissing');
      const same = values.disks.filter((d) => d.serial.trim() === v.trim()).length;
      return same > 1 ? t('computers.register.diskDuplicate', { serial: v.trim() }) : null;
    },
  },
});

/** The values as computers:register takes them; blank optional fields stay blank. */
export function toRegisterInput(v: ComputerValues): InputOf<'computers:register'> {
  return {
    registeredOn: v.registeredOn,
    fields: {
      number: v.number.trim(),
      assetNo: v.assetNo.trim(),
      level: v.level as Level,
      kind: v.kind as ComputerKind,
      model: v.model.trim(),
      serial: v.serial.trim(),
      disks: filledDisks(v.disks).map((d) => ({ serial: d.serial.trim(), capacity: d.capacity.trim() })),
      mac: v.mac.trim(),
      os: v.os.trim(),
      osInstalledOn: v.osInstalledOn || null,
      responsibleId: v.responsibleId,
      userId: v.userId || null,
      department: v.department.trim(),
      location: v.location.trim(),
      purpose: v.purpose.trim(),
      flags: { ...v.flags },
      peripherals: v.peripherals.trim(),
      authMethod: v.authMethod.trim(),
      note: v.note.trim(),
    },
  };
}
