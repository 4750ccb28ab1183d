import { mutate } from '../audit/mutate';
import type { Db } from '../db/open-database';
import { AppError } from '../errors/app-error';
import { DEFAULT_SETTINGS, settingsPatchSchema, storedSettingsSchema, type Settings } from './settings-schema';
import { sql } from '../db/statements';
import { checkHostComputer } from './host-computer';
import { checkTermMaximums } from './term-maximums';

export function readSettings(db: Db): Settings {
  const rows = sql(db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return storedSettingsSchema.parse({ ...DEFAULT_SETTINGS, ...stored });
}

/**
 * Writes the keys that differ and one audit entry listing them. A save that changes nothing
 * writes nothing: an audit entry with no changes would only clutter the chain inspectors read.
 */
export function updateSettings(db: Db, at: string, actor: string, patch: Partial<Settings>): Settings {
  const current = readSettings(db);
  if (changesOf(current, merge(current, patch)).length === 0) return current;
  return mutate(db, at, (tx) => {
    const before = readSettings(tx);
    const after = merge(before, patch);
    checkTermMaximums(tx, before, after);
    checkHostComputer(tx, before, after);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const upsert = sql(tx, 
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
    for (const key of changesOf(before, after)) {
      changes[key] = { from: before[key], to: after[key] };
      upsert.run(key, JSON.stringify(after[key]));
    }
    return { result: after, audit: { actor, action: 'settings.updated', subject: 'settings', payload: { changes } } };
  });
}

/**
 * The settings after the patch. Only the values that change must meet today's rules: a
 * value stored under an earlier, looser rule (a pattern without {year}) that the save
 * leaves alone must not block changing another setting.
 */
function merge(before: Settings, patch: Partial<Settings>): Settings {
  const after = storedSettingsSchema.parse({ ...before, ...patch });
  const changed = Object.fromEntries(changesOf(before, after).map((key) => [key, after[key]]));
  const checked = settingsPatchSchema.safeParse(changed);
  if (!checked.success) throw new AppError('VALIDATION', checked.error.issues.map((i) => i.message).join('；'));
  return after;
}

const changesOf = (before: Settings, after: Settings): (keyof Settings)[] =>
  (Object.keys(after) as (keyof Settings)[]).filter((key) => after[key] !== before[key]);
