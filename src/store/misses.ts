// What administrators should look at next: questions the bot could not answer, and answers people
// said were wrong (「不对」, the Slack button). Only messages addressed to the bot are recorded;
// who asked is not kept, only where (platform, conversation).
import type { Db } from './open-database.js';

export type MissKind = 'unanswered' | 'flagged';

export interface MissEvent {
  kind: MissKind;
  platform: string;
  conversation: string;
  question: string;
  /** Clause ids the bot answered with (flags); empty for an unanswered question. */
  answerIds: string[];
  /** What the person wrote when flagging (「答错了，应该是公安」), if more than the flag word. */
  remark?: string;
  /** Knowledge version that answered. */
  version?: string;
}

export interface MissSummary {
  kind: MissKind;
  question: string;
  count: number;
  firstAt: string;
  lastAt: string;
  platforms: string[];
  answerIds: string[];
  remarks: string[];
}

export interface MissStore {
  record(event: MissEvent): void;
  /** Grouped by kind and question, most frequent first; `since` is inclusive. */
  summary(options?: { since?: Date; kind?: MissKind }): MissSummary[];
  /** Deletes what was recorded more than `retentionDays` days ago; returns how many rows went. */
  prune(retentionDays: number): number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS misses (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('unanswered', 'flagged')),
  platform TEXT NOT NULL,
  conversation TEXT NOT NULL,
  question TEXT NOT NULL,
  -- The same question typed with other spacing or punctuation counts as the same.
  question_key TEXT NOT NULL,
  answer_ids TEXT NOT NULL DEFAULT '',
  remark TEXT,
  version TEXT
);
CREATE INDEX IF NOT EXISTS misses_at ON misses (at);
`;

export function createMissStore(db: Db, clock: () => Date = () => new Date()): MissStore {
  db.exec(SCHEMA);
  const insert = db.prepare(
    `INSERT INTO misses (at, kind, platform, conversation, question, question_key, answer_ids, remark, version)
     VALUES (@at, @kind, @platform, @conversation, @question, @key, @answerIds, @remark, @version)`,
  );
  const select = db.prepare(
    `SELECT kind, question, question_key AS key, at, platform, answer_ids AS answerIds, remark
     FROM misses WHERE at >= @since AND (@kind IS NULL OR kind = @kind) ORDER BY at`,
  );

  const deleteBefore = db.prepare('DELETE FROM misses WHERE at < ?');

  return {
    prune(retentionDays) {
      return deleteBefore.run(new Date(clock().getTime() - retentionDays * DAY_MS).toISOString()).changes;
    },
    record(e) {
      insert.run({
        at: clock().toISOString(),
        kind: e.kind,
        platform: e.platform,
        conversation: e.conversation,
        question: e.question,
        key: questionKey(e.question),
        answerIds: e.answerIds.join(','),
        remark: e.remark ?? null,
        version: e.version ?? null,
      });
    },
    summary(options = {}) {
      const rows = select.all({ since: (options.since ?? new Date(0)).toISOString(), kind: options.kind ?? null }) as Array<{
        kind: MissKind;
        question: string;
        key: string;
        at: string;
        platform: string;
        answerIds: string;
        remark: string | null;
      }>;
      const groups = new Map<string, MissSummary>();
      for (const r of rows) {
        const id = `${r.kind}|${r.key}`;
        const g = groups.get(id) ?? { kind: r.kind, question: r.question, count: 0, firstAt: r.at, lastAt: r.at, platforms: [], answerIds: [], remarks: [] };
        g.count += 1;
        g.lastAt = r.at;
        if (!g.platforms.includes(r.platform)) g.platforms.push(r.platform);
        for (const a of r.answerIds.split(',').filter(Boolean)) if (!g.answerIds.includes(a)) g.answerIds.push(a);
        if (r.remark && !g.remarks.includes(r.remark)) g.remarks.push(r.remark);
        groups.set(id, g);
      }
      return [...groups.values()].sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt));
    },
  };
}

/** Spacing, punctuation and letter case do not make a different question. */
function questionKey(question: string): string {
  return question.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}
