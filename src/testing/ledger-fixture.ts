import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations, migrate } from '../db/migrate';
import { openCipherDatabase, type Db } from '../db/open-database';
import { AppError } from '../errors/app-error';
import { registerCabinet, type Cabinet } from '../ledger/cabinets/cabinets';
import { receiveBatch } from '../ledger/carriers/carrier-intake';
import type { Approval, CarrierFieldsInput } from '../ledger/carriers/carrier-model';
import type { LedgerContext } from '../ledger/carriers/carrier-transition';
import { registerPerson, type Person } from '../ledger/people/people';
import { leave } from '../ledger/people/departure';
import type { Level } from '../ledger/classification/levels';
import { enableComputer, registerComputer } from '../ledger/devices/computer-commands';
import { issueMedium, registerMedium } from '../ledger/devices/medium-commands';
import type { BackupStatus } from '../backup/backup-service';
import { DEFAULT_SETTINGS } from '../settings/settings-schema';
import { MIGRATIONS_DIR } from './temp-vault';

export interface LedgerFixture {
  db: Db;
  ctx: (today?: string) => LedgerContext;
  people: Record<'officer' | 'borrower' | 'leader' | 'head' | 'witnessA' | 'witnessB' | 'custodian', Person>;
  cabinet: Cabinet;
  cleanup(): void;
}

export const TODAY = '2026-11-20';

/** A real encrypted ledger with a few people and a cabinet, for rule tests. */
export function ledgerFixture(): LedgerFixture {
  const dir = mkdtempSync(join(tmpdir(), 'baomi-ledger-'));
  const db = openCipherDatabase(join(dir, 'l.db'), randomBytes(32));
  migrate(db, loadMigrations(MIGRATIONS_DIR));
  const at = `${TODAY}T02:00:00.000Z`;
  const reg = (name: string, department: string, post: string) =>
    registerPerson(db, at, '张保密', { name, department, post, clearance: 'important' });
  const people = {
    officer: reg('张保密', '保密办', '保密员'),
    borrower: reg('李借阅', '综合处', '科员'),
    leader: reg('王处长', '综合处', '处长'),
    head: reg('赵局长', '局领导', '局长'),
    witnessA: reg('孙监销', '办公室', '科员'),
    witnessB: reg('周监销', '办公室', '科员'),
    custodian: reg('吴保管', '机要室', '机要员'),
  };
  const cabinet = registerCabinet(db, at, '张保密', { name: '1号保密柜', room: '机要室 301' });
  return {
    db,
    people,
    cabinet,
    ctx: (today = TODAY) => ({ db, at: `${today}T03:00:00.000Z`, today, actor: '张保密', settings: DEFAULT_SETTINGS }),
    cleanup: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const item = (f: LedgerFixture, over: Partial<CarrierFieldsInput> = {}): CarrierFieldsInput => ({
  docNo: '国保发〔2026〕12号',
  title: '关于做好年度保密检查工作的通知',
  carrierType: 'paper',
  issuer: '国家保密局',
  level: 'jimi',
  classifiedOn: '2026-11-01',
  copies: 1,
  copyNumbers: '003',
  pages: 12,
  custodianId: f.people.custodian.id,
  cabinetId: f.cabinet.id,
  ...over,
});

/** `n` carriers received by the officer on 2 November, numbered copies 1 to n. */
export const receiveCarriers = (f: LedgerFixture, n: number, over: Partial<CarrierFieldsInput> = {}) =>
  receiveBatch(f.ctx(), { receivedOn: '2026-11-02', receiverId: f.people.officer.id, items: Array.from({ length: n }, (_, i) => item(f, { copyNumbers: String(i + 1), ...over })) });

export const approval = (p: Person, role: Approval['role'] = 'leader', approvedOn = TODAY): Approval => ({
  approver: { personId: p.id, name: p.name },
  role,
  approvedOn,
  note: '',
});

export const ref = (p: Person) => ({ personId: p.id, name: p.name });

/** Runs a command that must be refused and returns the AppError it threw. */
export const refused = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the command to be refused');
};

/**
 * Someone who has left: registered, then marked as having left the post or the unit
 * on 2026-11-10, holding nothing.
 */
export const departed = (f: LedgerFixture, kind: 'left_post' | 'left_unit' = 'left_unit', name = '钱离职'): Person => {
  const p = registerPerson(f.db, `${TODAY}T02:00:00.000Z`, '张保密', { name, department: '综合处', post: '科员', clearance: 'general' });
  return leave(f.ctx(), { personId: p.id, kind, approvedOn: '2026-11-10' });
};

/** A computer registered on 2026-11-02, kept by the custodian, and enabled that day unless told not to. */
export const computer = (f: LedgerFixture, number: string, level: Level = 'jimi', enable = true) => {
  const c = registerComputer(f.ctx(), {
    registeredOn: '2026-11-02',
    fields: { number, level, kind: 'desktop', disks: [{ serial: `WD-${number}`, capacity: '1TB' }], responsibleId: f.people.custodian.id, location: '机要室 301' },
  });
  return enable ? enableComputer(f.ctx(), { computerId: c.id, occurredOn: '2026-11-02', checkedOn: '2026-11-01', labelApplied: true, level }) : c;
};

/** A USB medium registered on 2026-11-02 and issued to the borrower the next day, bound to nothing. */
export const medium = (f: LedgerFixture, number: string, level: Level = 'jimi') => {
  const m = registerMedium(f.ctx(), { registeredOn: '2026-11-02', fields: { number, kind: 'usb', level, serial: `SN-${number}`, responsibleId: f.people.custodian.id } });
  return issueMedium(f.ctx(), { mediumId: m.id, occurredOn: '2026-11-03', recipientId: f.people.borrower.id, recipientSigned: true, pledgeOn: '2026-11-01' });
};

/** What BackupService.status() says: by default a backup three days old whose newest read-back failed. */
export const backupStatus = (over: Partial<BackupStatus> = {}): BackupStatus => ({
  lastBackupAt: '2026-11-20T01:00:00.000Z',
  lastVerifiedAt: '2026-11-20T02:00:00.000Z',
  lastVerifiedOk: false,
  mediumNumber: 'BK-1',
  ageDays: 3,
  stale: false,
  maxAgeDays: 7,
  retention: 5,
  ...over,
});
