// The seam every chat platform plugs into. A platform is one folder under adapters/ with a light
// definition (its environment variables as a zod fragment, how they become its settings) and a
// lazily imported factory of a ChatAdapter; adapters/index.ts lists the definitions. start.ts runs
// whichever are configured, side by side, each with the same shared message handler.
import type { z } from 'zod';
import type { Flag } from '../admin/feedback.js';
import type { MessageHandler } from './handler.js';
import type { Logger } from './logger.js';
import type { PlatformTraits, PushSend } from './push.js';
import type { SeenIds } from './seen-ids.js';

/** A running chat platform. */
export interface ChatAdapter {
  readonly platform: string;
  /** Connects; rejects (with a message naming the variable at fault) when it cannot. */
  start(): Promise<void>;
  /** Closes connections cleanly; safe to call twice or before start. */
  stop(): Promise<void>;
  /** Sends into a conversation unprompted (quiz reveals, scheduled posts), by the ids its messages carry. */
  push: PushSend;
  /**
   * What a post nobody asked for must know about the platform (src/chat/push.ts): whether groups
   * deliver only @-messages to the bot, and which group a conversation id belongs to.
   */
  readonly traits?: Partial<PlatformTraits>;
  /** Resolves when the platform ends by itself (the console at the end of its input). */
  readonly ended?: Promise<void>;
}

/** What start.ts gives every adapter. */
export interface AdapterContext {
  /** The shared message handler; groupAllowlist limits the groups answered in, by conversation id (empty: all). */
  handler(options?: { groupAllowlist?: string[] }): MessageHandler;
  logger: Logger;
  /** DATA_DIR, for state a platform keeps (the WeChat login). */
  dataDir: string;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  /** Records an answer flagged from a platform's own control (Slack's 「回答有误」 button); returns the thanks. */
  flag(flag: Flag): string;
  /** Event ids already handled, kept across restarts for about an hour (SQLite under DATA_DIR), per platform. */
  seenIds?(platform: string): SeenIds;
}

/** What a bot that connects out to its platform (WeCom, DingTalk) is built with besides its settings. */
export interface BotOptions {
  handler: MessageHandler;
  logger?: Logger;
  /** Between two messages into one conversation. */
  minSendIntervalMs?: number;
  /** Reconnect back-off: the first delay, doubled on each failure up to the platform's cap. */
  reconnectBaseMs?: number;
  startupTimeoutMs?: number;
  /** Message ids already answered; start.ts gives the SQLite-backed ones, so a redelivery after a restart is not answered twice. */
  seen?: SeenIds;
}

/** The parts of BotOptions start.ts provides: the shared handler, the logger, the kept message ids. */
export function botOptionsFrom(context: AdapterContext, platform: string): Pick<BotOptions, 'handler' | 'logger' | 'seen'> {
  return { handler: context.handler(), logger: context.logger, ...(context.seenIds ? { seen: context.seenIds(platform) } : {}) };
}

export type AdapterFactory<Settings> = (settings: Settings, context: AdapterContext) => ChatAdapter;

export interface AdapterDefinition<Platform extends string = string, Shape extends z.ZodRawShape = z.ZodRawShape, Settings = unknown> {
  platform: Platform;
  /** The name people know, for logs: WeChat, Slack, WeCom, DingTalk. */
  label: string;
  /** The environment variables this platform reads; parsed once at start-up with everything else. */
  env: Shape;
  /**
   * The platform's settings from its parsed variables, or undefined when it is not configured.
   * Throws ConfigError naming the variable when the combination is wrong.
   */
  configure(env: z.output<z.ZodObject<Shape>>): Settings | undefined;
  /** Runs when no other platform is configured (the console). */
  fallback?: boolean;
  /** Imported only when configured: chat SDKs are heavy, and the console needs none. */
  load(): Promise<AdapterFactory<Settings>>;
}

/** Keeps each definition's types while the registry lists them side by side. */
export function defineAdapter<Platform extends string, Shape extends z.ZodRawShape, Settings>(
  definition: AdapterDefinition<Platform, Shape, Settings>,
): AdapterDefinition<Platform, Shape, Settings> {
  return definition;
}

export type SettingsOf<D> = D extends AdapterDefinition<string, z.ZodRawShape, infer S> ? S : never;
