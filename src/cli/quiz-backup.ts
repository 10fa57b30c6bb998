// `npm run quiz -- backup [--out file] [--data-dir DIR]`: a consistent copy of DATA_DIR/assistant.sqlite
// made with SQLite's online backup, safe while the assistant is running.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { backupDatabase, manualBackupPath } from '../store/backup.js';
import { databasePath } from '../store/open-database.js';

type Out = { write(s: string): unknown };

export async function runBackup(flags: Map<string, string>, env: NodeJS.ProcessEnv, err: Out): Promise<number> {
  const dataDir = resolve(flags.get('data-dir') ?? env.DATA_DIR ?? 'data');
  const file = databasePath(dataDir);
  if (!existsSync(file)) {
    err.write(`nothing to back up: ${file} does not exist (is DATA_DIR right?)\n`);
    return 1;
  }
  const out = resolve(flags.get('out') ?? manualBackupPath(dataDir, new Date()));
  if (out === resolve(file)) {
    err.write(`--out must not be the database itself (${file})\n`);
    return 2;
  }
  // Read-only: a backup never changes (or creates) the database it copies.
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await backupDatabase(db, out);
  } catch (error) {
    err.write(`backup of ${file} failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    db.close();
  }
  const copy = new Database(out, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      err.write(`the backup ${out} fails SQLite's check (${String(check)}): the database itself may be damaged\n`);
      return 1;
    }
  } finally {
    copy.close();
  }
  err.write(`backed up ${file} to ${out}\n`);
  return 0;
}
