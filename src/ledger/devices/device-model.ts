import { z } from 'zod';
import { approvalSchema } from '../approvals';
import { LEVELS, type Level } from '../classification/levels';
import { personRefSchema } from '../people/person-ref';
import { dateSchema as date, idSchema as id, textSchema as text } from '../field-schemas';


/** The designated-media purpose that lets the backup issue write to a medium. */
export const BACKUP_PURPOSE = '本系统备份介质';

export const COMPUTER_STATES = ['pending', 'in_use', 'disabled', 'repair', 'pending_scrap', 'destroyed'] as const;
export type ComputerState = (typeof COMPUTER_STATES)[number];
export const COMPUTER_STATE_LABELS: Record<ComputerState, string> = {
  pending: '待启用',
  in_use: '在用',
  disabled: '停用',
  repair: '维修',
  pending_scrap: '待报废',
  destroyed: '已销毁',
};

export const COMPUTER_KINDS = ['desktop', 'laptop'] as const;
export const COMPUTER_KIND_LABELS = { desktop: '台式', laptop: '便携' } as const;

export const MEDIUM_STATES = ['registered', 'in_use', 'lent', 'taken_out', 'repair', 'pending_destruction', 'destroyed', 'lost'] as const;
export type MediumState = (typeof MEDIUM_STATES)[number];
/** Away with a person who must bring it back by its due date. */
export const MEDIUM_OUT_STATES = ['lent', 'taken_out'] as const satisfies readonly MediumState[];
/** Gone from the unit for good: nobody holds it, no count can see it. */
export const MEDIUM_GONE_STATES = ['destroyed', 'lost'] as const satisfies readonly MediumState[];
/** Gone, awaiting destruction or away for repair: nothing can have been used or written on it. */
export const MEDIUM_OUT_OF_USE_STATES = [...MEDIUM_GONE_STATES, 'pending_destruction', 'repair'] as const satisfies readonly MediumState[];
/** In the unit's own keeping: what a count expects to see. */
export const MEDIUM_ON_SHELF_STATES = ['registered', 'in_use', 'repair', 'pending_destruction'] as const satisfies readonly MediumState[];
export const MEDIUM_STATE_LABELS: Record<MediumState, string> = {
  registered: '待配发',
  in_use: '在用',
  lent: '借出',
  taken_out: '携带外出',
  repair: '维修',
  pending_destruction: '待销毁',
  destroyed: '已销毁',
  lost: '遗失',
};

export const MEDIUM_KINDS = ['usb', 'hdd', 'disc', 'card', 'tape'] as const;
export const MEDIUM_KIND_LABELS = { usb: 'U盘', hdd: '移动硬盘', disc: '光盘', card: '存储卡', tape: '磁带' } as const;

export const diskSchema = z.object({ serial: z.string().trim().min(1).max(60), capacity: text(20).default('') }).strict();
export type Disk = z.output<typeof diskSchema>;

export const computerFlagsSchema = z
  .object({
    hostAudit: z.boolean().default(false),
    outreachMonitor: z.boolean().default(false),
    wirelessRemoved: z.boolean().default(false),
    cameraAudioDisabled: z.boolean().default(false),
  })
  .strict();
export type ComputerFlags = z.output<typeof computerFlagsSchema>;

/** DOMAIN 2.2: what is recorded when a designated computer is registered. */
export const computerFieldsSchema = z
  .object({
    number: z.string().trim().min(1, '请填写设备编号').max(40),
    assetNo: text(40).default(''),
    level: z.enum(LEVELS),
    kind: z.enum(COMPUTER_KINDS),
    model: text(60).default(''),
    serial: text(60).default(''),
    disks: z.array(diskSchema).max(8).default([]),
    mac: text(60).default(''),
    os: text(60).default(''),
    osInstalledOn: date.nullish(),
    responsibleId: id,
    userId: id.nullish(),
    department: text(60).default(''),
    location: text(100).default(''),
    purpose: text(100).default(''),
    flags: computerFlagsSchema.default({ hostAudit: false, outreachMonitor: false, wirelessRemoved: false, cameraAudioDisabled: false }),
    peripherals: text(200).default(''),
    authMethod: text(60).default(''),
    note: text(500).default(''),
  })
  .strict();
export type ComputerFields = z.output<typeof computerFieldsSchema>;

export interface Computer extends Omit<ComputerFields, 'osInstalledOn' | 'userId'> {
  id: string;
  osInstalledOn: string | null;
  userId: string | null;
  enabledOn: string | null;
  checkedOn: string | null;
  passwordChangedOn: string | null;
  passwordDueOn: string | null;
  labelApplied: boolean;
  state: ComputerState;
  lastEventId: number;
}

/** DOMAIN 2.3: what is recorded when a removable medium is registered. */
export const mediumFieldsSchema = z
  .object({
    number: z.string().trim().min(1, '请填写介质编号').max(40),
    kind: z.enum(MEDIUM_KINDS),
    model: text(60).default(''),
    serial: text(80).default(''),
    volumeUuid: text(80).default(''),
    capacity: text(20).default(''),
    level: z.enum(LEVELS),
    responsibleId: id,
    department: text(60).default(''),
    location: text(100).default(''),
    purpose: text(100).default(''),
    note: text(500).default(''),
  })
  .strict();
export type MediumFields = z.output<typeof mediumFieldsSchema>;

export interface Medium extends MediumFields {
  id: string;
  issuedOn: string | null;
  pledgeOn: string | null;
  isBackup: boolean;
  state: MediumState;
  holderId: string | null;
  dueOn: string | null;
  lostOn: string | null;
  lastEventId: number;
  boundComputerIds: string[];
}

export { approvalSchema, personRefSchema };
export type { Level };
