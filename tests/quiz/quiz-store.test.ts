// Scores on disk: one winner per question even across two connections (two processes sharing the
// file), and every recorded answer still there after reopening.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQuizStore } from '../../src/quiz/quiz-store.js';
import { toCsv } from '../../src/quiz/export-csv.js';
import { databasePath, openDatabase, type Db } from '../../src/store/open-database.js';

let dir: string;
const opened: Db[] = [];
const open = () => {
  const db = openDatabase(databasePath(dir));
  opened.push(db);
  return db;
};
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quiz-store-'));
});
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  rmSync(dir, { recursive: true, force: true });
});

const place = { platform: 'wechat', conversationId: 'r1@chatroom', conversationName: '培训群', isGroup: true };
const attempt = (questionId: number, id: string, correct: boolean, at = 1000) => ({
  questionId,
  place,
  person: { id, name: id.toUpperCase() },
  clauseId: 'p2-1-1',
  correct,
  points: correct ? 10 : 0,
  at,
  review: undefined,
});

describe('quiz store', () => {
  it('lets only one of two connections win the same question', () => {
    const a = createQuizStore(open());
    const b = createQuizStore(open());
    const q = a.openQuestion(place, { clauseId: 'p2-1-1', role: '负责', answer: '省公安厅' }, 0);
    expect(a.recordAttempt(attempt(q, 'alice', true))).toBe('recorded');
    expect(b.recordAttempt(attempt(q, 'bob', true))).toBe('closed');
    expect(b.leaderboard(place).map((r) => [r.personId, r.points])).toEqual([['alice', 10]]);
  });

  it('keeps one answer per person per question and everything after reopening', () => {
    const a = createQuizStore(open());
    const q = a.openQuestion(place, { clauseId: 'p2-1-1', role: '负责', answer: '省公安厅' }, 0);
    expect(a.recordAttempt(attempt(q, 'bob', false))).toBe('recorded');
    expect(a.recordAttempt(attempt(q, 'bob', true))).toBe('already-answered');
    expect(a.recordAttempt(attempt(q, 'alice', true, 2000))).toBe('recorded');
    opened.shift()!.close();
    const again = createQuizStore(open());
    expect(again.leaderboard(place)).toEqual([
      { personId: 'alice', personName: 'ALICE', points: 10, answered: 1, correct: 1, lastPlayed: 2000, reachedAt: 2000 },
      { personId: 'bob', personName: 'BOB', points: 0, answered: 1, correct: 0, lastPlayed: 1000, reachedAt: null },
    ]);
    const csv = toCsv(again.exportRows());
    expect(csv.split('\r\n')[0]).toBe('\uFEFFplatform,group,group_id,person,person_id,points,answered,correct,last_played');
    expect(csv).toContain('wechat,培训群,r1@chatroom,ALICE,alice,10,1,1,1970-01-01T00:00:02.000Z');
  });
});
