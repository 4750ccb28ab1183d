import { describe, expect, it } from 'vitest';
import { dateSchema, monthSchema } from './field-schemas';

describe('field schemas', () => {
  it('accepts real days, leap days included', () => {
    for (const d of ['2026-11-22', '2024-02-29', '2026-12-31']) expect(dateSchema.safeParse(d).success).toBe(true);
  });

  it('refuses malformed or non-existent days with a Chinese message', () => {
    expect(dateSchema.safeParse('2026/11/22').error?.issues[0]?.message).toBe('日期格式应为 YYYY-MM-DD');
    for (const d of ['2026-02-29', '2026-13-01', '2026-04-31', '2026-00-10']) expect(dateSchema.safeParse(d).error?.issues[0]?.message).toBe('日期不存在');
  });

  it('takes months 01 to 12 only', () => {
    expect(monthSchema.safeParse('2026-11').success).toBe(true);
    expect(monthSchema.safeParse('2026-13').success).toBe(false);
  });
});
