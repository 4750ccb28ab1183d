import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { errorText } from './errors';

const refusal = { code: 'RULE_VIOLATION' as const, message: 'R-29：销毁需两名不同的监销人' };

describe('errorText', () => {
  it("shows main's Chinese message as it is in Chinese: it names the rule", () => {
    expect(errorText(createI18n('zh-CN'), refusal)).toBe('R-29：销毁需两名不同的监销人');
  });

  it('keeps the rule in English, after the translation of the code', () => {
    expect(errorText(createI18n('en'), refusal)).toBe('Not allowed by the secrecy rules: R-29：销毁需两名不同的监销人');
    expect(errorText(createI18n('en'), { code: 'WRONG_PASSPHRASE', message: '口令错误' })).toBe('Wrong passphrase');
  });
});
