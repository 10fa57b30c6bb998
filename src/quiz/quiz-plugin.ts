// The quiz as the chat layer sees it: the reserved `quiz` command (出题 / 结束答题 / 排行榜 / 我的成绩 /
// 每日一题 …) and an interceptor that catches answers such as a bare "B" in a group, without a mention,
// and 「我是民政厅的」 said to the bot.
import type { CommandContext, CommandPlugin, Interceptor } from '../chat/handler.js';
import type { IncomingMessage, Outgoing } from '../chat/types.js';
import type { DailyQuiz } from './daily-quiz.js';
import type { QuizEngine } from './quiz-engine.js';
import { QUIZ_HELP, QUIZ_TEXT, QUIZ_USAGE } from './quiz-texts.js';
import type { QuizPerson, QuizPlace } from './types.js';

/** Each Chinese alias is one sub-command; `quiz` without a slash is for Slack, where /fanguai carries the text. */
const ALIAS_ACTION: Record<string, string> = {
  出题: 'start',
  结束答题: 'stop',
  排行榜: 'rank',
  本周排行: 'week',
  周榜: 'week',
  我的成绩: 'me',
  每日一题: 'daily',
  我的单位: 'unit',
  培训报告: 'report',
};
const SUBCOMMANDS: Record<string, string> = {
  start: 'start',
  stop: 'stop',
  rank: 'rank',
  me: 'me',
  daily: 'daily',
  unit: 'unit',
  report: 'report',
  week: 'week',
  ...ALIAS_ACTION,
};

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

/** What trainers have beside rounds: the daily question, people's units, the report. */
export interface TrainerTools {
  daily: DailyQuiz;
  unit(place: QuizPlace, person: QuizPerson, args: string): Outgoing[];
  /** 「我是民政厅的」: the reply, or undefined when the text is not that kind of sentence. */
  iAm(place: QuizPlace, person: QuizPerson, text: string): Outgoing[] | undefined;
  report(place: QuizPlace): Outgoing[];
}

export function createQuizCommand(engine: QuizEngine, tools?: TrainerTools): CommandPlugin {
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
          return engine.rank(place, /^(week|本周|周)$/iu.test(args.trim()));
        case 'week':
          return engine.rank(place, true);
        case 'me':
          return engine.me(place, person);
        case 'daily':
          return tools ? tools.daily.command(place, person, args, ctx.isAdmin) : usage();
        case 'unit':
          return tools ? tools.unit(place, person, args) : usage();
        case 'report':
          if (!tools) return usage();
          return ctx.isAdmin ? tools.report(place) : [{ kind: 'rejected', text: QUIZ_TEXT.reportAdminOnly }];
        default:
          return usage();
      }
    },
  };
}

const usage = (): Outgoing[] => [{ kind: 'quiz', text: QUIZ_USAGE }];

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

/**
 * Answers need no mention while a round's question or the daily question is open (a running round
 * comes first); anything that is not an answer passes on. 「我是民政厅的」 is taken only when said to the bot.
 */
export function createQuizInterceptor(engine: QuizEngine, tools?: TrainerTools): Interceptor {
  return ({ msg, text, addressed }) => {
    if (text === '') return undefined;
    if (engine.isRunning(msg)) {
      const taken = engine.answer(placeOf(msg), personOf(msg), text);
      if (taken) return taken;
    }
    if (tools?.daily.isOpen(msg)) {
      const taken = tools.daily.answer(placeOf(msg), personOf(msg), text);
      if (taken) return taken;
    }
    if (addressed && tools) return tools.iAm(placeOf(msg), personOf(msg), text);
    return undefined;
  };
}

