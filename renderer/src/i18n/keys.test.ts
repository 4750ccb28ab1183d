import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n } from './i18n';

const SRC = path.resolve(import.meta.dirname, '..');

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return files(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });

/** Keys written out literally: t('carriers.title'), t("x.y", …). Dynamic keys are not seen. */
const literalKeys = (): Set<string> => {
  const keys = new Set<string>();
  for (const f of files(SRC)) {
    for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) keys.add(m[1] as string);
  }
  return keys;
};

describe('translations', () => {
  it('every key the screens use literally exists in Chinese and English', () => {
    const keys = literalKeys();
    expect(keys.size).toBeGreaterThan(300);
    for (const lng of ['zh-CN', 'en'] as const) {
      const i18n = createI18n(lng);
      const missing = [...keys].filter((k) => !i18n.exists(k, { lng, fallbackLng: false }));
      expect(missing, lng).toEqual([]);
    }
  });
});
