import { describe, expect, it } from 'vitest';
import { parseTermText, termToText } from './term-text';

describe('保密期限 as typed (R-02)', () => {
  it('reads years, months, 长期 and conditions; blank means the maximum (R-03)', () => {
    expect(parseTermText('')).toEqual({ ok: true, term: null });
    expect(parseTermText('10年')).toEqual({ ok: true, term: { kind: 'years', value: 10 } });
    expect(parseTermText(' 20 ')).toEqual({ ok: true, term: { kind: 'years', value: 20 } });
    expect(parseTermText('6个月')).toEqual({ ok: true, term: { kind: 'months', value: 6 } });
    expect(parseTermText('3月')).toEqual({ ok: true, term: { kind: 'months', value: 3 } });
    expect(parseTermText('长期')).toEqual({ ok: true, term: { kind: 'long' } });
    expect(parseTermText('至项目验收')).toEqual({ ok: true, term: { kind: 'condition', text: '至项目验收' } });
  });

  it('refuses what the core would refuse', () => {
    expect(parseTermText('31年')).toEqual({ ok: false, problem: 'years' });
    expect(parseTermText('0年')).toEqual({ ok: false, problem: 'years' });
    expect(parseTermText('18个月')).toEqual({ ok: false, problem: 'monthsOverYear' });
    expect(parseTermText('条'.repeat(61))).toEqual({ ok: false, problem: 'tooLong' });
  });

  it('writes a stored term back as typed', () => {
    for (const s of ['10年', '6个月', '长期', '至项目验收']) {
      const p = parseTermText(s);
      expect(p.ok && termToText(p.term)).toBe(s);
    }
    expect(termToText(null)).toBe('');
  });
});
