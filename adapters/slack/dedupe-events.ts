// Slack redelivers an event (X-Slack-Retry-Num) when it thinks the ack was late; Socket Mode can
// redeliver after a reconnect. The same event_id must not be answered twice.
import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';

export function dedupeEvents(capacity = 1000): Middleware<AnyMiddlewareArgs> {
  const seen = new Set<string>();
  return async ({ body, next }) => {
    const id = (body as { event_id?: unknown }).event_id;
    if (typeof id === 'string') {
      if (seen.has(id)) return;
      seen.add(id);
      // A Set iterates in insertion order: drop the oldest.
      if (seen.size > capacity) seen.delete(seen.values().next().value as string);
    }
    await next();
  };
}
