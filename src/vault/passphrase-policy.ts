/**
 * at least 8 characters mixing upper case, lower case, digits and symbols; the unit
 * may raise the length. Pure, so the renderer shows what is missing while the officer types
 * and the core enforces the very same rule.
 */
export const DEFAULT_PASSPHRASE_MIN_LENGTH = 8;

export type PassphraseRequirement = 'length' | 'upper' | 'lower' | 'digit' | 'symbol';

export const REQUIREMENT_LABELS_ZH: Record<PassphraseRequirement, (min: number) => string> = {
  length: (min) => `至少 ${min} 个字符`,
  upper: () => '大写字母',
  lower: () => '小写字母',
  digit: () => '数字',
  symbol: () => '符号',
};

export function missingRequirements(
  passphrase: string,
  minLength: number = DEFAULT_PASSPHRASE_MIN_LENGTH,
): PassphraseRequirement[] {
  const missing: PassphraseRequirement[] = [];
  // Count code points, not UTF-16 units, so a CJK or emoji character counts once.
  if ([...passphrase].length < minLength) missing.push('length');
  if (!/\p{Lu}/u.test(passphrase)) missing.push('upper');
  if (!/\p{Ll}/u.test(passphrase)) missing.push('lower');
  if (!/\p{Nd}/u.test(passphrase)) missing.push('digit');
  if (!/[^\p{L}\p{Nd}\s]/u.test(passphrase)) missing.push('symbol');
  return missing;
}

/** The Chinese sentence the officer sees, e.g. `口令不符合 R-10：缺少 大写字母、符号`. */
export function describeMissingZh(missing: PassphraseRequirement[], minLength: number): string {
  if (missing.length === 0) return '';
  const parts = missing.map((m) => REQUIREMENT_LABELS_ZH[m](minLength));
  return `口令不符合 R-10：需要${parts.join('、')}`;
}
