import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approval, item, ledgerFixture, ref, type LedgerFixture } from '../../testing/ledger-fixture';
import { receiveBatch } from '../carriers/carrier-intake';
import { bringBack, circulate, distribute, lend, returnCirculation, takeOut } from '../carriers/carrier-movements';
import { archive, correct, destroyBatch, handoverPerson, markFound, reportLost, requestDestruction } from '../carriers/carrier-disposal';
import { checkInMedium, issueMedium, lendMedium, markMediumFound, registerMedium, reportMediumLost, startMediumRepair, takeOutMedium } from '../devices/medium-commands';
import { disableComputer, enableComputer, finishRepair, moveComputer, recordPasswordChange, registerComputer, startRepair } from '../devices/computer-commands';
import { eventsOf } from '../events/event-store';
import { carriersAt, computersAt, mediaAt } from './ledger-as-of';

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());

type Snapshot = { carriers: { id: string; dueOn: string | null }[]; media: { id: string }[]; computers: { id: string }[] };

/** The projection's rows, in the shape ledger-as-of returns them. */
const projection = (): Snapshot => ({
  carriers: f.db.prepare('SELECT id, number, title, level, expires_on AS expiresOn, state, custodian_id AS custodianId, holder_id AS holderId, due_on AS dueOn, lost_on AS lostOn FROM carriers').all() as Snapshot['carriers'],
  media: f.db.prepare('SELECT id, number, level, state, responsible_id AS responsibleId, holder_id AS holderId, due_on AS dueOn, lost_on AS lostOn FROM media').all() as Snapshot['media'],
  computers: f.db.prepare('SELECT id, number, location, level, state, responsible_id AS responsibleId, user_id AS userId, password_due_on AS passwordDueOn FROM computers').all() as Snapshot['computers'],
});
const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));

