// Slack redelivers an event (X-Slack-Retry-Num) when it thinks the ack was late; Socket Mode can
// redeliver after a reconnect. The same event_id must not be answered twice, even across a restart
// (start.ts gives the app the SQLite-backed ids from src/store/seen-events.ts).
import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import { createSeenIds, type SeenIds } from '../../src/chat/seen-ids.js';

export function dedupeEvents(seen: SeenIds = createSeenIds(1000)): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const id = (body as { event_id?: unknown }).event_id;
    if (typeof id === 'string' && !seen.firstTime(id)) return;
    await next();
  };
}
