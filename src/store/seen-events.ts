// Platforms redeliver an event when they think the ack was late (Slack's event_id), and a
// redelivery can arrive after a restart. Ids seen in the last hour are kept in the SQLite file under
// DATA_DIR, so a redelivery is never answered twice, whether or not the process restarted between.
// The same SeenIds as the in-memory set (src/chat/seen-ids.ts), one namespace per platform.
import type { SeenIds } from '../chat/seen-ids.js';
import type { Db } from './open-database.js';

export interface SeenEventsOptions {
  /** Keeps each platform's ids apart: `slack`, `wecom` … */
  namespace: string;
  /** How long an id is remembered; platforms retry within minutes. Default one hour. */
  retentionMs?: number;
  /** Milliseconds since the epoch. */
  now?: () => number;
}

export const SEEN_EVENTS_RETENTION_MS = 60 * 60 * 1000;

/** How often (at most) old ids are deleted. */
const PRUNE_EVERY_MS = 60 * 1000;

export function createSeenEventStore(db: Db, options: SeenEventsOptions): SeenIds {
  const retention = options.retentionMs ?? SEEN_EVENTS_RETENTION_MS;
  const now = options.now ?? Date.now;
  db.exec('CREATE TABLE IF NOT EXISTS seen_events (id TEXT PRIMARY KEY, at INTEGER NOT NULL) WITHOUT ROWID');
  db.exec('CREATE INDEX IF NOT EXISTS seen_events_at ON seen_events (at)');
  const insert = db.prepare('INSERT OR IGNORE INTO seen_events (id, at) VALUES (?, ?)');
  const prune = db.prepare('DELETE FROM seen_events WHERE at < ?');
  let prunedAt = Number.NEGATIVE_INFINITY;
  return {
    firstTime(id) {
      const t = now();
      // Pruning before the insert means an id older than the retention counts as new again.
      if (t - prunedAt >= PRUNE_EVERY_MS) {
        prune.run(t - retention);
        prunedAt = t;
      }
      return insert.run(`${options.namespace}:${id}`, t).changes === 1;
    },
  };
}