describe('the ledger as it stood at the end of a past day', () => {
  it('R-24 R-26 R-28 R-30 R-35 replayed from the event log, is what the projection said that evening; a corrected due date was the loan’s all along', () => {
    const P = f.people;
    // Every step is entered on the 20th and dated the day it happened.
    const ctx = f.ctx('2026-11-20');
    const ap = (day: string) => approval(P.leader, 'leader', day);
    const evenings = new Map<string, Snapshot>();
    const day = (d: string, steps: () => void) => {
      steps();
      evenings.set(d, projection());
    };

    day('2026-11-01', () => {});
    let A = '', B = '', C = '', D = '', E = '', M1 = '', M2 = '', K1 = '';
    day('2026-11-02', () => {
      const d = '2026-11-02';
      const ids = receiveBatch(ctx, { receivedOn: d, receiverId: P.officer.id, items: [1, 2, 3, 4, 5].map((i) => item(f, { copyNumbers: String(i) })) }).map((x) => x.id);
      [A, B, C, D, E] = ids as [string, string, string, string, string];
      M1 = registerMedium(ctx, { registeredOn: d, fields: { number: 'M1', kind: 'usb', level: 'jimi', responsibleId: P.custodian.id } }).id;
      M2 = registerMedium(ctx, { registeredOn: d, fields: { number: 'M2', kind: 'usb', level: 'jimi', responsibleId: P.custodian.id } }).id;
      K1 = registerComputer(ctx, { registeredOn: d, fields: { number: 'K1', level: 'jimi', kind: 'desktop', disks: [{ serial: 'WD1', capacity: '1TB' }], responsibleId: P.custodian.id, userId: P.borrower.id, location: '301' } }).id;
      enableComputer(ctx, { computerId: K1, occurredOn: d, checkedOn: d, labelApplied: true, level: 'jimi' });
    });
    day('2026-11-03', () => {
      const d = '2026-11-03';
      lend(ctx, { carrierId: A, occurredOn: d, borrowerId: P.borrower.id, reason: '阅', dueOn: '2026-11-10', approval: ap(d) });
      issueMedium(ctx, { mediumId: M1, occurredOn: d, recipientId: P.borrower.id, recipientSigned: true, pledgeOn: d });
      circulate(ctx, { carrierId: B, occurredOn: d, readerId: P.witnessA.id, dueOn: d });
      recordPasswordChange(ctx, { computerId: K1, occurredOn: d, length: 12, meetsPolicy: true });
    });
    day('2026-11-04', () => {
      const d = '2026-11-04';
      returnCirculation(ctx, { carrierId: B, occurredOn: d, intact: true, checkedBy: ref(P.officer) });
      takeOut(ctx, { carrierId: C, occurredOn: d, carrierPersonId: P.witnessB.id, approval: ap(d), destination: '市局', reason: '汇报', untilOn: '2026-11-06' });
      lendMedium(ctx, { mediumId: M1, occurredOn: d, borrowerId: P.witnessA.id, approval: ap(d), reason: '拷贝', dueOn: '2026-11-08' });
      moveComputer(ctx, { computerId: K1, occurredOn: d, userId: null, responsibleId: P.leader.id });
    });
    day('2026-11-05', () => {
      const d = '2026-11-05';
      const lent = eventsOf(f.db, 'carrier', A).find((e) => e.type === 'lent')!;
      correct(ctx, { carrierId: A, occurredOn: d, correctsEventId: lent.id, reason: '应还日期登记错误', patch: { dueOn: '2026-11-12' } });
      reportLost(ctx, { carrierId: D, occurredOn: d, reportedTo: '保密委', circumstances: '未见' });
      startMediumRepair(ctx, { mediumId: M2, occurredOn: d });
    });
    day('2026-11-06', () => {
      const d = '2026-11-06';
      bringBack(ctx, { carrierId: C, occurredOn: d, intact: true, checkedBy: ref(P.officer) });
      markFound(ctx, { carrierId: D, occurredOn: d, where: '档案柜' });
      checkInMedium(ctx, { mediumId: M2, occurredOn: d, intact: true, checkedBy: ref(P.officer) });
      startRepair(ctx, { computerId: K1, occurredOn: d, mode: 'on_site', fault: '无法开机', repairer: '维修公司', supervisor: ref(P.officer) });
    });
    day('2026-11-07', () => {
      distribute(ctx, { carrierId: E, occurredOn: '2026-11-07', recipientId: P.borrower.id, withinScope: true, recipientSigned: true, transfer: { method: 'by_hand', couriers: [ref(P.officer)] } });
    });
    day('2026-11-08', () => {
      const d = '2026-11-08';
      handoverPerson(ctx, { occurredOn: d, fromId: P.borrower.id, toId: P.officer.id, leader: ref(P.leader), bothSigned: true });
      checkInMedium(ctx, { mediumId: M1, occurredOn: d, intact: true, checkedBy: ref(P.officer) });
      finishRepair(ctx, { computerId: K1, occurredOn: d, acceptedBy: ref(P.officer) });
    });
    day('2026-11-09', () => {
      const d = '2026-11-09';
      archive(ctx, { carrierId: B, occurredOn: d });
      archive(ctx, { carrierId: E, occurredOn: d });
      requestDestruction(ctx, { carrierId: C, occurredOn: d });
      reportMediumLost(ctx, { mediumId: M2, occurredOn: d, reportedTo: '保密委', circumstances: '未见' });
    });
    day('2026-11-10', () => {
      const d = '2026-11-10';
      destroyBatch(ctx, { occurredOn: d, carrierIds: [C], reason: '到期', applicant: ref(P.custodian), approval: ap(d), method: 'pulping', place: '销毁中心', destroyer: ref(P.custodian), witnesses: [ref(P.witnessA), ref(P.witnessB)] });
      markMediumFound(ctx, { mediumId: M2, occurredOn: d });
      disableComputer(ctx, { computerId: K1, occurredOn: d });
    });
    day('2026-11-11', () => {
      const d = '2026-11-11';
      takeOutMedium(ctx, { mediumId: M1, occurredOn: d, bearerId: P.witnessB.id, approval: ap(d), destination: '市局', untilOn: '2026-11-13' });
      enableComputer(ctx, { computerId: K1, occurredOn: d, checkedOn: d, labelApplied: true, level: 'jimi' });
    });

    for (const [d, evening] of evenings) {
      // Corrected on the 5th, the loan of the 3rd was due on the 12th from its first day.
      const carriers = evening.carriers.map((c) => (c.id === A && c.dueOn === '2026-11-10' ? { ...c, dueOn: '2026-11-12' } : c));
      expect([d, byId(carriersAt(f.db, d, '1 = 1', []))]).toEqual([d, byId(carriers)]);
      expect([d, byId(mediaAt(f.db, d))]).toEqual([d, byId(evening.media)]);
      expect([d, byId(computersAt(f.db, d))]).toEqual([d, byId(evening.computers)]);
    }
    expect(evenings.get('2026-11-04')?.carriers.find((c) => c.id === A)?.dueOn).toBe('2026-11-10');
  });
});
