// 每日一题: a question posted into a conversation at a set time every day, nobody starting it. It
// stays open for a window (QUIZ_DAILY_WINDOW_MINUTES) in which everyone may answer once — every right
// answer scores and feeds the person's streak — and then the answer is revealed with the clause number.
//
// Times are worked out with croner in QUIZ_TIME_ZONE; waiting is the injected scheduler's, so tests
// drive a fake clock. A time missed while the bot was down is posted once when it starts again the
// same day; the day is claimed in SQLite before posting, so it is never posted twice.
import type { PlatformTraits } from '../chat/push.js';
import { silentLogger, type Logger } from '../chat/logger.js';
import type { Outgoing } from '../chat/types.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { createUnitRegistry } from '../knowledge/unit-registry.js';
import { parseAnswer } from './answer-parser.js';
import { looksLikeTime, parseClockTime } from './clock-time.js';
import { DAILY_TEXT, dailyQuestionText, dailyRevealText } from './daily-texts.js';
import type { DailySchedule, DailyStore } from './daily-store.js';
import type { PersonUnits } from './person-units.js';
import { unitWeight } from './person-units.js';
import { describeFilter, makeQuestion, matchesFilter, parseFilter, quizClauses } from './question-maker.js';
import type { QuizPush } from './quiz-engine.js';
import type { QuizStore } from './quiz-store.js';
import { nextReview } from './review.js';
import { pickWeighted, type Rng } from './rng.js';
import type { Scheduler } from './scheduler.js';
import { streakOf } from './streaks.js';
import type { Question, QuizPerson, QuizPlace } from './types.js';
import { cronOf, lastOccurrence, localDay, nextOccurrence } from './zoned-time.js';

export interface DailyQuizOptions {
  store: QuizStore;
  daily: DailyStore;
  units: PersonUnits;
  getKnowledge: () => KnowledgeBase;
  push: QuizPush;
  traits: (platform: string) => PlatformTraits;
  timeZone: string;
  windowMinutes: number;
  points: number;
  rng: Rng;
  scheduler: Scheduler;
  logger?: Logger;
}

