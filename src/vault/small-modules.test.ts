import { describe, expect, it } from 'vitest';
import { describeMissingZh, missingRequirements } from './passphrase-policy';
import { formatRecoveryKey, generateRecoveryKey, normalizeRecoveryKey } from './recovery-key';
import { delayAfterFailures } from './unlock-throttle';

describe('R-10 passphrase policy', () => {
  it('R-10 needs 8+ characters with upper, lower, digit and symbol', () => {
    expect(missingRequirements('Abcdef1!')).toEqual([]);
    expect(missingRequirements('abc')).toEqual(['length', 'upper', 'digit', 'symbol']);
    expect(missingRequirements('ABCDEFGH1!')).toEqual(['lower']);
    expect(missingRequirements('保密Abc1!口令')).toEqual([]);
  });

  it('R-10 the unit may raise the minimum length', () => {
    expect(missingRequirements('Abcdef1!', 10)).toEqual(['length']);
    expect(describeMissingZh(['length', 'symbol'], 10)).toBe('口令不符合 R-10：需要至少 10 个字符、符号');
  });
});

describe('recovery key', () => {
  it('is 160 bits in eight groups of four unambiguous characters', () => {
    const k = generateRecoveryKey();
    expect(k).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(generateRecoveryKey()).not.toBe(k);
  });

  it('reads back despite case, spaces and look-alike letters', () => {
    const canonical = 'ABCD0123EFGH4567JKMN89PQRSTVWXYZ';
    expect(normalizeRecoveryKey(formatRecoveryKey(canonical).toLowerCase())).toBe(canonical);
    expect(normalizeRecoveryKey('abcd o123 efgh 4567 jkmn 89pq rstv wxyz')).toBe(canonical);
    expect(normalizeRecoveryKey('ABCD')).toBeNull();
    expect(normalizeRecoveryKey('ABCD0123EFGH4567JKMN89PQRSTVWXYU')).toBeNull();
  });
});

describe('unlock delay', () => {
  it('grows after three failures and is capped at five minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(delayAfterFailures)).toEqual([0, 0, 0, 1000, 2000, 4000, 8000]);
    expect(delayAfterFailures(40)).toBe(300_000);
  });
});
