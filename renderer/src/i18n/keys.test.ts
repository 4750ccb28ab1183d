import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { createI18n } from './i18n';
import { zhCN } from './zh-cn';

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

  it('English has a singular (key_one) for every count that can be 1 before a noun; Chinese needs none', () => {
    const enTexts = leaves(en);
    const counted = [...enTexts].filter(([k, v]) => !k.endsWith('_one') && v.includes('{{count}}')).map(([k]) => k);
    const missing = counted.filter((k) => !enTexts.has(`${k}_one`) && !COUNT_WITHOUT_NOUN.has(k));
    expect(missing).toEqual([]);
    // The exemptions are real keys still counting, so the list cannot go stale unseen.
    expect([...COUNT_WITHOUT_NOUN].filter((k) => !counted.includes(k))).toEqual([]);
    // A singular stands beside its key, which Chinese has too: the key is the other form.
    const zhTexts = leaves(zhCN);
    const singulars = [...enTexts.keys()].filter((k) => k.endsWith('_one'));
    expect(singulars.filter((k) => !enTexts.has(k.slice(0, -4)) || !zhTexts.has(k.slice(0, -4)))).toEqual([]);
    expect([...zhTexts.keys()].filter((k) => /_(one|other)$/.test(k))).toEqual([]);
  });

  it('English picks the singular for 1 and the key for any other count', () => {
    const i18n = createI18n('en');
    expect(i18n.t('receive.itemCount', { count: 1 })).toBe('1 item in this delivery');
    expect(i18n.t('receive.itemCount', { count: 2 })).toBe('2 items in this delivery');
    expect(i18n.t('receive.itemCount', { count: 0 })).toBe('0 items in this delivery');
    expect(i18n.t('backup.status.ageDays', { count: 1 })).toBe('1 day ago');
    expect(i18n.t('print.savedAt', { path: 'a.pdf', pages: 1, count: 1 })).toBe('a.pdf, 1 page');
    const zh = createI18n('zh-CN');
    expect(zh.t('receive.itemCount', { count: 1 })).toBe(zhCN.receive.itemCount.replace('{{count}}', '1'));
  });
});

/** Every text of a resource tree by its dotted key. */
const leaves = (tree: object, prefix = ''): Map<string, string> =>
  new Map(
    Object.entries(tree).flatMap(([k, v]): [string, string][] =>
      typeof v === 'string' ? [[`${prefix}${k}`, v]] : [...leaves(v as object, `${prefix}${k}.`)],
    ),
  );

/**
 * Counts with no noun to agree: a heading's "(3)", "3 selected", "3 pt", "3 more…", or one
 * that is never 1 ("{{count}} in all; the first 50 are listed").
 */
const COUNT_WITHOUT_NOUN = new Set<string>([
  'people.list',
  'cabinets.list',
  'carriers.clearFilters',
  'carriers.selected',
  'handover.holdings',
  'media.findings.title',
  'staff.holdings',
  'departure.outstanding',
  'inspection.runs',
  'inspection.moreLinks',
  'inspection.linksCapped',
  'finding.carriedOver',
  'finding.thisMonth',
  'finding.allOpen',
  'checklist.pointsValue',
  'recon.sessions',
  'recon.pending',
  'recon.missingList',
  'recon.unexpectedList',
  'recon.duplicatesList',
  'recon.awayList',
]);

