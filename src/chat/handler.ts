// The one message handler every adapter calls: trigger rules, input cleaning, commands, the core,
// rendering. It is the single error boundary: it never throws, whatever the message.
import { lastShown, resolveFollowUp, type FollowUpContext } from '../core/follow-up.js';
import { digestClauses } from '../core/reply-view.js';
import type { Answer, Reply } from '../core/types.js';
import { conversationKey, createConversationMemory, type ConversationMemoryOptions } from './conversation-memory.js';
import { BUILTIN_COMMANDS, looksLikeSlashCommand, parseCommand, type CommandSpec, type ParsedCommand } from './commands.js';
import { createLastReplies, type LastReplies } from './last-replies.js';
import { silentLogger, type Logger } from './logger.js';
import { TEXT, helpText } from './messages.js';
import { cleanInput } from './sanitize.js';
import { decideTrigger, type TriggerRules } from './trigger.js';
import type { ChatAssistant, IncomingMessage, Outgoing } from './types.js';

export interface CommandContext {
  msg: IncomingMessage;
  command: ParsedCommand;
  /** The question text with mention/prefix removed and cleaned. */
  text: string;
  isAdmin: boolean;
  assistant: ChatAssistant;
}

/** A command another module adds (/quiz, /kb): spec for parsing plus what it does. */
export interface CommandPlugin extends CommandSpec {
  run(ctx: CommandContext): Outgoing[] | Promise<Outgoing[]>;
  /** Lines added to /help. */
  help?: string[];
}

export interface InterceptContext {
  msg: IncomingMessage;
  /** True when the message is addressed to the bot (private, mention, prefix). */
  addressed: boolean;
  /** Text with mention/prefix removed (raw text for unaddressed group messages), cleaned of controls. */
  text: string;
  isAdmin: boolean;
  /** This conversation's last reply (and 「不对」 marks it dealt with). */
  lastReplies: LastReplies;
}

/**
 * Sees every message from an allowed conversation before normal handling, addressed or not — the
 * quiz uses it to catch answers like "B" typed without a mention. Return Outgoing[] to take the
 * message (even []), undefined to pass it on.
 */
export type Interceptor = (ctx: InterceptContext) => Outgoing[] | undefined | Promise<Outgoing[] | undefined>;

export interface MessageHandlerOptions {
  assistant: ChatAssistant;
  trigger: TriggerRules;
  /** Plain text of a core reply (src/core/render-text.ts). */
  renderReply: (reply: Reply) => string;
  /** Plain text of one clause in full, for /full. */
  renderClause: (clause: Answer) => string;
  commands?: CommandPlugin[];
  interceptors?: Interceptor[];
  /** Administrators, each `platform:id` (wechat:wxid_x, slack:U123). */
  adminIds?: string[];
  /** Each conversation's last reply; one per process, so every platform's handler shares it. */
  lastReplies?: LastReplies;
  logger?: Logger;
  /** How long and how many conversations keep a thread for follow-ups (clock injected in tests). */
  memory?: ConversationMemoryOptions;
}

/** What a conversation (a member, in a group) keeps of its last answer, for follow-ups. */
interface Thread {
  context: FollowUpContext;
  /** The clauses a digest numbered, for a reply of just a number. */
  numbered: Answer[];
  /** The clause this member last saw in full (a digest number, 全文). */
  shownFull?: string;
}

/** Role words when the assistant does not say its own (vocabulary.yaml has the real list). */
const DEFAULT_ROLE_WORDS = { lead: ['负责', '牵头', '主管'], cooperate: ['配合', '协助'] };

export type MessageHandler = (msg: IncomingMessage) => Promise<Outgoing[]>;

// Commands reserved for later features: answered with "not yet" until a plugin registers them.
const RESERVED: CommandSpec[] = [
  { name: 'quiz', aliases: ['出题', '结束答题', '排行榜', '我的成绩'] },
  { name: 'kb', adminOnly: true },
];

