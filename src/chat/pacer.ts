// A minimum interval between sends per conversation, so a burst of questions does not get a
// WeChat account restricted. Each conversation has its own bounded queue of replies; the parts of
// one split reply are one entry, sent back to back, so a burst never separates them. When the
// queue is full a reply is dropped and the conversation gets one short notice instead (one per
// burst, not one per dropped reply). Different conversations do not wait for each other.

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export type Send = () => Promise<unknown>;

export interface Pacer {
  /**
   * Queue one reply — all its parts, sent in order with nothing between them. Resolves 'sent', or
   * 'dropped' when the conversation's queue was full (then `notice`, if given, is queued once per
   * burst). Rejects if a part fails; the remaining parts of that reply are not sent.
   */
  send(conversationId: string, parts: readonly Send[], notice?: Send): Promise<'sent' | 'dropped'>;
  /** One single-part send, paced the same; rejects with QueueFullError when the queue is full. */
  schedule<T>(conversationId: string, send: () => Promise<T>): Promise<T>;
}

export interface PacerOptions {
  /** Replies waiting per conversation (besides the one being sent) before new ones are dropped. */
  maxQueuedReplies?: number;
}

export const DEFAULT_MAX_QUEUED_REPLIES = 10;

/** Conversations whose lanes are kept idle before a clean-up pass is worth it. */
const IDLE_LANES_SWEEP_AT = 500;

export class QueueFullError extends Error {
  constructor(conversationId: string) {
    super(`send queue of ${conversationId} is full`);
  }
}

interface Lane {
  lastSentAt: number;
  tail: Promise<unknown>;
  /** Replies queued or being sent. */
  pending: number;
  /** A notice is queued and not yet sent: further drops stay silent. */
  noticePending: boolean;
}

export function createPacer(minIntervalMs: number, clock: Clock = systemClock, options: PacerOptions = {}): Pacer {
  const maxQueued = options.maxQueuedReplies ?? DEFAULT_MAX_QUEUED_REPLIES;
  const lanes = new Map<string, Lane>();

  const laneOf = (conversationId: string): Lane => {
    let lane = lanes.get(conversationId);
    if (!lane) {
      if (lanes.size >= IDLE_LANES_SWEEP_AT) sweepIdle();
      lane = { lastSentAt: Number.NEGATIVE_INFINITY, tail: Promise.resolve(), pending: 0, noticePending: false };
      lanes.set(conversationId, lane);
    }
    return lane;
  };

  // A lane may go once nothing is queued and its interval has passed (a new one would not wait either).
  const sweepIdle = () => {
    const now = clock.now();
    for (const [id, lane] of lanes) {
      if (lane.pending === 0 && now - lane.lastSentAt >= minIntervalMs) lanes.delete(id);
    }
  };

  const enqueue = (lane: Lane, parts: readonly Send[], onDone?: () => void): Promise<void> => {
    lane.pending += 1;
    const run = async () => {
      try {
        for (const part of parts) {
          const wait = lane.lastSentAt + minIntervalMs - clock.now();
          if (wait > 0) await clock.sleep(wait);
          try {
            await part();
          } finally {
            lane.lastSentAt = clock.now();
          }
        }
      } finally {
        lane.pending -= 1;
        onDone?.();
      }
    };
    // A failed send must not block the lane, so the tail swallows errors (the caller still sees them).
    const result = lane.tail.then(run, run);
    lane.tail = result.catch(() => undefined);
    return result;
  };

  const pacer: Pacer = {
    async send(conversationId, parts, notice) {
      const lane = laneOf(conversationId);
      // `pending` counts the reply being sent too: up to maxQueued wait behind it.
      if (lane.pending > maxQueued) {
        if (notice && !lane.noticePending) {
          lane.noticePending = true;
          // The notice itself is never dropped, and failing to send it is nobody's error to see.
          enqueue(lane, [notice], () => (lane.noticePending = false)).catch(() => undefined);
        }
        return 'dropped';
      }
      await enqueue(lane, parts);
      return 'sent';
    },
    async schedule<T>(conversationId: string, send: () => Promise<T>): Promise<T> {
      let value: T | undefined;
      const outcome = await pacer.send(conversationId, [
        async () => {
          value = await send();
        },
      ]);
      if (outcome === 'dropped') throw new QueueFullError(conversationId);
      return value as T;
    },
  };
  return pacer;
}
