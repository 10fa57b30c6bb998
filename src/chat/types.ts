// Platform-neutral message shapes. Every adapter (console, WeChat, Slack, WeCom, DingTalk) turns its
// events into an IncomingMessage and turns Outgoing back into platform messages; nothing here knows
// a platform.
import type { FollowUpAssistant, RoleWords } from '../core/follow-up.js';
import type { Answer, Reply } from '../core/types.js';

/** A platform's name as the adapter registry lists it (adapters/index.ts: PLATFORMS), e.g. 'wechat'. */
export type Platform = string;

export interface IncomingMessage {
  platform: Platform;
  /** Room / channel / DM id: pacing, per-conversation memory and quiz state key on it. */
  conversationId: string;
  /** Room topic or channel name, for the group allowlist. */
  conversationName?: string;
  isGroup: boolean;
  senderId: string;
  senderName?: string;
  /** Raw text as the platform delivered it (mention tokens still in it). */
  text: string;
  /** The platform says the bot was @-mentioned (wechaty mentionSelf(), Slack app_mention). */
  mentioned: boolean;
  /** Sent by the bot itself: never answered. */
  fromSelf: boolean;
  /** Exact tokens that mention the bot in `text` ('@助手' on WeChat, '<@U123>' on Slack), stripped before asking. */
  mentionTokens?: string[];
  /** Set by adapters whose user is an administrator by construction (the console). */
  admin?: boolean;
  /**
   * The platform delivers only the group messages that @ the bot (WeCom, DingTalk): prompts that
   * invite a reply (quiz questions) say to @ it.
   */
  mentionsOnly?: boolean;
}

/** One message to send back into the conversation the incoming message came from. */
export interface Outgoing {
  /** Plain text for people; adapters split it under their platform's limit. */
  text: string;
  /** The structured reply it was rendered from, for adapters with rich layouts (Slack Block Kit). */
  reply?: Reply;
  /** A clause shown in full (the /full command), for rich layouts. */
  clause?: Answer;
  /** What produced it, e.g. 'answer', 'help', 'full', 'error', 'rejected', or a hooked command's name. */
  kind: string;
}

/**
 * The part of the core Assistant the chat layer uses (src/core/assistant.ts implements it): asking,
 * clauses by id, and what follow-ups need (src/core/follow-up.ts).
 */
export interface ChatAssistant extends FollowUpAssistant {
  /** For 那配合的呢: the words that name each role (knowledge/vocabulary.yaml). */
  roleWords?(): RoleWords;
}
