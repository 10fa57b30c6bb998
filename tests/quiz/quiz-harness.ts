// The quiz behind the real chat handler, with an in-memory (or file) database, a fake clock and a
// recorded push path: tests speak as people in conversations and see what the bot says.
import { createChatHandler } from '../../src/chat/create-chat-handler.js';
import type { MessageHandler } from '../../src/chat/handler.js';
import { createPushRegistry, type PlatformTraits } from '../../src/chat/push.js';
import type { IncomingMessage, Platform } from '../../src/chat/types.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { knowledgeDir } from '../../src/knowledge/paths.js';
import type { KnowledgeBase } from '../../src/knowledge/types.js';
import { createQuiz, type Quiz } from '../../src/quiz/create-quiz.js';
import { seededRng } from '../../src/quiz/rng.js';
import { openDatabase, type Db } from '../../src/store/open-database.js';
import { fakeAssistant } from '../chat/fake-assistant.js';
import { createFakeScheduler, type FakeScheduler } from './fake-scheduler.js';

let cachedKb: KnowledgeBase | undefined;
export function realKb(): KnowledgeBase {
  cachedKb ??= loadKnowledgeBase(knowledgeDir());
  return cachedKb;
}

export interface Harness {
  quiz: Quiz;
  db: Db;
  clock: FakeScheduler;
  handler: MessageHandler;
  /** What the push path sent, per conversation id. */
  pushed: Map<string, string[]>;
  kb: { current: KnowledgeBase };
  say(who: Speaker, text: string): Promise<string[]>;
  pushedTo(conversationId: string): string[];
}

export interface Speaker {
  id: string;
  name: string;
  conversationId: string;
  isGroup: boolean;
  platform?: Platform;
  /** In a group: mentioned the bot (commands need it; answers do not). */
  mention?: boolean;
  /** The platform delivers only @-messages in groups (WeCom, DingTalk). */
  mentionsOnly?: boolean;
}

export interface HarnessOptions {
  seed?: number;
  db?: Db;
  timeoutSeconds?: number;
  pauseMs?: number;
  /** Where the fake clock starts (ms). */
  now?: number;
  /** Sender ids that are administrators (trainers: the daily question's switch, the report). */
  adminIds?: string[];
  timeZone?: string;
  dailyWindowMinutes?: number;
  /** Traits each platform declares when it registers its push sender. */
  traits?: Partial<Record<Platform, Partial<PlatformTraits>>>;
  /** Pushes to these conversation ids fail, as the WeChat adapter's does for a room the bot left. */
  unreachable?: Set<string>;
}

export function createHarness(options: HarnessOptions = {}): Harness {
  const db = options.db ?? openDatabase(':memory:');
  const clock = createFakeScheduler(options.now);
  const registry = createPushRegistry();
  const pushed = new Map<string, string[]>();
  for (const platform of ['console', 'wechat', 'slack'] as const) {
    registry.register(
      platform,
      async (conversationId, outgoing) => {
        if (options.unreachable?.has(conversationId)) throw new Error(`WeChat push: no room or contact ${conversationId}`);
        const list = pushed.get(conversationId) ?? [];
        list.push(...outgoing.map((o) => o.text));
        pushed.set(conversationId, list);
      },
      options.traits?.[platform],
    );
  }
  const kb = { current: realKb() };
  const quiz = createQuiz({
    db,
    getKnowledge: () => kb.current,
    push: registry,
    timeoutSeconds: options.timeoutSeconds ?? 30,
    rng: seededRng(options.seed ?? 1),
    scheduler: clock,
    pauseMs: options.pauseMs ?? 2000,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.dailyWindowMinutes ? { dailyWindowMinutes: options.dailyWindowMinutes } : {}),
  });
  const handler = createChatHandler({
    assistant: fakeAssistant(),
    prefixes: ['反拐', '/fanguai'],
    commands: [quiz.command],
    interceptors: [quiz.interceptor],
    ...(options.adminIds ? { adminIds: options.adminIds } : {}),
  });
  return {
    quiz,
    db,
    clock,
    handler,
    pushed,
    kb,
    async say(who, text) {
      const msg: IncomingMessage = {
        platform: who.platform ?? 'wechat',
        conversationId: who.conversationId,
        ...(who.isGroup ? { conversationName: `群${who.conversationId}` } : {}),
        isGroup: who.isGroup,
        senderId: who.id,
        senderName: who.name,
        text: who.mention ? `@助手 ${text}` : text,
        mentioned: Boolean(who.mention),
        fromSelf: false,
        mentionTokens: ['@助手'],
        ...(who.mentionsOnly ? { mentionsOnly: true } : {}),
      };
      return (await handler(msg)).map((o) => o.text);
    },
    pushedTo: (conversationId) => pushed.get(conversationId) ?? [],
  };
}

/** Let pushed promises settle (the push path is async even when the clock is fake). */
export const flush = (): Promise<void> => new Promise((r) => setImmediate(r));
