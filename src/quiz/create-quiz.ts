// Wires the quiz for start.ts: the stores on the shared SQLite file, the round engine, the daily
// question, and the two hooks the chat handler takes (the `quiz` command and the answer interceptor).
import type { CommandPlugin, Interceptor } from '../chat/handler.js';
import type { Logger } from '../chat/logger.js';
import { DEFAULT_DAILY_WINDOW_MINUTES } from '../config/load-config.js';
import { DEFAULT_TRAITS, type PushRegistry } from '../chat/push.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import type { Db } from '../store/open-database.js';
import { createDailyQuiz, type DailyQuiz } from './daily-quiz.js';
import { createDailyStore } from './daily-store.js';
import { createPersonUnits } from './person-units.js';
import { DEFAULT_POINTS, createQuizEngine, type QuizEngine } from './quiz-engine.js';
import { createQuizCommand, createQuizInterceptor, type TrainerTools } from './quiz-plugin.js';
import { createQuizStore } from './quiz-store.js';
import { chatReportText } from './report-chat.js';
import { seededRng, type Rng } from './rng.js';
import { systemScheduler, type Scheduler } from './scheduler.js';
import { UNIT_TEXT, parseIAm, runUnitCommand } from './unit-command.js';
import { DEFAULT_TIME_ZONE, weekStart } from './zoned-time.js';

export interface QuizOptions {
  /** The shared database (src/store/open-database.ts); the quiz creates its own tables in it. */
  db: Db;
  /** The knowledge currently served: read for every new question, so hot reloads apply. */
  getKnowledge: () => KnowledgeBase;
  /** Where adapters registered their senders; their traits say how a daily question is asked. */
  push: Pick<PushRegistry, 'push'> & Partial<Pick<PushRegistry, 'traits'>>;
  /** QUIZ_TIMEOUT_SECONDS. */
  timeoutSeconds: number;
  /** QUIZ_TIME_ZONE: the daily question's time, streak days, the week board's Monday. */
  timeZone?: string;
  /** QUIZ_DAILY_WINDOW_MINUTES: how long a daily question stays open. */
  dailyWindowMinutes?: number;
  /** QUIZ_SEED: the same seed asks the same questions in the same order (tests, trainers' demos). */
  seed?: number;
  rng?: Rng;
  scheduler?: Scheduler;
  pauseMs?: number;
  logger?: Logger;
}

export interface Quiz {
  engine: QuizEngine;
  daily: DailyQuiz;
  command: CommandPlugin;
  interceptor: Interceptor;
  /**
   * Starts the daily questions: re-opens those still in their window, posts a time missed today
   * while the bot was down, then waits for the next. Call once the adapters can send.
   */
  start(): void;
  /** Stops every timer; finished questions are already on disk. */
  close(): void;
}

export function createQuiz(options: QuizOptions): Quiz {
  const store = createQuizStore(options.db);
  const units = createPersonUnits(options.db);
  const scheduler = options.scheduler ?? systemScheduler;
  const rng = options.rng ?? (options.seed !== undefined ? seededRng(options.seed) : Math.random);
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const traits = (platform: string) => options.push.traits?.(platform) ?? DEFAULT_TRAITS;
  const push = (place: { platform: string; conversationId: string }, outgoing: Parameters<PushRegistry['push']>[1]) => options.push.push(place, outgoing);
  const engine = createQuizEngine({
    store,
    getKnowledge: options.getKnowledge,
    push,
    timeoutSeconds: options.timeoutSeconds,
    rng,
    scheduler,
    units,
    timeZone,
    groupOf: (platform, conversationId) => traits(platform).groupOf(conversationId),
    ...(options.pauseMs !== undefined ? { pauseMs: options.pauseMs } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const daily = createDailyQuiz({
    store,
    daily: createDailyStore(options.db),
    units,
    getKnowledge: options.getKnowledge,
    push,
    traits,
    timeZone,
    windowMinutes: options.dailyWindowMinutes ?? DEFAULT_DAILY_WINDOW_MINUTES,
    points: DEFAULT_POINTS,
    rng,
    scheduler,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const tools: TrainerTools = {
    daily,
    unit: (place, person, args) => runUnitCommand(units, options.getKnowledge(), place, person, args, scheduler.now()),
    iAm(place, person, text) {
      const said = parseIAm(text, options.getKnowledge());
      if (!said) return undefined;
      if (!said.unit) return [{ kind: 'quiz', text: UNIT_TEXT.unknown(said.said) }];
      return runUnitCommand(units, options.getKnowledge(), place, person, said.unit, scheduler.now());
    },
    report(place) {
      const now = scheduler.now();
      const group = place.isGroup ? traits(place.platform).groupOf(place.conversationId) : undefined;
      const since = weekStart(now, timeZone);
      const board = { platform: place.platform, conversationId: group ?? place.conversationId };
      const text = chatReportText(options.db, {
        ...(group ? { group } : {}),
        isGroup: place.isGroup,
        timeZone,
        now,
        kb: options.getKnowledge(),
        weekBoard: store.leaderboard(board, 5, since),
        weekSince: since,
      });
      return [{ kind: 'quiz', text }];
    },
  };
  return {
    engine,
    daily,
    command: createQuizCommand(engine, tools),
    interceptor: createQuizInterceptor(engine, tools),
    start: () => daily.start(),
    close: () => {
      engine.close();
      daily.close();
    },
  };
}
