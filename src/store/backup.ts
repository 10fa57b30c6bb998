// Copies of the SQLite file (quiz scores, misses) made with SQLite's online backup, so a copy is
// consistent while the assistant keeps writing. `npm run quiz -- backup` makes one on demand; the
// running assistant makes one a day in DATA_DIR/backups/ and keeps the newest seven. At start-up a
// database that fails SQLite's integrity check stops the assistant, naming the newest backup.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './open-database.js';

export const BACKUPS_DIR = 'backups';
export const DEFAULT_BACKUPS_KEPT = 7;

/** assistant-2026-11-30.sqlite: the UTC day it was made. */
const DAILY_NAME = /^assistant-(\d{4}-\d{2}-\d{2})\.sqlite$/;

export function backupsDir(dataDir: string): string {
  return join(dataDir, BACKUPS_DIR);
}

/**
 * An online backup of `db` to `target`. Written beside the target under a temporary name and then
 * renamed, so `target` is either the old file or a whole new copy, never half of one.
 */
export async function backupDatabase(db: Db, target: string): Promise<void> {
  mkdirSync(dirname(target), { recursive: true });
  const partial = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  try {
    await db.backup(partial);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
}

/** Where `npm run quiz -- backup` writes without --out: beside the daily ones, named by the second. */
export function manualBackupPath(dataDir: string, at: Date): string {
  return join(backupsDir(dataDir), `assistant-manual-${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z.sqlite`);
}

/** The most recently written backup in `dir`, daily or manual. */
export function newestBackup(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  let newest: { path: string; at: number } | undefined;
  for (const name of readdirSync(dir)) {
    if (!/^assistant-.*\.sqlite$/.test(name)) continue;
    const path = join(dir, name);
    const at = statSync(path).mtimeMs;
    if (!newest || at > newest.at) newest = { path, at };
  }
  return newest?.path;
}

/** Daily backups, newest first (full paths). */
export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => DAILY_NAME.test(name))
    .sort()
    .reverse()
    .map((name) => join(dir, name));
}

export interface DailyBackupOptions {
  db: Db;
  /** DATA_DIR/backups */
  dir: string;
  /** Injected so tests can pass days. */
  now?: () => Date;
  keep?: number;
}

export interface DailyBackups {
  /** Makes today's backup unless there is one, then deletes all but the newest `keep`; the new file, if any. */
  runIfDue(): Promise<string | undefined>;
}

export function createDailyBackups(options: DailyBackupOptions): DailyBackups {
  const now = options.now ?? (() => new Date());
  const keep = options.keep ?? DEFAULT_BACKUPS_KEPT;
  let running: Promise<string | undefined> | undefined;
  const run = async (): Promise<string | undefined> => {
    const day = now().toISOString().slice(0, 10);
    const target = join(options.dir, `assistant-${day}.sqlite`);
    let made: string | undefined;
    if (!existsSync(target)) {
      await backupDatabase(options.db, target);
      made = target;
    }
    for (const old of listBackups(options.dir).slice(keep)) rmSync(old, { force: true });
    return made;
  };
  return {
    runIfDue() {
      // One backup at a time, even if the timer fires while one is still being written.
      running ??= run().finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}

export class DatabaseIntegrityError extends Error {}

/**
 * Runs SQLite's integrity check on an existing database file (a missing one is fine: it will be
 * created). Throws DatabaseIntegrityError with one line naming the file and the newest backup.
 */
export function checkDatabaseIntegrity(file: string, backups: string): void {
  if (!existsSync(file)) return;
  let problem: string | undefined;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const first = rows[0]?.integrity_check;
    if (first !== 'ok') problem = `${first ?? 'no result'}${rows.length > 1 ? ` (and ${rows.length - 1} more)` : ''}`;
  } catch (error) {
    problem = (error as Error).message;
  } finally {
    db?.close();
  }
  if (problem === undefined) return;
  const newest = newestBackup(backups);
  throw new DatabaseIntegrityError(
    `Database ${file} failed its integrity check (${oneLine(problem)}); ` +
      (newest
        ? `newest backup: ${newest} (stop the assistant and copy it over ${file} to restore)`
        : `no backup in ${backups}`),
  );
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}
