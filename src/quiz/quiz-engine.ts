// Quiz rounds, one per conversation (platform + conversation id), so groups never interfere.
// Everything runs synchronously between awaits: the first right answer processed closes the
// question before any other message is looked at, and the store closes it atomically on disk too.
import type { Outgoing } from '../chat/types.js';
import { silentLogger, type Logger } from '../chat/logger.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { createUnitRegistry } from '../knowledge/unit-registry.js';
import { parseAnswer } from './answer-parser.js';
import { describeFilter, makeQuestion, matchesFilter, parseFilter, quizClauses, type QuizFilter } from './question-maker.js';
import type { QuizStore } from './quiz-store.js';
import { unitWeight, type PersonUnits } from './person-units.js';
import type { BoardPlace } from './quiz-store.js';
import { QUIZ_TEXT, leaderboardText, myScoreText, myStreakText, questionText, revealText, roundSummary, weekBoardText } from './quiz-texts.js';
import { streakOf } from './streaks.js';
import { DEFAULT_TIME_ZONE, weekStart } from './zoned-time.js';
import { nextReview, practiceWeight } from './review.js';
import { pick, pickWeighted, type Rng } from './rng.js';
import { systemScheduler, type Scheduler } from './scheduler.js';
import type { Question, QuizPerson, QuizPlace } from './types.js';

/** Sends into a conversation without an incoming message (timeout reveals): see src/chat/push.ts. */
export type QuizPush = (place: Pick<QuizPlace, 'platform' | 'conversationId'>, outgoing: Outgoing[]) => Promise<unknown>;

export interface QuizEngineOptions {
  store: QuizStore;
  /** Called for every new question, so a knowledge reload is picked up by the next one. */
  getKnowledge: () => KnowledgeBase;
  push: QuizPush;
  timeoutSeconds: number;
  /** In groups, the gap between a reveal and the next question, so late answers are not taken for the next one. */
  pauseMs?: number;
  pointsPerQuestion?: number;
  rng?: Rng;
  scheduler?: Scheduler;
  logger?: Logger;
  /** People's units (「我是民政厅的」): private practice leans towards their unit's clauses. */
  units?: PersonUnits;
  /** QUIZ_TIME_ZONE: the days of streaks and the Monday of the week board. */
  timeZone?: string;
  /** The group a conversation belongs to, whose board it shows (PlatformTraits.groupOf). */
  groupOf?: (platform: string, conversationId: string) => string;
}

export const DEFAULT_QUESTIONS = 5;
export const MAX_QUESTIONS = 20;
export const DEFAULT_PAUSE_MS = 3000;
export const DEFAULT_POINTS = 10;
/** Streaks look back this far (a longer one shows as this long). */
const STREAK_LOOKBACK_MS = 400 * 24 * 60 * 60 * 1000;

interface OpenQuestion {
  q: Question;
  dbId: number;
  index: number;
  cancelTimer: () => void;
}

interface Round {
  key: string;
  place: QuizPlace;
  /** In a private chat, the person practising (their mistakes come back more often). */
  practiceFor?: QuizPerson;
  filter: QuizFilter;
  total: number;
  asked: number;
  askedClauses: Set<string>;
  current?: OpenQuestion;
  /** The question just revealed, during the pause before the next one. */
  justClosed?: { q: Question; winner: string | undefined };
  cancelPause?: () => void;
  scores: Map<string, { name: string | undefined; points: number }>;
}

export interface QuizEngine {
  start(place: QuizPlace, person: QuizPerson, args: string): Outgoing[];
  stop(place: QuizPlace): Outgoing[];
  /** The reply to an answer, or undefined when the text is not an answer to a running quiz. */
  answer(place: QuizPlace, person: QuizPerson, text: string): Outgoing[] | undefined;
  /** The all-time board, or with `week` the board since Monday 00:00 in the quiz time zone. */
  rank(place: QuizPlace, week?: boolean): Outgoing[];
  me(place: QuizPlace, person: QuizPerson): Outgoing[];
  /** Whether a round runs in the conversation. */
  isRunning(place: Pick<QuizPlace, 'platform' | 'conversationId'>): boolean;
  /** Cancels every timer (the question in flight is dropped, finished ones are already saved). */
  close(): void;
}

const out = (text: string): Outgoing => ({ kind: 'quiz', text });
const keyOf = (p: Pick<QuizPlace, 'platform' | 'conversationId'>) => `${p.platform}\u0000${p.conversationId}`;

