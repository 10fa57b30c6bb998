// Quiz scores in the shared SQLite file (WAL). Every answer is written in its own transaction the
// moment it is judged, so a killed process loses at most the question in flight. Closing a question
// is a conditional UPDATE and a partial unique index allows one right answer per question, so even
// two processes sharing the file cannot both win — except for the daily question, where everyone
// who answers right within its window scores (daily = 1 attempts are outside that index).
import type { Db } from '../store/open-database.js';
import type { ReviewItem } from './review.js';
import type { QuizPerson, QuizPlace, QuizRole } from './types.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS quiz_question (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  conversation_name TEXT,
  clause_id TEXT NOT NULL,
  role TEXT NOT NULL,
  answer TEXT NOT NULL,
  asked_at INTEGER NOT NULL,
  closed_at INTEGER,
  winner_id TEXT
);
CREATE TABLE IF NOT EXISTS quiz_attempt (
  question_id INTEGER NOT NULL REFERENCES quiz_question(id),
  platform TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  person_name TEXT,
  correct INTEGER NOT NULL,
  points INTEGER NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (question_id, person_id)
);
CREATE INDEX IF NOT EXISTS quiz_attempt_by_place ON quiz_attempt(platform, conversation_id, person_id);
CREATE INDEX IF NOT EXISTS quiz_attempt_by_person ON quiz_attempt(platform, person_id, at);
CREATE TABLE IF NOT EXISTS quiz_review (
  platform TEXT NOT NULL,
  person_id TEXT NOT NULL,
  clause_id TEXT NOT NULL,
  box INTEGER NOT NULL,
  due_at INTEGER NOT NULL,
  PRIMARY KEY (platform, person_id, clause_id)
);
`;

/**
 * Columns added after the first release, for databases made before them: the unit a person chose
 * (the trainer report's 'wrong units chosen') and whether the attempt answers a daily question.
 */
const MIGRATIONS: Array<{ column: string; sql: string }> = [
  { column: 'chosen', sql: 'ALTER TABLE quiz_attempt ADD COLUMN chosen TEXT' },
  { column: 'daily', sql: 'ALTER TABLE quiz_attempt ADD COLUMN daily INTEGER NOT NULL DEFAULT 0' },
];

function migrate(db: Db): void {
  const have = new Set((db.prepare(`PRAGMA table_info(quiz_attempt)`).all() as Array<{ name: string }>).map((c) => c.name));
  db.transaction(() => {
    for (const m of MIGRATIONS) if (!have.has(m.column)) db.exec(m.sql);
    // One winner per round question; a daily question has as many as answer right.
    db.exec(`DROP INDEX IF EXISTS quiz_attempt_one_winner;
      CREATE UNIQUE INDEX IF NOT EXISTS quiz_attempt_one_round_winner ON quiz_attempt(question_id) WHERE correct = 1 AND daily = 0;`);
  })();
}

export interface ScoreRow {
  personId: string;
  personName: string | null;
  points: number;
  answered: number;
  correct: number;
  lastPlayed: number;
  /** When the person last scored: on equal points, who got there first ranks first. */
  reachedAt: number | null;
}

/**
 * A board's conversation: a group id also takes in the conversations inside it (Slack's
 * channel:thread_ts and channel:user belong to the channel), see PlatformTraits.groupOf.
 */
export type BoardPlace = { platform: string; conversationId: string };

export interface ExportRow extends ScoreRow {
  platform: string;
  conversationId: string;
  conversationName: string | null;
}

export interface AttemptInput {
  questionId: number;
  place: QuizPlace;
  person: QuizPerson;
  clauseId: string;
  correct: boolean;
  points: number;
  at: number;
  /** The person's review state for the clause after this answer (undefined: off the list). */
  review: ReviewItem | undefined;
  /** The unit the person answered with (an option, or a unit outside them). */
  chosen?: string;
  /** A daily question: a right answer scores but leaves the question open for the others. */
  daily?: boolean;
}

export type AttemptResult = 'recorded' | 'already-answered' | 'closed';

export interface QuizStore {
  openQuestion(place: QuizPlace, q: { clauseId: string; role: QuizRole; answer: string }, at: number): number;
  /** Records a judged answer; a right one also closes the question, atomically. */
  recordAttempt(input: AttemptInput): AttemptResult;
  /** Deletes a question nobody saw (its post failed); kept when anyone answered it. */
  discardQuestion(questionId: number): void;
  /** Who answered a question right, first first. */
  winners(questionId: number): Array<{ personId: string; personName: string | null }>;
  /** Closes without a winner (timeout, stop); false when it was already closed. */
  closeQuestion(questionId: number, at: number): boolean;
  /** The board of a conversation (or group), from `since` (ms, inclusive) when given: the week board. */
  leaderboard(place: BoardPlace, limit?: number, since?: number): ScoreRow[];
  score(place: BoardPlace, personId: string): ScoreRow | undefined;
  /** When the person answered right on the platform, from `since` (ms), newest first: for streaks. */
  correctTimes(platform: string, personId: string, since: number): number[];
  /** The person's totals over every conversation of the platform. */
  totalScore(platform: string, personId: string): ScoreRow | undefined;
  reviews(platform: string, personId: string): ReviewItem[];
  exportRows(): ExportRow[];
}

const SCORE_COLUMNS = `
  person_id AS personId,
  person_name AS personName,
  SUM(points) AS points,
  COUNT(*) AS answered,
  SUM(correct) AS correct,
  MAX(at) AS lastPlayed,
  MAX(CASE WHEN points > 0 THEN at END) AS reachedAt`;
// person_name is a bare column: SQLite takes it from the row of one of the MAX()es, the latest answer
// or the latest scoring one — a recent name either way.

/** The conversation itself, or one inside it (channel:…), without LIKE's wildcards in ids. */
const IN_PLACE = `(conversation_id = @conversation OR substr(conversation_id, 1, length(@conversation) + 1) = @conversation || ':')`;

export function createQuizStore(db: Db): QuizStore {
  db.exec(SCHEMA);
  migrate(db);
  const insertQuestion = db.prepare(
    `INSERT INTO quiz_question (platform, conversation_id, conversation_name, clause_id, role, answer, asked_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAttempt = db.prepare(
    `INSERT OR IGNORE INTO quiz_attempt (question_id, platform, conversation_id, person_id, person_name, correct, points, at, chosen, daily)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const isOpen = db.prepare(`SELECT closed_at IS NULL AS open FROM quiz_question WHERE id = ?`);
  const close = db.prepare(`UPDATE quiz_question SET closed_at = ?, winner_id = ? WHERE id = ? AND closed_at IS NULL`);
  const upsertReview = db.prepare(
    `INSERT INTO quiz_review (platform, person_id, clause_id, box, due_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (platform, person_id, clause_id) DO UPDATE SET box = excluded.box, due_at = excluded.due_at`,
  );
  const deleteReview = db.prepare(`DELETE FROM quiz_review WHERE platform = ? AND person_id = ? AND clause_id = ?`);
  const board = db.prepare(
    `SELECT ${SCORE_COLUMNS} FROM quiz_attempt WHERE platform = @platform AND ${IN_PLACE} AND at >= @since
     GROUP BY person_id ORDER BY points DESC, reachedAt ASC, correct DESC, person_id LIMIT @limit`,
  );
  const one = db.prepare(
    `SELECT ${SCORE_COLUMNS} FROM quiz_attempt WHERE platform = @platform AND ${IN_PLACE} AND person_id = @person GROUP BY person_id`,
  );
  const discard = db.prepare(`DELETE FROM quiz_question WHERE id = ? AND NOT EXISTS (SELECT 1 FROM quiz_attempt WHERE question_id = quiz_question.id)`);
  const winnerRows = db.prepare(`SELECT person_id AS personId, person_name AS personName FROM quiz_attempt WHERE question_id = ? AND correct = 1 ORDER BY at, rowid`);
  const correctAt = db.prepare(
    `SELECT at FROM quiz_attempt WHERE platform = ? AND person_id = ? AND correct = 1 AND at >= ? ORDER BY at DESC`,
  );
  const total = db.prepare(`SELECT ${SCORE_COLUMNS} FROM quiz_attempt WHERE platform = ? AND person_id = ? GROUP BY person_id`);
  const reviewRows = db.prepare(`SELECT clause_id AS clauseId, box, due_at AS dueAt FROM quiz_review WHERE platform = ? AND person_id = ?`);
  const exportQuery = db.prepare(
    `SELECT a.platform, a.conversation_id AS conversationId,
       (SELECT q.conversation_name FROM quiz_question q
         WHERE q.platform = a.platform AND q.conversation_id = a.conversation_id AND q.conversation_name IS NOT NULL
         ORDER BY q.id DESC LIMIT 1) AS conversationName,
       ${SCORE_COLUMNS}
     FROM quiz_attempt a GROUP BY a.platform, a.conversation_id, a.person_id
     ORDER BY a.platform, a.conversation_id, points DESC`,
  );

  // IMMEDIATE takes the write lock up front, so the open-check and the close cannot interleave
  // with another process's.
  const attempt = db.transaction((input: AttemptInput): AttemptResult => {
    const row = isOpen.get(input.questionId) as { open: number } | undefined;
    if (!row || row.open !== 1) return 'closed';
    const inserted = insertAttempt.run(
      input.questionId,
      input.place.platform,
      input.place.conversationId,
      input.person.id,
      input.person.name ?? null,
      input.correct ? 1 : 0,
      input.points,
      input.at,
      input.chosen ?? null,
      input.daily ? 1 : 0,
    );
    if (inserted.changes === 0) return 'already-answered';
    if (input.correct && !input.daily) close.run(input.at, input.person.id, input.questionId);
    if (input.review) {
      upsertReview.run(input.place.platform, input.person.id, input.clauseId, input.review.box, input.review.dueAt);
    } else {
      deleteReview.run(input.place.platform, input.person.id, input.clauseId);
    }
    return 'recorded';
  });

  return {
    openQuestion(place, q, at) {
      const r = insertQuestion.run(place.platform, place.conversationId, place.conversationName ?? null, q.clauseId, q.role, q.answer, at);
      return Number(r.lastInsertRowid);
    },
    recordAttempt: (input) => attempt.immediate(input),
    discardQuestion: (questionId) => void discard.run(questionId),
    winners: (questionId) => winnerRows.all(questionId) as Array<{ personId: string; personName: string | null }>,
    closeQuestion: (questionId, at) => close.run(at, null, questionId).changes === 1,
    leaderboard: (place, limit = 10, since = 0) =>
      board.all({ platform: place.platform, conversation: place.conversationId, since, limit }) as ScoreRow[],
    score: (place, personId) => one.get({ platform: place.platform, conversation: place.conversationId, person: personId }) as ScoreRow | undefined,
    correctTimes: (platform, personId, since) => (correctAt.all(platform, personId, since) as Array<{ at: number }>).map((r) => r.at),
    totalScore: (platform, personId) => total.get(platform, personId) as ScoreRow | undefined,
    reviews: (platform, personId) => reviewRows.all(platform, personId) as ReviewItem[],
    exportRows: () => exportQuery.all() as ExportRow[],
  };
}
