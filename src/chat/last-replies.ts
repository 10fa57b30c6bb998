// Each conversation's last reply, in one place: 全文 shows the last clause answered, 「不对」 flags the
// last answer. Keyed by platform and conversation id, bounded (least recently used forgotten first).
import type { Reply } from '../core/types.js';
import { createConversationMemory } from './conversation-memory.js';
import type { IncomingMessage } from './types.js';

export interface LastReply {
  /** The last answer given here (refusals too, so 「不对」 can flag them). */
  reply?: Reply;
  /** The clause 全文 shows: the last answer's top clause, or the last clause shown in full. */
  clauseId?: string;
}

type Where = Pick<IncomingMessage, 'platform' | 'conversationId'>;

export interface LastReplies {
  get(where: Where): LastReply;
  /** An answer was given: remember it, and its top clause when it has one. */
  answered(where: Where, reply: Reply): void;
  /** A clause was shown in full. */
  showed(where: Where, clauseId: string): void;
  /** The last answer was dealt with (flagged once): a second 「不对」 finds nothing. */
  forgetReply(where: Where): void;
}

/** How many conversations are remembered. */
export const LAST_REPLIES_LIMIT = 2000;

export function createLastReplies(limit = LAST_REPLIES_LIMIT): LastReplies {
  // The same bounded store as follow-up threads (src/chat/conversation-memory.ts), without expiry.
  const entries = createConversationMemory<LastReply>({ limit, ttlMs: Number.POSITIVE_INFINITY });
  const key = (w: Where) => `${w.platform}\u0000${w.conversationId}`;
  const put = (w: Where, entry: LastReply) => entries.set(key(w), entry);
  return {
    get: (w) => entries.get(key(w)) ?? {},
    answered(w, reply) {
      const previous = entries.get(key(w));
      const top = reply.answers[0]?.id ?? previous?.clauseId;
      put(w, { reply, ...(top ? { clauseId: top } : {}) });
    },
    showed(w, clauseId) {
      put(w, { ...entries.get(key(w)), clauseId });
    },
    forgetReply(w) {
      const previous = entries.get(key(w));
      if (previous?.reply) put(w, { ...(previous.clauseId ? { clauseId: previous.clauseId } : {}) });
    },
  };
}
