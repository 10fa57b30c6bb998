// What each conversation remembers between messages, for every platform alike: bounded in size,
// forgotten after a few minutes, on an injected clock. In a group each member has their own (two
// people asking at once must not answer each other's 那配合的呢). The handler keeps the last answer
// here (follow-ups, 全文, digest numbers); any other per-conversation state can use one too.
import type { IncomingMessage } from './types.js';

export interface ConversationMemoryOptions {
  /** How long a conversation is remembered after its last answer (default 5 minutes). */
  ttlMs?: number;
  /** How many conversations at most; the least recently answered is forgotten first. */
  limit?: number;
  /** Milliseconds now (injected in tests). */
  now?: () => number;
}

export interface ConversationMemory<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  delete(key: string): void;
  /** Conversations remembered now (expired ones not counted). */
  size(): number;
}

export const DEFAULT_MEMORY_TTL_MS = 5 * 60_000;
export const DEFAULT_MEMORY_LIMIT = 2000;

/** platform:conversation, and :member in a group. */
export function conversationKey(msg: Pick<IncomingMessage, 'platform' | 'conversationId' | 'isGroup' | 'senderId'>): string {
  return `${msg.platform}:${msg.conversationId}${msg.isGroup ? `:${msg.senderId}` : ''}`;
}

export function createConversationMemory<T>(options: ConversationMemoryOptions = {}): ConversationMemory<T> {
  const ttl = options.ttlMs ?? DEFAULT_MEMORY_TTL_MS;
  const limit = Math.max(1, options.limit ?? DEFAULT_MEMORY_LIMIT);
  const now = options.now ?? Date.now;
  // Insertion order is recency order: set() moves a key to the end.
  const entries = new Map<string, { value: T; expires: number }>();

  const sweep = () => {
    const t = now();
    for (const [k, e] of entries) {
      if (e.expires > t) break; // later entries were set later, so expire later
      entries.delete(k);
    }
  };

  return {
    get(key) {
      const e = entries.get(key);
      if (!e) return undefined;
      if (e.expires <= now()) {
        entries.delete(key);
        return undefined;
      }
      return e.value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, { value, expires: now() + ttl });
      sweep();
      while (entries.size > limit) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    delete: (key) => void entries.delete(key),
    size() {
      sweep();
      return entries.size;
    },
  };
}
