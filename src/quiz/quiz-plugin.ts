// The quiz as the chat layer sees it: the reserved `quiz` command (出题 / 结束答题 / 排行榜 / 我的成绩)
// and an interceptor that catches answers such as a bare "B" in a group, without a mention.
import type { CommandContext, CommandPlugin, Interceptor } from '../chat/handler.js';
import type { IncomingMessage, Outgoing } from '../chat/types.js';
import type { QuizEngine } from './quiz-engine.js';
import { QUIZ_HELP, QUIZ_USAGE } from './quiz-texts.js';
import type { QuizPerson, QuizPlace } from './types.js';

/** Each Chinese alias is one sub-command; `quiz` without a slash is for Slack, where /fanguai carries the text. */
const ALIAS_ACTION: Record<string, string> = { 出题: 'start', 结束答题: 'stop', 排行榜: 'rank', 我的成绩: 'me' };
const SUBCOMMANDS: Record<string, string> = { start: 'start', stop: 'stop', rank: 'rank', me: 'me', ...ALIAS_ACTION };

export function placeOf(msg: IncomingMessage): QuizPlace {
  return {
    platform: msg.platform,
    conversationId: msg.conversationId,
    ...(msg.conversationName ? { conversationName: msg.conversationName } : {}),
    isGroup: msg.isGroup,
    ...(msg.isGroup && msg.mentionsOnly ? { mentionsOnly: true } : {}),
  };
}

export function personOf(msg: IncomingMessage): QuizPerson {
  return { id: msg.senderId, ...(msg.senderName ? { name: msg.senderName } : {}) };
}

export function createQuizCommand(engine: QuizEngine): CommandPlugin {
  return {
    name: 'quiz',
    aliases: [...Object.keys(ALIAS_ACTION), 'quiz'],
    help: QUIZ_HELP,
    run(ctx: CommandContext): Outgoing[] {
      const { action, args } = resolveAction(ctx.command.invokedAs, ctx.command.args);
      const place = placeOf(ctx.msg);
      const person = personOf(ctx.msg);
      switch (action) {
        case 'start':
          return engine.start(place, person, args);
        case 'stop':
          return engine.stop(place);
        case 'rank':
          return engine.rank(place);
        case 'me':
          return engine.me(place, person);
        default:
          return [{ kind: 'quiz', text: QUIZ_USAGE }];
      }
    },
  };
}

function resolveAction(invokedAs: string, args: string): { action: string | undefined; args: string } {
  const alias = ALIAS_ACTION[invokedAs];
  if (alias) return { action: alias, args };
  const [first = '', ...rest] = args.split(/\s+/u);
  const sub = SUBCOMMANDS[first.toLowerCase()];
  if (sub) return { action: sub, args: rest.join(' ') };
  // `/quiz 5` or `/quiz 二（一）` reads as a start.
  if (/^\d/u.test(first) || first !== '' && /^[一二三四五六七八九十]/u.test(first)) return { action: 'start', args };
  return { action: undefined, args };
}

/** Answers need no mention while a question is open; anything that is not an answer passes on. */
export function createQuizInterceptor(engine: QuizEngine): Interceptor {
  return ({ msg, text }) => {
    if (text === '' || !engine.isRunning(msg)) return undefined;
    return engine.answer(placeOf(msg), personOf(msg), text);
  };
}
