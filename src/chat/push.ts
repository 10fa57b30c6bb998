// The push path: sending into a conversation without an incoming message to reply to (a quiz
// question timing out). Each adapter registers one sender for its platform when it starts; a
// feature pushes by platform + conversation id, the same ids IncomingMessage carries.
//   console — prints to its output;  WeChat — finds the room (or contact) by id, paced like replies;
//   Slack   — chat.postMessage (into the thread when the id is channel:thread_ts, ephemeral when channel:user).
import type { Outgoing, Platform } from './types.js';

/** Sends messages into one conversation of the adapter's platform. */
export type PushSend = (conversationId: string, outgoing: readonly Outgoing[]) => Promise<void>;

export interface PushTarget {
  platform: string;
  conversationId: string;
}

export interface PushRegistry {
  /** Adapters call this once started; a second registration for a platform replaces the first. */
  register(platform: Platform, send: PushSend): void;
  /** Resolves false (and sends nothing) when no adapter of that platform is running. */
  push(target: PushTarget, outgoing: readonly Outgoing[]): Promise<boolean>;
}

export function createPushRegistry(): PushRegistry {
  const senders = new Map<string, PushSend>();
  return {
    register(platform, send) {
      senders.set(platform, send);
    },
    async push(target, outgoing) {
      const send = senders.get(target.platform);
      if (!send) return false;
      await send(target.conversationId, outgoing);
      return true;
    },
  };
}
