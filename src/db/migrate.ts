import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors/app-error';
import type { Db } from './open-database';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{4})-([a-z0-9-]+)\.sql$/;

/** Reads `NNNN-name.sql` files; numbers must run 1, 2, 3… with no gap or repeat. */
export function loadMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => FILE_PATTERN.exec(file))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({
      version: Number(m[1]),
      name: m[2] ?? '',
      sql: readFileSync(join(dir, m[0]), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration numbering broken at ${m.version}-${m.name}`);
  });
  if (migrations.length === 0) throw new Error(`no migrations found in ${dir}`);
  return migrations;
}

export const schemaVersion = (db: Db): number => Number(db.pragma('user_version', { simple: true }));

export const latestVersion = (migrations: Migration[]): number =>
  migrations.length === 0 ? 0 : (migrations[migrations.length - 1]?.version ?? 0);

/**
 * Brings the schema up to date in one transaction: either every pending migration applies
 * and user_version moves, or nothing changes. A vault written by a newer app is refused
 * before anything is touched, so an old app can never damage it.
 */
/**
 * `inside` runs in the migrations' transaction once they are applied (the vault records its
 * own migration there, so the change and its audit entry commit together or not at all).
 */
export function migrate(db: Db, migrations: Migration[], inside?: (from: number, to: number) => void): { from: number; to: number } {
  const from = schemaVersion(db);
  const latest = latestVersion(migrations);
  if (from > latest) {
    throw new AppError(
      'VAULT_TOO_NEW',
      `此台账由更新版本的程序写入（数据结构版本 ${from}，本程序支持到 ${latest}），请使用新版本程序打开`,
      { vaultVersion: from, supportedVersion: latest },
    );
  }
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const m of pending) db.exec(m.sql);
    db.pragma(`user_version = ${latest}`);
    inside?.(from, latest);
  }).immediate();
  return { from, to: latest };
}
