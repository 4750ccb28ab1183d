import { describe, expect, it } from 'vitest';
import { contract } from '../../../../src/api/contract';
import { createI18n } from '../../i18n/i18n';
import { ACTION_GROUPS, EMPTY_AUDIT_FILTERS, payloadSummary, toAuditQuery } from './audit-query';

describe('audit query and summary', () => {
  it('sends only the filters that are set, trimmed, and always something the contract accepts', () => {
    expect(toAuditQuery(EMPTY_AUDIT_FILTERS)).toEqual({});
    expect(toAuditQuery({ action: 'carrier.', text: '  ', fromDate: '', toDate: '2026-11-30' })).toEqual({ action: 'carrier.', toDate: '2026-11-30' });
    expect(toAuditQuery({ action: null, text: ' 王 ', fromDate: '2026-11-01', toDate: '' })).toEqual({ text: '王', fromDate: '2026-11-01' });
    for (const g of ACTION_GROUPS) {
      expect(contract['audit:list'].input.safeParse({ limit: 100, ...toAuditQuery({ ...EMPTY_AUDIT_FILTERS, action: `${g}.` }) }).success, g).toBe(true);
    }
  });

  it('every action group has a label in Chinese and in English', () => {
    for (const lng of ['zh-CN', 'en'] as const) {
      const i18n = createI18n(lng);
      const missing = ACTION_GROUPS.filter((g) => !i18n.exists(`auditLog.group.${g}`, { lng, fallbackLng: false }));
      expect(missing, lng).toEqual([]);
    }
  });

  it('summarises what happened first, leaves record ids out, and cuts a long line', () => {
    const event = {
      eventId: '0f0e0d0c-0b0a-4908-8706-050403020100',
      entityId: '1f0e0d0c-0b0a-4908-8706-050403020100',
      occurredOn: '2026-11-20',
      data: { borrower: '王借阅', dueOn: '2026-12-01' },
      batchId: null,
    };
    expect(payloadSummary(event)).toBe('borrower: 王借阅; dueOn: 2026-12-01; occurredOn: 2026-11-20');
    expect(payloadSummary({ changes: { idleMinutes: { from: 10, to: 2 } } })).toBe('changes: {"idleMinutes":{"from":10,"to":2}}');
    expect(payloadSummary({})).toBe('');
    expect(payloadSummary(null)).toBe('');
    const long = payloadSummary({ note: 'x'.repeat(500) }, 40);
    expect(long).toHaveLength(40);
    expect(long.endsWith('…')).toBe(true);
  });
});
