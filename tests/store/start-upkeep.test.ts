// What the real `npm start` process does with its database at start-up: a damaged file stops it with
// one line naming the file and the newest backup; a sound one gets the day's backup, and misses past
// MISSES_RETENTION_DAYS (default 180) are deleted.
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, utimesSync, writeSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/knowledge/paths.js';
import { createMissStore } from '../../src/store/misses.js';
import { databasePath, openDatabase } from '../../src/store/open-database.js';
import { cleanEnv, runProcess } from '../support/run-process.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fanguai-startdb-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The console (what `npm start` runs without chat settings), asked one question on a pipe. */
const start = (extra: Record<string, string> = {}) =>
  runProcess(process.execPath, [join(projectRoot(), 'dist/src/cli/start.js')], {
    cwd: dir,
    env: cleanEnv({ DATA_DIR: dir, LOG_LEVEL: 'info', ...extra }),
    input: '谁负责婚姻登记相关反拐措施\n',
  });

/** A database with enough misses to span many pages. */
function seed(at: (i: number) => Date = () => new Date()): void {
  const db = openDatabase(databasePath(dir));
  let i = 0;
  const misses = createMissStore(db, () => at(i));
  for (; i < 400; i++) misses.record({ kind: 'unanswered', platform: 'wechat', conversation: 'room', question: `第${i}个没答上的问题${'，很长'.repeat(20)}`, answerIds: [] });
  db.close();
}

describe('npm start and its database', () => {
  it('stops with one line naming the damaged file and the newest backup', async () => {
    seed();
    mkdirSync(join(dir, 'backups'));
    const older = join(dir, 'backups', 'assistant-2026-11-28.sqlite');
    const newest = join(dir, 'backups', 'assistant-2026-11-29.sqlite');
    copyFileSync(databasePath(dir), older);
    copyFileSync(databasePath(dir), newest);
    utimesSync(older, new Date('2026-11-28T09:00:00Z'), new Date('2026-11-28T09:00:00Z'));
    utimesSync(newest, new Date('2026-11-29T09:00:00Z'), new Date('2026-11-29T09:00:00Z'));
    // A careless copy or a failing disk: garbage over a few pages in the middle of the file.
    const size = statSync(databasePath(dir)).size;
    const fd = openSync(databasePath(dir), 'r+');
    writeSync(fd, Buffer.alloc(3 * 4096, 0x5a), 0, 3 * 4096, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);

    const run = await start();
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Database ${databasePath(dir)} failed its integrity check`);
    expect(lines[0]).toContain(`newest backup: ${newest}`);
    expect(run.stdout).toBe('');
  });

  it('names the file when it is not a database at all, and says there is no backup', async () => {
    const fd = openSync(databasePath(dir), 'w');
    writeSync(fd, 'quiz scores, probably\n'.repeat(500));
    closeSync(fd);
    const run = await start();
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^Database ${databasePath(dir)} failed its integrity check .*no backup in ${join(dir, 'backups')}`))]);
  });

  it('makes the day’s backup and deletes misses past the retention', async () => {
    const now = Date.now();
    const day = 24 * 60 * 60 * 1000;
    // Half recorded 200 days ago, half 10 days ago.
    seed((i) => new Date(now - (i < 200 ? 200 : 10) * day));
    const run = await start();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('省民政厅');
    expect(run.stderr).toContain('deleted 200 misses older than 180 days');
    const db = new Database(databasePath(dir), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) FROM misses').pluck().get()).toBe(200);
    db.close();
    expect(readdirSync(join(dir, 'backups'))).toEqual([`assistant-${new Date().toISOString().slice(0, 10)}.sqlite`]);

    // A shorter retention from the environment.
    const shorter = await start({ MISSES_RETENTION_DAYS: '7' });
    expect(shorter.code).toBe(0);
    expect(shorter.stderr).toContain('deleted 200 misses older than 7 days');
  });

  it('refuses a malformed MISSES_RETENTION_DAYS with one line naming it', async () => {
    const run = await start({ MISSES_RETENTION_DAYS: 'half a year' });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining('MISSES_RETENTION_DAYS')]);
  });
});
