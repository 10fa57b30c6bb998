// A minimum interval between sends per conversation, so a burst of questions does not get a
// WeChat account restricted. Sends to one conversation are queued in order; different
// conversations do not wait for each other.

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface Pacer {
  /** Run `send` once the conversation's interval has passed since its previous send. */
  schedule<T>(conversationId: string, send: () => Promise<T>): Promise<T>;
}

interface Lane {
  lastSentAt: number;
  tail: Promise<unknown>;
  pending: number;
}

export function createPacer(minIntervalMs: number, clock: Clock = systemClock): Pacer {
  const lanes = new Map<string, Lane>();
  return {
    schedule<T>(conversationId: string, send: () => Promise<T>): Promise<T> {
      let lane = lanes.get(conversationId);
      if (!lane) {
        lane = { lastSentAt: Number.NEGATIVE_INFINITY, tail: Promise.resolve(), pending: 0 };
        lanes.set(conversationId, lane);
      }
      const own = lane;
      own.pending += 1;
      const run = async (): Promise<T> => {
        const wait = own.lastSentAt + minIntervalMs - clock.now();
        if (wait > 0) await clock.sleep(wait);
        try {
          return await send();
        } finally {
          own.lastSentAt = clock.now();
          own.pending -= 1;
          // Forget idle lanes only once the interval has passed, or a quick next send would skip it.
          if (own.pending === 0 && minIntervalMs <= 0) lanes.delete(conversationId);
        }
      };
      // A failed send must not block the lane, so the tail swallows errors (the caller still sees them).
      const result = own.tail.then(run, run);
      own.tail = result.catch(() => undefined);
      return result;
    },
  };
}