export function createQuizEngine(options: QuizEngineOptions): QuizEngine {
  const { store } = options;
  const rng = options.rng ?? Math.random;
  const scheduler = options.scheduler ?? systemScheduler;
  const logger = options.logger ?? silentLogger;
  const pauseMs = options.pauseMs ?? DEFAULT_PAUSE_MS;
  const points = options.pointsPerQuestion ?? DEFAULT_POINTS;
  const rounds = new Map<string, Round>();
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const board = (place: QuizPlace): BoardPlace => ({
    platform: place.platform,
    conversationId: options.groupOf ? options.groupOf(place.platform, place.conversationId) : place.conversationId,
  });
  const streak = (platform: string, personId: string) => {
    const now = scheduler.now();
    return streakOf(store.correctTimes(platform, personId, now - STREAK_LOOKBACK_MS), now, timeZone);
  };

  /** Draws the next question; undefined when the round's clauses are used up. */
  const draw = (round: Round): Question | undefined => {
    const kb = options.getKnowledge();
    let candidates = quizClauses(kb).filter((c) => matchesFilter(c, round.filter) && !round.askedClauses.has(c.id));
    const reviews = round.practiceFor
      ? new Map(store.reviews(round.place.platform, round.practiceFor.id).map((r) => [r.clauseId, r]))
      : undefined;
    // Their unit's clauses first, their mistakes again: both weigh on the draw.
    const unit = round.practiceFor ? options.units?.get(round.place.platform, round.practiceFor.id) : undefined;
    const units = new Map(unit ? [[unit, 1]] : []);
    while (candidates.length > 0) {
      const now = scheduler.now();
      const clause = reviews
        ? pickWeighted(rng, candidates, (c) => practiceWeight(reviews.get(c.id), now) * unitWeight(c, units))
        : pick(rng, candidates);
      round.askedClauses.add(clause.id);
      const q = makeQuestion(kb, clause, rng);
      if (q) return q;
      candidates = candidates.filter((c) => c !== clause);
    }
    return undefined;
  };

  /** Asks the next question, or ends the round; returns what to say. */
  const askNext = (round: Round): Outgoing[] => {
    round.justClosed = undefined;
    round.cancelPause = undefined;
    const q = round.asked < round.total ? draw(round) : undefined;
    if (!q) {
      rounds.delete(round.key);
      return [out(roundSummary(round.scores, round.asked))];
    }
    round.asked += 1;
    const dbId = store.openQuestion(round.place, { clauseId: q.clauseId, role: q.role, answer: q.options[q.answer] as string }, scheduler.now());
    const open: OpenQuestion = { q, dbId, index: round.asked, cancelTimer: () => undefined };
    open.cancelTimer = scheduler.after(options.timeoutSeconds * 1000, () => onTimeout(round, open));
    round.current = open;
    return [out(questionText(q, round.asked, round.total, options.timeoutSeconds, round.place.mentionsOnly === true))];
  };

  /** Reveals the closed question and moves on: the next question now, or after the group pause. */
  const moveOn = (round: Round, open: OpenQuestion, lead: string, winner: string | undefined): Outgoing[] => {
    open.cancelTimer();
    round.current = undefined;
    const reveal = out(`${lead}\n${revealText(open.q, open.index)}`);
    if (round.asked >= round.total) {
      rounds.delete(round.key);
      return [reveal, out(roundSummary(round.scores, round.asked))];
    }
    if (round.place.isGroup && pauseMs > 0) {
      round.justClosed = { q: open.q, winner };
      round.cancelPause = scheduler.after(pauseMs, () => {
        if (rounds.get(round.key) !== round || round.current) return;
        send(round, askNext(round));
      });
      return [reveal];
    }
    return [reveal, ...askNext(round)];
  };

  const send = (round: Round, outgoing: Outgoing[]): void => {
    options.push(round.place, outgoing).catch((error: unknown) => logger.error(`quiz push to ${round.place.platform}:${round.place.conversationId} failed`, error));
  };

  const onTimeout = (round: Round, open: OpenQuestion): void => {
    try {
      if (rounds.get(round.key) !== round || round.current !== open) return;
      store.closeQuestion(open.dbId, scheduler.now());
      send(round, moveOn(round, open, QUIZ_TEXT.timeUp, undefined));
    } catch (error) {
      logger.error('quiz timeout failed', error);
    }
  };

  const parseCount = (args: string): { count: number; rest: string } => {
    const m = /^(\d{1,3})(?:\s*题)?\s*([\s\S]*)$/u.exec(args.trim());
    if (!m) return { count: DEFAULT_QUESTIONS, rest: args.trim() };
    return { count: Math.max(1, Math.min(MAX_QUESTIONS, Number(m[1]))), rest: (m[2] ?? '').trim() };
  };

  return {
    start(place, person, args) {
      const running = rounds.get(keyOf(place));
      if (running) return [out(QUIZ_TEXT.alreadyRunning(running.asked, running.total))];
      const { count, rest } = parseCount(args);
      const kb = options.getKnowledge();
      const filter = parseFilter(kb, rest);
      if (!filter) return [out(QUIZ_TEXT.badScope(rest))];
      const available = quizClauses(kb).filter((c) => matchesFilter(c, filter)).length;
      const scope = describeFilter(filter);
      if (available === 0) return [out(QUIZ_TEXT.noClauses(rest || scope))];
      const round: Round = {
        key: keyOf(place),
        place,
        ...(place.isGroup ? {} : { practiceFor: person }),
        filter,
        total: Math.min(count, available),
        asked: 0,
        askedClauses: new Set(),
        scores: new Map(),
      };
      rounds.set(round.key, round);
      return [out(QUIZ_TEXT.started(round.total, scope, options.timeoutSeconds, !place.isGroup)), ...askNext(round)];
    },

    stop(place) {
      const round = rounds.get(keyOf(place));
      if (!round) return [out(QUIZ_TEXT.notRunning)];
      rounds.delete(round.key);
      round.cancelPause?.();
      const said: Outgoing[] = [];
      const open = round.current;
      if (open) {
        open.cancelTimer();
        store.closeQuestion(open.dbId, scheduler.now());
        said.push(out(`${QUIZ_TEXT.stopped}\n${revealText(open.q, open.index)}`));
      } else {
        said.push(out(QUIZ_TEXT.stopped));
      }
      said.push(out(roundSummary(round.scores, round.asked)));
      return said;
    },

    answer(place, person, text) {
      const round = rounds.get(keyOf(place));
      if (!round) return undefined;
      const registry = createUnitRegistry(options.getKnowledge().units);
      const open = round.current;
      if (!open) {
        // Between a reveal and the next question: a late right answer is told it lost the race.
        const closed = round.justClosed;
        const parsed = closed ? parseAnswer(text, closed.q, registry) : undefined;
        if (!closed || !parsed) return undefined;
        return parsed.choice === closed.q.answer && closed.winner ? [out(QUIZ_TEXT.tooLate(closed.winner))] : [];
      }
      const parsed = parseAnswer(text, open.q, registry);
      if (!parsed) return undefined;
      const correct = parsed.choice === open.q.answer;
      const now = scheduler.now();
      const current = store.reviews(place.platform, person.id).find((r) => r.clauseId === open.q.clauseId);
      const result = store.recordAttempt({
        questionId: open.dbId,
        place,
        person,
        clauseId: open.q.clauseId,
        correct,
        points: correct ? points : 0,
        at: now,
        review: nextReview(current, open.q.clauseId, correct, now),
        chosen: parsed.unit,
      });
      if (result === 'already-answered') return [out(QUIZ_TEXT.alreadyAnswered(place.isGroup ? person.name : undefined))];
      const name = person.name ?? person.id;
      if (result === 'closed') {
        // Closed on disk by another process sharing the file: this one did not win.
        return moveOn(round, open, QUIZ_TEXT.timeUp, undefined);
      }
      if (correct) {
        const s = round.scores.get(person.id) ?? { name: person.name, points: 0 };
        s.points += points;
        round.scores.set(person.id, s);
        const total = store.score(board(place), person.id)?.points ?? points;
        const right = `${QUIZ_TEXT.right(name, points, total, place.isGroup)}${QUIZ_TEXT.streak(streak(place.platform, person.id).current)}`;
        return moveOn(round, open, right, name);
      }
      const wrong = out(QUIZ_TEXT.wrong(name, place.isGroup));
      // In a private chat nobody else can answer: waiting for the timeout would only waste time.
      if (!place.isGroup) {
        store.closeQuestion(open.dbId, now);
        return [wrong, ...moveOn(round, open, '', undefined).map((o, i) => (i === 0 ? { ...o, text: o.text.trimStart() } : o))];
      }
      return [wrong];
    },

    rank(place, week = false) {
      if (!week) return [out(leaderboardText(store.leaderboard(board(place)), place.isGroup))];
      const since = weekStart(scheduler.now(), timeZone);
      return [out(weekBoardText(store.leaderboard(board(place), 10, since), since, timeZone, place.isGroup))];
    },

    me(place, person) {
      const here = store.score(board(place), person.id);
      const ranking = store.leaderboard(board(place), 1000);
      const rank = ranking.findIndex((r) => r.personId === person.id);
      const now = scheduler.now();
      const due = store.reviews(place.platform, person.id).filter((r) => r.dueAt <= now).length;
      const text = myScoreText(here, store.totalScore(place.platform, person.id), rank >= 0 ? rank + 1 : undefined, due, place.isGroup);
      if (text === QUIZ_TEXT.noScore) return [out(text)];
      const unit = options.units?.get(place.platform, person.id);
      return [out([text, myStreakText(streak(place.platform, person.id)), ...(unit ? [QUIZ_TEXT.myUnit(unit)] : [])].join('\n'))];
    },

    isRunning: (place) => rounds.has(keyOf(place)),

    close() {
      for (const round of rounds.values()) {
        round.current?.cancelTimer();
        round.cancelPause?.();
      }
      rounds.clear();
    },
  };
}
