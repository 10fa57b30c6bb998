// 每日一题 in the shared SQLite file: which conversations have one and at what time, and one row per
// conversation per day once that day's question is claimed. The claim is an INSERT OR IGNORE on the
// (platform, conversation, day) key, so two starts, two processes or a restart can never post a
// day's question twice.
import type { Db } from '../store/open-database.js';
import type { Question } from './types.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS quiz_daily (
  platform TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  conversation_name TEXT,
  is_group INTEGER NOT NULL,
  -- The group's messages said the platform delivers only @-messages (WeCom, DingTalk).
  mentions_only INTEGER NOT NULL DEFAULT 0,
  -- HH:MM in QUIZ_TIME_ZONE.
  time TEXT NOT NULL,
  -- The section or unit as typed ('' for every clause).
  scope TEXT NOT NULL DEFAULT '',
  -- Occurrences before this (ms) are not missed ones: switching on at 10:00 for 09:30 starts tomorrow.
  active_from INTEGER NOT NULL,
  set_by TEXT,
  last_error TEXT,
  last_error_at INTEGER,
  PRIMARY KEY (platform, conversation_id)
);
CREATE TABLE IF NOT EXISTS quiz_daily_post (
  platform TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  day TEXT NOT NULL,
  posted_at INTEGER NOT NULL,
  question_id INTEGER,
  -- The question as posted (JSON), so it can still be answered and revealed after a restart.
  question TEXT,
  closes_at INTEGER,
  revealed_at INTEGER,
  PRIMARY KEY (platform, conversation_id, day)
);
CREATE TABLE IF NOT EXISTS quiz_daily_failure (
  platform TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  day TEXT NOT NULL,
  tries INTEGER NOT NULL,
  last_at INTEGER NOT NULL,
  PRIMARY KEY (platform, conversation_id, day)
);
`;

export interface DailySchedule {
  platform: string;
  conversationId: string;
  conversationName: string | null;
  isGroup: boolean;
  mentionsOnly: boolean;
  time: string;
  scope: string;
  activeFrom: number;
  lastError: string | null;
  lastErrorAt: number | null;
}

export interface DailyPost {
  platform: string;
  conversationId: string;
  day: string;
  postedAt: number;
  questionId: number | null;
  question: Question | null;
  closesAt: number | null;
  revealedAt: number | null;
}

export interface DailyStore {
  upsert(s: Omit<DailySchedule, 'lastError' | 'lastErrorAt'> & { setBy: string }): void;
  remove(platform: string, conversationId: string): boolean;
  get(platform: string, conversationId: string): DailySchedule | undefined;
  all(): DailySchedule[];
  /** Takes the day for this conversation; false when it was already taken (posted or being posted). */
  claim(platform: string, conversationId: string, day: string, at: number): boolean;
  /** Gives the day back after a failed send, so a later try may post it. */
  unclaim(platform: string, conversationId: string, day: string): void;
  attach(platform: string, conversationId: string, day: string, questionId: number, question: Question, closesAt: number): void;
  /** Marks the day's answer revealed; false when another instance on the same file already did. */
  markRevealed(platform: string, conversationId: string, day: string, at: number): boolean;
  post(platform: string, conversationId: string, day: string): DailyPost | undefined;
  /** Posted questions not yet revealed. */
  unrevealed(): DailyPost[];
  /** Clause ids of the conversation's latest posts, newest first. */
  recentClauses(platform: string, conversationId: string, limit: number): string[];
  /** Records a failed send (the schedule stays); returns how many tries failed that day. */
  fail(platform: string, conversationId: string, day: string, error: string, at: number): number;
  failures(platform: string, conversationId: string, day: string): { tries: number; lastAt: number } | undefined;
}

const SCHEDULE_COLUMNS = `platform, conversation_id AS conversationId, conversation_name AS conversationName,
  is_group AS isGroup, mentions_only AS mentionsOnly, time, scope, active_from AS activeFrom, last_error AS lastError, last_error_at AS lastErrorAt`;
const POST_COLUMNS = `platform, conversation_id AS conversationId, day, posted_at AS postedAt, question_id AS questionId,
  question, closes_at AS closesAt, revealed_at AS revealedAt`;

type PostRow = Omit<DailyPost, 'question'> & { question: string | null };

export function createDailyStore(db: Db): DailyStore {
  db.exec(SCHEMA);
  const upsert = db.prepare(
    `INSERT INTO quiz_daily (platform, conversation_id, conversation_name, is_group, mentions_only, time, scope, active_from, set_by)
     VALUES (@platform, @conversationId, @conversationName, @isGroup, @mentionsOnly, @time, @scope, @activeFrom, @setBy)
     ON CONFLICT (platform, conversation_id) DO UPDATE SET conversation_name = excluded.conversation_name,
       is_group = excluded.is_group, mentions_only = excluded.mentions_only, time = excluded.time, scope = excluded.scope, active_from = excluded.active_from,
       set_by = excluded.set_by, last_error = NULL, last_error_at = NULL`,
  );
  const remove = db.prepare(`DELETE FROM quiz_daily WHERE platform = ? AND conversation_id = ?`);
  const getOne = db.prepare(`SELECT ${SCHEDULE_COLUMNS} FROM quiz_daily WHERE platform = ? AND conversation_id = ?`);
  const getAll = db.prepare(`SELECT ${SCHEDULE_COLUMNS} FROM quiz_daily ORDER BY platform, conversation_id`);
  const claim = db.prepare(`INSERT OR IGNORE INTO quiz_daily_post (platform, conversation_id, day, posted_at) VALUES (?, ?, ?, ?)`);
  const unclaim = db.prepare(`DELETE FROM quiz_daily_post WHERE platform = ? AND conversation_id = ? AND day = ? AND revealed_at IS NULL`);
  const attach = db.prepare(
    `UPDATE quiz_daily_post SET question_id = ?, question = ?, closes_at = ? WHERE platform = ? AND conversation_id = ? AND day = ?`,
  );
  const reveal = db.prepare(`UPDATE quiz_daily_post SET revealed_at = ? WHERE platform = ? AND conversation_id = ? AND day = ? AND revealed_at IS NULL`);
  const onePost = db.prepare(`SELECT ${POST_COLUMNS} FROM quiz_daily_post WHERE platform = ? AND conversation_id = ? AND day = ?`);
  const open = db.prepare(`SELECT ${POST_COLUMNS} FROM quiz_daily_post WHERE revealed_at IS NULL AND question_id IS NOT NULL`);
  const recent = db.prepare(
    `SELECT question FROM quiz_daily_post WHERE platform = ? AND conversation_id = ? AND question IS NOT NULL ORDER BY day DESC LIMIT ?`,
  );
  const failUpsert = db.prepare(
    `INSERT INTO quiz_daily_failure (platform, conversation_id, day, tries, last_at) VALUES (?, ?, ?, 1, ?)
     ON CONFLICT (platform, conversation_id, day) DO UPDATE SET tries = tries + 1, last_at = excluded.last_at`,
  );
  const failGet = db.prepare(`SELECT tries, last_at AS lastAt FROM quiz_daily_failure WHERE platform = ? AND conversation_id = ? AND day = ?`);
  const failNote = db.prepare(`UPDATE quiz_daily SET last_error = ?, last_error_at = ? WHERE platform = ? AND conversation_id = ?`);

  const schedule = (row: unknown): DailySchedule | undefined =>
    row
      ? { ...(row as DailySchedule), isGroup: Boolean((row as { isGroup: number }).isGroup), mentionsOnly: Boolean((row as { mentionsOnly: number }).mentionsOnly) }
      : undefined;
  const post = (row: PostRow | undefined): DailyPost | undefined =>
    row ? { ...row, question: row.question ? (JSON.parse(row.question) as Question) : null } : undefined;

  const fail = db.transaction((platform: string, conversationId: string, day: string, error: string, at: number): number => {
    failUpsert.run(platform, conversationId, day, at);
    failNote.run(error, at, platform, conversationId);
    return (failGet.get(platform, conversationId, day) as { tries: number }).tries;
  });

  return {
    upsert: (s) => void upsert.run({ ...s, isGroup: s.isGroup ? 1 : 0, mentionsOnly: s.mentionsOnly ? 1 : 0 }),
    remove: (platform, conversationId) => remove.run(platform, conversationId).changes > 0,
    get: (platform, conversationId) => schedule(getOne.get(platform, conversationId)),
    all: () => getAll.all().map((r) => schedule(r) as DailySchedule),
    claim: (platform, conversationId, day, at) => claim.run(platform, conversationId, day, at).changes === 1,
    unclaim: (platform, conversationId, day) => void unclaim.run(platform, conversationId, day),
    attach: (platform, conversationId, day, questionId, question, closesAt) =>
      void attach.run(questionId, JSON.stringify(question), closesAt, platform, conversationId, day),
    markRevealed: (platform, conversationId, day, at) => reveal.run(at, platform, conversationId, day).changes === 1,
    post: (platform, conversationId, day) => post(onePost.get(platform, conversationId, day) as PostRow | undefined),
    unrevealed: () => (open.all() as PostRow[]).map((r) => post(r) as DailyPost),
    recentClauses: (platform, conversationId, limit) =>
      (recent.all(platform, conversationId, limit) as Array<{ question: string }>).map((r) => (JSON.parse(r.question) as Question).clauseId),
    fail: (platform, conversationId, day, error, at) => fail(platform, conversationId, day, error, at),
    failures: (platform, conversationId, day) => failGet.get(platform, conversationId, day) as { tries: number; lastAt: number } | undefined,
  };
}