export interface DailyQuiz {
  /** `/quiz daily …`: on HH:MM [scope], off, or the status. */
  command(place: QuizPlace, person: QuizPerson, args: string, isAdmin: boolean): Outgoing[];
  /** The reply to an answer to the open daily question; undefined when the text is not one. */
  answer(place: QuizPlace, person: QuizPerson, text: string): Outgoing[] | undefined;
  isOpen(place: Pick<QuizPlace, 'platform' | 'conversationId'>): boolean;
  /** Re-opens questions still in their window, reveals those whose window passed, posts missed ones, arms the timer. */
  start(): void;
  close(): void;
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** The timer re-checks at least this often, so a long wait never drifts far. */
const MAX_WAIT_MS = HOUR;
/** A failed send is tried again after this, at most MAX_TRIES times a day. */
const RETRY_MS = 10 * 60 * 1000;
const MAX_TRIES = 3;
/** The daily question avoids the clauses of this many previous days in the same conversation. */
const AVOID_RECENT = 14;

interface OpenDaily {
  place: QuizPlace;
  day: string;
  q: Question;
  questionId: number;
  closesAt: number;
  winners: string[];
  cancel: () => void;
}

const out = (text: string): Outgoing => ({ kind: 'quiz', text });
const keyOf = (platform: string, conversationId: string) => `${platform}\u0000${conversationId}`;
const cronFor = (time: string, timeZone: string) => {
  const [h, m] = time.split(':');
  return cronOf(`${Number(m)} ${Number(h)} * * *`, timeZone);
};

export function createDailyQuiz(options: DailyQuizOptions): DailyQuiz {
  const { store, daily, scheduler, timeZone } = options;
  const logger = options.logger ?? silentLogger;
  const windowMs = options.windowMinutes * 60 * 1000;
  const open = new Map<string, OpenDaily>();
  let cancelTick: (() => void) | undefined;
  let started = false;

  const clock = (ms: number) =>
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
  const dateLabel = (ms: number) => new Intl.DateTimeFormat('zh-CN', { timeZone, month: 'long', day: 'numeric' }).format(new Date(ms));
  const groupPlace = (place: QuizPlace): QuizPlace => ({ ...place, conversationId: options.traits(place.platform).groupOf(place.conversationId) });

  /** The occurrence due today and not yet posted, if any. */
  const dueToday = (s: DailySchedule, now: number): number | undefined => {
    const occurrence = lastOccurrence(cronFor(s.time, timeZone), now, DAY + HOUR);
    if (occurrence === undefined || occurrence < s.activeFrom) return undefined;
    const day = localDay(occurrence, timeZone);
    if (day !== localDay(now, timeZone) || daily.post(s.platform, s.conversationId, day)) return undefined;
    const failed = daily.failures(s.platform, s.conversationId, day);
    if (failed && (failed.tries >= MAX_TRIES || now < failed.lastAt + RETRY_MS)) return undefined;
    return occurrence;
  };

  const draw = (s: DailySchedule, kb: KnowledgeBase): Question | undefined => {
    let filter = parseFilter(kb, s.scope);
    if (!filter) {
      // The knowledge changed under a stored scope: ask from everything rather than not at all.
      logger.warn(`daily question ${s.platform}:${s.conversationId}: scope 「${s.scope}」 is no longer known; asking from every clause`);
      filter = { kind: 'all' };
    }
    const recent = new Set(daily.recentClauses(s.platform, s.conversationId, AVOID_RECENT));
    const all = quizClauses(kb).filter((c) => matchesFilter(c, filter));
    let candidates = all.filter((c) => !recent.has(c.id));
    if (candidates.length === 0) candidates = all;
    const units = options.units.ofPlace(s.platform, s.conversationId);
    while (candidates.length > 0) {
      const clause = pickWeighted(options.rng, candidates, (c) => unitWeight(c, units));
      const q = makeQuestion(kb, clause, options.rng);
      if (q) return q;
      candidates = candidates.filter((c) => c !== clause);
    }
    return undefined;
  };

  const reveal = (o: OpenDaily): void => {
    open.delete(keyOf(o.place.platform, o.place.conversationId));
    const now = scheduler.now();
    store.closeQuestion(o.questionId, now);
    // Two instances on one file (a restart overlapping the old process) reveal it once.
    if (!daily.markRevealed(o.place.platform, o.place.conversationId, o.day, now)) return;
    options
      .push(o.place, [out(dailyRevealText(o.q, o.winners))])
      .then((sent) => {
        if (sent === false) logger.warn(`daily answer for ${o.place.platform}:${o.place.conversationId} not sent: ${o.place.platform} is not running`);
      })
      .catch((error: unknown) => logger.error(`daily answer for ${o.place.platform}:${o.place.conversationId} could not be sent`, error));
  };

  const keepOpen = (o: Omit<OpenDaily, 'cancel'>): void => {
    const entry: OpenDaily = { ...o, cancel: () => undefined };
    entry.cancel = scheduler.after(Math.max(0, o.closesAt - scheduler.now()), () => {
      try {
        if (open.get(keyOf(o.place.platform, o.place.conversationId)) === entry) reveal(entry);
      } catch (error) {
        logger.error('daily reveal failed', error);
      }
    });
    open.set(keyOf(o.place.platform, o.place.conversationId), entry);
  };

  const post = async (s: DailySchedule, now: number): Promise<void> => {
    const day = localDay(now, timeZone);
    if (!daily.claim(s.platform, s.conversationId, day, now)) return;
    const place: QuizPlace = {
      platform: s.platform,
      conversationId: s.conversationId,
      ...(s.conversationName ? { conversationName: s.conversationName } : {}),
      isGroup: s.isGroup,
    };
    // A window as long as a day can still hold yesterday's question: its answer comes first.
    const previous = open.get(keyOf(s.platform, s.conversationId));
    if (previous) {
      previous.cancel();
      reveal(previous);
    }
    const q = draw(s, options.getKnowledge());
    if (!q) {
      logger.warn(`daily question ${s.platform}:${s.conversationId}: no clause to ask about`);
      daily.fail(s.platform, s.conversationId, day, 'no clause to ask about', now);
      return;
    }
    const closesAt = now + windowMs;
    const questionId = store.openQuestion(place, { clauseId: q.clauseId, role: q.role, answer: q.options[q.answer] as string }, now);
    daily.attach(s.platform, s.conversationId, day, questionId, q, closesAt);
    const text = dailyQuestionText(q, {
      date: dateLabel(now),
      revealAt: clock(closesAt),
      needMention: s.isGroup && (s.mentionsOnly || options.traits(s.platform).groupsNeedMention),
    });
    let problem: string | undefined;
    try {
      const sent = await options.push(place, [out(text)]);
      if (sent === false) problem = `${s.platform} is not running`;
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    if (problem === undefined) {
      logger.info(`daily question posted in ${s.platform}:${s.conversationId} (clause ${q.clausePath})`);
      keepOpen({ place, day, q, questionId, closesAt, winners: [] });
      return;
    }
    // Nothing was seen: give the day back (a later try may post it) and keep the schedule.
    store.discardQuestion(questionId);
    daily.unclaim(s.platform, s.conversationId, day);
    const tries = daily.fail(s.platform, s.conversationId, day, problem, now);
    logger.warn(`daily question for ${s.platform}:${s.conversationId} could not be sent (try ${tries} of ${MAX_TRIES} today): ${problem}`);
  };

  const tick = (): void => {
    cancelTick = undefined;
    const now = scheduler.now();
    const schedules = daily.all();
    const posting: Array<Promise<void>> = [];
    for (const s of schedules) {
      try {
        if (dueToday(s, now) !== undefined) posting.push(post(s, now));
      } catch (error) {
        logger.error(`daily question for ${s.platform}:${s.conversationId} failed`, error);
      }
    }
    if (posting.length === 0) return arm();
    // A failed send asks for a retry: arm again once the sends are settled.
    void Promise.allSettled(posting).then(() => {
      if (started) arm();
    });
  };

  const arm = (): void => {
    cancelTick?.();
    const now = scheduler.now();
    let next = now + MAX_WAIT_MS;
    for (const s of daily.all()) {
      const at = nextOccurrence(cronFor(s.time, timeZone), now);
      if (at !== undefined) next = Math.min(next, at);
      const failed = daily.failures(s.platform, s.conversationId, localDay(now, timeZone));
      if (failed && failed.tries < MAX_TRIES && !daily.post(s.platform, s.conversationId, localDay(now, timeZone))) {
        next = Math.min(next, Math.max(now, failed.lastAt + RETRY_MS));
      }
    }
    cancelTick = scheduler.after(Math.max(0, next - now), tick);
  };

  const status = (place: QuizPlace): Outgoing[] => {
    const s = daily.get(place.platform, place.conversationId);
    if (!s) return [out(DAILY_TEXT.notOn)];
    const now = scheduler.now();
    const day = localDay(now, timeZone);
    const posted = daily.post(s.platform, s.conversationId, day);
    const failed = daily.failures(s.platform, s.conversationId, day);
    const occurrence = lastOccurrence(cronFor(s.time, timeZone), now, DAY + HOUR);
    const passedBeforeOn = occurrence !== undefined && localDay(occurrence, timeZone) === day && occurrence < s.activeFrom;
    const today = posted
      ? `已出题（${clock(posted.postedAt)}）${posted.revealedAt ? '，已公布答案' : `，${clock(posted.closesAt ?? now)} 公布答案`}`
      : failed
        ? `发送失败${failed.tries}次${failed.tries < MAX_TRIES ? `，${clock(failed.lastAt + RETRY_MS)} 再试` : '，今天不再重试'}`
        : passedBeforeOn
          ? `开启时已过 ${s.time}，明天开始`
          : dueToday(s, now) !== undefined
            ? '即将出题'
            : `${s.time} 出题`;
    const kb = options.getKnowledge();
    const filter = parseFilter(kb, s.scope);
    return [
      out(
        DAILY_TEXT.status(s, {
          timeZone,
          scope: filter ? describeFilter(filter) : `「${s.scope}」（已不在知识库中，改为全部条款）`,
          windowMinutes: options.windowMinutes,
          today,
          ...(s.lastError && s.lastErrorAt ? { error: DAILY_TEXT.failed(`${dateLabel(s.lastErrorAt)} ${clock(s.lastErrorAt)}`, s.lastError) } : {}),
        }),
      ),
    ];
  };

  const switchOn = (place: QuizPlace, person: QuizPerson, args: string[]): Outgoing[] => {
    const [timeWord, ...scopeWords] = args;
    if (!timeWord) return [out(DAILY_TEXT.needTime)];
    const time = parseClockTime(timeWord);
    if (!time.ok) return [out(DAILY_TEXT.badTime(timeWord))];
    const scopeText = scopeWords.join(' ').trim();
    const kb = options.getKnowledge();
    const filter = parseFilter(kb, scopeText);
    if (!filter) return [out(`不认识「${scopeText}」：请写条款编号（如 二（一））或单位名称（如 民政厅）。每日一题没有开启。`)];
    if (!quizClauses(kb).some((c) => matchesFilter(c, filter))) return [out(DAILY_TEXT.noClauses(scopeText))];
    const now = scheduler.now();
    daily.upsert({
      platform: place.platform,
      conversationId: place.conversationId,
      conversationName: place.conversationName ?? null,
      isGroup: place.isGroup,
      mentionsOnly: place.mentionsOnly === true,
      time: time.text,
      scope: scopeText,
      activeFrom: now,
      setBy: person.id,
    });
    const todayAt = nextOccurrence(cronFor(time.text, timeZone), now - 1);
    const startsToday = todayAt !== undefined && localDay(todayAt, timeZone) === localDay(now, timeZone);
    if (started) arm();
    return [out(DAILY_TEXT.on(time.text, timeZone, describeFilter(filter), options.windowMinutes, startsToday))];
  };

  return {
    command(rawPlace, person, args, isAdmin) {
      const place = groupPlace(rawPlace);
      const words = args.trim().split(/\s+/u).filter((w) => w !== '');
      const first = (words[0] ?? '').toLowerCase();
      if (first === '' || first === 'status' || first === '状态') return status(place);
      const isOff = ['off', '关', '关闭', '停', '停止', '取消'].includes(first);
      const isOn = ['on', '开', '开启', '打开'].includes(first);
      if (!isOff && !isOn && !looksLikeTime(first)) return [out(DAILY_TEXT.usage)];
      if (!isAdmin) return [out(DAILY_TEXT.adminOnly)];
      if (isOff) return [out(daily.remove(place.platform, place.conversationId) ? DAILY_TEXT.off : DAILY_TEXT.notOn)];
      return switchOn(place, person, isOn ? words.slice(1) : words);
    },

    answer(rawPlace, person, text) {
      const place = groupPlace(rawPlace);
      const o = open.get(keyOf(place.platform, place.conversationId));
      if (!o) return undefined;
      const parsed = parseAnswer(text, o.q, createUnitRegistry(options.getKnowledge().units));
      if (!parsed) return undefined;
      const now = scheduler.now();
      const correct = parsed.choice === o.q.answer;
      const name = place.isGroup ? (person.name ?? person.id) : undefined;
      const result = store.recordAttempt({
        questionId: o.questionId,
        place,
        person,
        clauseId: o.q.clauseId,
        correct,
        points: correct ? options.points : 0,
        at: now,
        // A daily mistake goes on the person's list for spaced re-asking in private practice, as any other.
        review: nextReview(store.reviews(place.platform, person.id).find((r) => r.clauseId === o.q.clauseId), o.q.clauseId, correct, now),
        chosen: parsed.unit,
        daily: true,
      });
      if (result === 'already-answered') return [out(DAILY_TEXT.already(name))];
      if (result === 'closed') return [out(DAILY_TEXT.closed)];
      if (!correct) return [out(DAILY_TEXT.wrong(name, clock(o.closesAt)))];
      o.winners.push(person.name ?? person.id);
      const streak = streakOf(store.correctTimes(place.platform, person.id, now - 400 * DAY), now, timeZone).current;
      return [out(DAILY_TEXT.right(name, options.points, streak))];
    },

    isOpen: (place) => open.has(keyOf(place.platform, options.traits(place.platform).groupOf(place.conversationId))),

    start() {
      if (started) return;
      started = true;
      const now = scheduler.now();
      for (const p of daily.unrevealed()) {
        if (!p.question || p.questionId === null || p.closesAt === null) continue;
        const s = daily.get(p.platform, p.conversationId);
        const place: QuizPlace = {
          platform: p.platform,
          conversationId: p.conversationId,
          ...(s?.conversationName ? { conversationName: s.conversationName } : {}),
          isGroup: s?.isGroup ?? true,
        };
        const winners = store.winners(p.questionId).map((w) => w.personName ?? w.personId);
        const entry = { place, day: p.day, q: p.question, questionId: p.questionId, closesAt: p.closesAt, winners };
        if (p.closesAt <= now) reveal({ ...entry, cancel: () => undefined });
        else keepOpen(entry);
      }
      tick();
    },

    close() {
      started = false;
      cancelTick?.();
      cancelTick = undefined;
      for (const o of open.values()) o.cancel();
      open.clear();
    },
  };
}
