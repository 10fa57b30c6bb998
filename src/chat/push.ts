// The push path: sending into a conversation without an incoming message to reply to (a quiz
// question timing out, the daily question). Each adapter registers one sender for its platform when
// it starts, with what a scheduled post needs to know about the platform (its traits); a feature
// pushes by platform + conversation id, the same ids IncomingMessage carries.
//   console — prints to its output;  WeChat — finds the room (or contact) by id, paced like replies;
//   Slack   — chat.postMessage (into the thread when the id is channel:thread_ts, ephemeral when channel:user).
import type { Outgoing, Platform } from './types.js';

/** Sends messages into one conversation of the adapter's platform. */
export type PushSend = (conversationId: string, outgoing: readonly Outgoing[]) => Promise<void>;

export interface PushTarget {
  platform: string;
  conversationId: string;
}

/** What a platform declares about itself when it registers, for posts nobody asked for. */
export interface PlatformTraits {
  /**
   * In groups the platform delivers only messages that @ the bot (Slack channels without
   * message.channels, WeCom and DingTalk group bots): a daily question there says to @ it.
   */
  groupsNeedMention: boolean;
  /**
   * The group a conversation id belongs to — where a scheduled post goes and whose answers count
   * for it. Slack keys a mention by channel:thread_ts and /fanguai by channel:user; both are the channel.
   */
  groupOf(conversationId: string): string;
}

export const DEFAULT_TRAITS: PlatformTraits = { groupsNeedMention: false, groupOf: (id) => id };

export interface PushRegistry {
  /** Adapters call this once started; a second registration for a platform replaces the first. */
  register(platform: Platform, send: PushSend, traits?: Partial<PlatformTraits>): void;
  /** Resolves false (and sends nothing) when no adapter of that platform is running. */
  push(target: PushTarget, outgoing: readonly Outgoing[]): Promise<boolean>;
  /** The platform's declared traits (defaults when it declared none or is not running). */
  traits(platform: string): PlatformTraits;
}

export function createPushRegistry(): PushRegistry {
  const senders = new Map<string, PushSend>();
  const traits = new Map<string, PlatformTraits>();
  return {
    register(platform, send, declared) {
      senders.set(platform, send);
      traits.set(platform, { ...DEFAULT_TRAITS, ...declared });
    },
    async push(target, outgoing) {
      const send = senders.get(target.platform);
      if (!send) return false;
      await send(target.conversationId, outgoing);
      return true;
    },
    traits: (platform) => traits.get(platform) ?? DEFAULT_TRAITS,
  };
}
