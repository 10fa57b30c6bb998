// Backups of the SQLite file: a daily one in DATA_DIR/backups/ (seven kept, the clock injected), and
// `npm run quiz -- backup [--out file]` on demand, made with SQLite's online backup while another
// connection keeps writing.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/knowledge/paths.js';
import { backupsDir, createDailyBackups } from '../../src/store/backup.js';
import { createMissStore } from '../../src/store/misses.js';
import { databasePath, openDatabase, type Db } from '../../src/store/open-database.js';
import { cleanEnv, runProcess } from '../support/run-process.js';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fanguai-backup-'));
  db = openDatabase(databasePath(dir));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const questionsIn = (file: string): string[] => {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return copy.prepare('SELECT question FROM misses ORDER BY id').pluck().all() as string[];
  } finally {
    copy.close();
  }
};

describe('daily backups', () => {
  it('makes one a day in DATA_DIR/backups, each a whole copy of that day, and keeps the newest seven', async () => {
    let now = new Date('2026-11-01T09:00:00Z');
    const misses = createMissStore(db, () => now);
    const backups = createDailyBackups({ db, dir: backupsDir(dir), now: () => now });
    for (let day = 1; day <= 9; day++) {
      misses.record({ kind: 'unanswered', platform: 'wechat', conversation: 'room', question: `第${day}天的问题`, answerIds: [] });
      expect(await backups.runIfDue()).toBe(join(dir, 'backups', `assistant-2026-11-0${day}.sqlite`));
      // The same day again: nothing new.
      now = new Date(now.getTime() + 3 * 60 * 60 * 1000);
      expect(await backups.runIfDue()).toBeUndefined();
      now = new Date(now.getTime() + 21 * 60 * 60 * 1000);
    }
    const kept = readdirSync(join(dir, 'backups')).sort();
    expect(kept).toEqual([3, 4, 5, 6, 7, 8, 9].map((d) => `assistant-2026-11-0${d}.sqlite`));
    expect(questionsIn(join(dir, 'backups', 'assistant-2026-11-05.sqlite'))).toEqual([1, 2, 3, 4, 5].map((d) => `第${d}天的问题`));
  });
});

const npmQuiz = (args: string[]) => runProcess('npm', ['run', '-s', 'quiz', '--', ...args], { cwd: projectRoot(), env: cleanEnv({ DATA_DIR: dir }) });

describe('npm run quiz -- backup', () => {
  it('copies the live database, writes still in its WAL included, to --out', async () => {
    const misses = createMissStore(db);
    for (let i = 0; i < 50; i++) misses.record({ kind: 'unanswered', platform: 'slack', conversation: 'C1', question: `问题${i}`, answerIds: [] });
    const out = join(dir, 'copy.sqlite');
    const run = await npmQuiz(['backup', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`to ${out}`);
    expect(questionsIn(out)).toHaveLength(50);
    // The assistant's connection goes on writing; the copy is a separate file.
    misses.record({ kind: 'unanswered', platform: 'slack', conversation: 'C1', question: '之后', answerIds: [] });
    expect(questionsIn(out)).toHaveLength(50);
  });

  it('without --out writes into DATA_DIR/backups, and refuses a missing database without creating one', async () => {
    createMissStore(db).record({ kind: 'flagged', platform: 'wechat', conversation: 'r', question: '不对', answerIds: ['p1'] });
    const run = await npmQuiz(['backup']);
    expect(run.code).toBe(0);
    const [made] = readdirSync(join(dir, 'backups'));
    expect(made).toMatch(/^assistant-manual-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.sqlite$/);
    expect(questionsIn(join(dir, 'backups', made!))).toEqual(['不对']);

    const empty = mkdtempSync(join(tmpdir(), 'fanguai-nodb-'));
    try {
      const none = await npmQuiz(['backup', '--data-dir', empty]);
      expect(none.code).toBe(1);
      expect(none.stderr).toContain('does not exist');
      expect(existsSync(databasePath(empty))).toBe(false);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