export function createMessageHandler(options: MessageHandlerOptions): MessageHandler {
  const logger = options.logger ?? silentLogger;
  const plugins = options.commands ?? [];
  const pluginNames = new Set(plugins.map((p) => p.name));
  const specs: CommandSpec[] = [
    ...BUILTIN_COMMANDS.filter((c) => !pluginNames.has(c.name)),
    ...plugins,
    ...RESERVED.filter((c) => !pluginNames.has(c.name)),
  ];
  const adminIds = new Set(options.adminIds ?? []);
  const lastReplies = options.lastReplies ?? createLastReplies();
  // Follow-ups (那配合的呢, 还有呢, a digest's numbers): per member in a group, for a few minutes.
  const threads = createConversationMemory<Thread>(options.memory);

  const keepThread = (msg: IncomingMessage, question: string, reply: Reply, shown = 1): void => {
    // A refused question ends the thread: a follow-up after it must not reach back past it.
    if (!reply.answers.length && !digestClauses(reply).length) return threads.delete(conversationKey(msg));
    threads.set(conversationKey(msg), { context: { question, reply, shown }, numbered: digestClauses(reply) });
  };

  /**
   * The clause a bare 全文 means: in a group, the one this member was last answered (as 「这条全文」
   * does), else the conversation's last.
   */
  const ownClause = (msg: IncomingMessage): string | undefined => {
    const thread = threads.get(conversationKey(msg));
    return thread && (thread.shownFull ?? lastShown(thread.context)?.id);
  };
  const shownInFull = (msg: IncomingMessage, id: string): void => {
    lastReplies.showed(msg, id);
    const thread = threads.get(conversationKey(msg));
    if (thread) threads.set(conversationKey(msg), { ...thread, shownFull: id });
  };

  const full = (msg: IncomingMessage, args: string): Outgoing[] => {
    const id = args || ownClause(msg) || lastReplies.get(msg).clauseId;
    if (!id) return [{ kind: 'full', text: TEXT.fullUsage }];
    let clause = options.assistant.getClause(id) ?? undefined;
    if (!clause) {
      // People type the outline path (二（一）3) more often than the id: let the core find it.
      const reply = options.assistant.ask(id);
      if (reply.intent === 'clause-lookup' && reply.answers[0]) clause = reply.answers[0];
    }
    if (!clause) return [{ kind: 'full', text: TEXT.fullNotFound(id) }];
    shownInFull(msg, clause.id);
    return [{ kind: 'full', text: options.renderClause(clause), clause }];
  };

  const runCommand = async (ctx: CommandContext): Promise<Outgoing[]> => {
    const { command, msg } = ctx;
    const spec = specs.find((s) => s.name === command.name);
    if (spec?.adminOnly && !ctx.isAdmin) return [{ kind: 'rejected', text: TEXT.adminOnly }];
    const plugin = plugins.find((p) => p.name === command.name);
    if (plugin) return plugin.run(ctx);
    if (command.name === 'help') {
      const extraLines = plugins.flatMap((p) => p.help ?? []);
      return [{ kind: 'help', text: helpText({ isGroup: msg.isGroup, trigger: options.trigger, extraLines, mentionsOnly: msg.mentionsOnly === true }) }];
    }
    if (command.name === 'full') return full(msg, command.args);
    return [{ kind: 'rejected', text: TEXT.notYet(command.invokedAs) }];
  };

  const answer = (msg: IncomingMessage, question: string): Outgoing[] => {
    const thread = threads.get(conversationKey(msg));
    const roleWords = options.assistant.roleWords?.() ?? DEFAULT_ROLE_WORDS;
    const followUp = resolveFollowUp(question, thread?.context, options.assistant, roleWords, thread?.numbered);
    if (followUp?.kind === 'full') {
      shownInFull(msg, followUp.clause.id);
      return [{ kind: 'full', text: options.renderClause(followUp.clause), clause: followUp.clause }];
    }
    if (followUp?.kind === 'nothing') {
      const text =
        followUp.reason === 'no-more' ? TEXT.followUpNoMore
        : followUp.reason === 'no-number' ? TEXT.followUpNoNumber(Number(question.replace(/\D/g, '')))
        : TEXT.followUpNothing;
      return [{ kind: 'follow-up', text }];
    }
    const reply = followUp ? followUp.reply : options.assistant.ask(question);
    if (followUp) keepThread(msg, followUp.question, followUp.keep ?? followUp.reply, followUp.shown);
    else keepThread(msg, question, reply);
    if (reply.intent !== 'empty') lastReplies.answered(msg, reply);
    return [{ kind: 'answer', text: options.renderReply(reply), reply }];
  };

  const handle = async (msg: IncomingMessage): Promise<Outgoing[]> => {
    const decision = decideTrigger(msg, options.trigger);
    if (!decision.answer && decision.reason !== 'not-addressed') return [];
    // ADMIN_IDS entries are platform:id (wechat:wxid_x, slack:U123), matched on that platform only:
    // a WeChat sender whose id is literally `slack:U123` is not the Slack administrator.
    const isAdmin = msg.admin === true || adminIds.has(`${msg.platform}:${msg.senderId}`);
    const rawText = decision.answer ? decision.text : msg.text;
    const cleaned = cleanInput(rawText);

    for (const intercept of options.interceptors ?? []) {
      const taken = await intercept({
        msg,
        addressed: decision.answer,
        text: cleaned.ok ? cleaned.text : '',
        isAdmin,
        lastReplies,
      });
      if (taken) return taken;
    }
    if (!decision.answer) return [];

    if (!cleaned.ok) {
      if (cleaned.problem === 'too-long') return [{ kind: 'rejected', text: TEXT.tooLong }];
      // A private message with nothing in it at all is usually a sticker or image: stay quiet
      // rather than nag. A bare mention or prefix ("/fanguai") gets a hint.
      if (cleaned.problem === 'empty') {
        const bare = msg.isGroup || cleanInput(msg.text).ok;
        return bare ? [{ kind: 'rejected', text: TEXT.emptyAddressed }] : [];
      }
      return [{ kind: 'rejected', text: TEXT.noWords }];
    }
    const command = parseCommand(cleaned.text, specs);
    if (command) return runCommand({ msg, command, text: cleaned.text, isAdmin, assistant: options.assistant });
    if (looksLikeSlashCommand(cleaned.text)) {
      return [{ kind: 'rejected', text: TEXT.unknownCommand(cleaned.text.split(/\s/u)[0]) }];
    }
    return answer(msg, cleaned.text);
  };

  return async (msg) => {
    try {
      return await handle(msg);
    } catch (error) {
      logger.error(`message in ${msg.platform}:${msg.conversationId} failed`, error);
      // Only speak up when the message was for us; a failing interceptor on chatter stays silent.
      try {
        return decideTrigger(msg, options.trigger).answer ? [{ kind: 'error', text: TEXT.failed }] : [];
      } catch {
        return [];
      }
    }
  };
}
