import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit-log';
import { receiveBatch } from '../ledger/carriers/carrier-intake';
import { declassify, destroyBatch, returnToIssuer } from '../ledger/carriers/carrier-disposal';
import type { CarrierFieldsInput } from '../ledger/carriers/carrier-model';
import { approval, item, ledgerFixture, ref, refused, TODAY, type LedgerFixture } from '../testing/ledger-fixture';
import { readSettings, updateSettings } from './settings-store';

let f: LedgerFixture;
beforeEach(() => {
  f = ledgerFixture();
});
afterEach(() => f.cleanup());

const at = `${TODAY}T04:00:00.000Z`;
const years = (value: number, over: Partial<CarrierFieldsInput> = {}) => item(f, { term: { kind: 'years', value }, ...over });
const receive = (...items: CarrierFieldsInput[]) => receiveBatch(f.ctx(), { receivedOn: TODAY, receiverId: f.people.officer.id, items });
const settingsEntries = () => listAudit(f.db, 1000).filter((e) => e.action === 'settings.updated');

describe('R-03 maximum terms against the terms already registered', () => {
  it('R-03 refuses lowering the 机密 maximum below terms held, naming how many and the longest', () => {
    receive(years(20), years(20, { copyNumbers: '004' }), years(12, { copyNumbers: '005' }), years(3, { copyNumbers: '006' }));
    expect(refused(() => updateSettings(f.db, at, '张保密', { maxTermYearsJimi: 5 })).message).toBe(
      'R-03：已有 3 件机密载体的保密期限超过 5 年（最长 20 年），不能把机密最长期限改为 5 年；最低可改为 20 年',
    );
    expect(refused(() => updateSettings(f.db, at, '张保密', { maxTermYearsJimi: 15 })).message).toMatch(/^R-03：已有 2 件机密载体的保密期限超过 15 年（最长 20 年）/);
    expect(readSettings(f.db).maxTermYearsJimi).toBe(20);
    expect(settingsEntries()).toEqual([]);
  });

  it('R-03 allows a lower maximum every held item still fits, and other levels are judged on their own', () => {
    receive(years(12), years(8, { level: 'mimi', copyNumbers: '' }));
    expect(updateSettings(f.db, at, '张保密', { maxTermYearsJimi: 12, maxTermYearsJuemi: 5 })).toMatchObject({ maxTermYearsJimi: 12, maxTermYearsJuemi: 5 });
    expect(refused(() => updateSettings(f.db, at, '张保密', { maxTermYearsMimi: 6 })).message).toMatch(/^R-03：已有 1 件秘密载体的保密期限超过 6 年（最长 8 年）/);
  });

  it('R-03 counts only terms in years: 长期, months and a condition are not measured against the maximum', () => {
    receive(
      item(f, { term: { kind: 'long' } }),
      item(f, { term: { kind: 'months', value: 6 }, copyNumbers: '004' }),
      item(f, { term: { kind: 'condition', text: '至项目验收' }, copyNumbers: '005' }),
    );
    expect(updateSettings(f.db, at, '张保密', { maxTermYearsJimi: 1 }).maxTermYearsJimi).toBe(1);
  });

  it('R-03 does not count carriers destroyed, returned or declassified: they no longer bind the unit', () => {
    const [gone, returned, declassified] = receive(years(20), years(20, { copyNumbers: '004' }), years(20, { copyNumbers: '005' }));
    destroyBatch(f.ctx(), {
      occurredOn: TODAY,
      carrierIds: [gone!.id],
      reason: '已过保存期',
      applicant: ref(f.people.custodian),
      approval: approval(f.people.leader),
      method: 'pulping',
      place: '市保密局销毁中心',
      destroyer: ref(f.people.officer),
      witnesses: [ref(f.people.witnessA), ref(f.people.witnessB)],
    });
    returnToIssuer(f.ctx(), { carrierId: returned!.id, occurredOn: TODAY, receiver: { name: '国家保密局收文处' }, leader: ref(f.people.leader), bothSigned: true });
    declassify(f.ctx(), { carrierId: declassified!.id, occurredOn: TODAY, basis: 'decision', decidedBy: '国家保密局', approval: approval(f.people.leader) });
    expect(updateSettings(f.db, at, '张保密', { maxTermYearsJimi: 5 }).maxTermYearsJimi).toBe(5);
  });
});
