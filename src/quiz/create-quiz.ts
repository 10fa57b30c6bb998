// Wires the quiz for start.ts: the store on the shared SQLite file, the engine, and the two hooks
// the chat handler takes (the `quiz` command and the answer interceptor).
import type { CommandPlugin, Interceptor } from '../chat/handler.js';
import type { Logger } from '../chat/logger.js';
import type { PushRegistry } from '../chat/push.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import type { Db } from '../store/open-database.js';
import { createQuizEngine, type QuizEngine } from './quiz-engine.js';
import { createQuizCommand, createQuizInterceptor } from './quiz-plugin.js';
import { createQuizStore } from './quiz-store.js';
import { seededRng, type Rng } from './rng.js';
import type { Scheduler } from './scheduler.js';

export interface QuizOptions {
  /** The shared database (src/store/open-database.ts); the quiz creates its own tables in it. */
  db: Db;
  /** The knowledge currently served: read for every new question, so hot reloads apply. */
  getKnowledge: () => KnowledgeBase;
  push: Pick<PushRegistry, 'push'>;
  /** QUIZ_TIMEOUT_SECONDS. */
  timeoutSeconds: number;
  /** QUIZ_SEED: the same seed asks the same questions in the same order (tests, trainers' demos). */
  seed?: number;
  rng?: Rng;
  scheduler?: Scheduler;
  pauseMs?: number;
  logger?: Logger;
}

export interface Quiz {
  engine: QuizEngine;
  command: CommandPlugin;
  interceptor: Interceptor;
  /** Stops every timer; finished questions are already on disk. */
  close(): void;
}

export function createQuiz(options: QuizOptions): Quiz {
  const engine = createQuizEngine({
    store: createQuizStore(options.db),
    getKnowledge: options.getKnowledge,
    push: (place, outgoing) => options.push.push(place, outgoing),
    timeoutSeconds: options.timeoutSeconds,
    rng: options.rng ?? (options.seed !== undefined ? seededRng(options.seed) : Math.random),
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    ...(options.pauseMs !== undefined ? { pauseMs: options.pauseMs } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return {
    engine,
    command: createQuizCommand(engine),
    interceptor: createQuizInterceptor(engine),
    close: () => engine.close(),
  };
}
