// What the trainer report shows, worked out from the quiz tables: participation per day, each
// person's accuracy and streak, the clauses most often answered wrong (and the wrong units chosen),
// and accuracy per unit — by the unit asked about and by the people's own unit.
import type { KnowledgeBase } from '../knowledge/types.js';
import type { Db } from '../store/open-database.js';
import { streakOf } from './streaks.js';
import { localDay } from './zoned-time.js';

export interface ReportOptions {
  /** Only answers at or after this instant (ms). */
  since?: number;
  /** Only this group: its conversation id (with the conversations inside it, as Slack threads) or its name. */
  group?: string;
  timeZone: string;
  now: number;
  /** For clause numbers and texts; clauses no longer in it show their id. */
  kb?: KnowledgeBase;
}

export interface DayRow { day: string; people: number; answers: number; correct: number }
export interface PersonRow {
  platform: string;
  personId: string;
  name: string;
  answers: number;
  correct: number;
  points: number;
  /** Streaks count every right answer on the platform, whatever the report's filters. */
  streak: number;
  bestStreak: number;
  unit: string | null;
  lastAt: number;
}
export interface WeakClause {
  clauseId: string;
  path: string;
  /** The clause's opening words, so trainers recognise it. */
  opening: string | null;
  answers: number;
  wrong: number;
  /** Wrong units chosen, most chosen first. */
  wrongUnits: Array<{ unit: string; count: number }>;
}
export interface UnitRow { unit: string; answers: number; correct: number }

export interface ReportData {
  generatedAt: number;
  timeZone: string;
  since?: number;
  group?: string;
  groups: Array<{ platform: string; conversationId: string; name: string | null }>;
  totals: { answers: number; correct: number; people: number; questions: number };
  days: DayRow[];
  people: PersonRow[];
  weakClauses: WeakClause[];
  /** Accuracy on questions whose answer was this unit. */
  unitsAsked: UnitRow[];
  /** Accuracy of the people who said they work in this unit. */
  unitsOfPeople: UnitRow[];
}

interface AttemptRow {
  platform: string;
  conversationId: string;
  conversationName: string | null;
  personId: string;
  personName: string | null;
  correct: number;
  points: number;
  at: number;
  chosen: string | null;
  questionId: number;
  clauseId: string;
  answer: string;
  unit: string | null;
}

/** Enough for years of a large training programme; the report says when it was cut. */
export const MAX_REPORT_ATTEMPTS = 500_000;

export function buildReport(db: Db, options: ReportOptions): ReportData {
  const hasUnits = Boolean(db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'quiz_person_unit'`).get());
  const rows = db
    .prepare(
      `SELECT a.platform, a.conversation_id AS conversationId, q.conversation_name AS conversationName,
         a.person_id AS personId, a.person_name AS personName, a.correct, a.points, a.at, a.chosen,
         a.question_id AS questionId, q.clause_id AS clauseId, q.answer,
         ${hasUnits ? '(SELECT unit FROM quiz_person_unit u WHERE u.platform = a.platform AND u.person_id = a.person_id)' : 'NULL'} AS unit
       FROM quiz_attempt a JOIN quiz_question q ON q.id = a.question_id
       WHERE a.at >= @since AND (@group IS NULL OR a.conversation_id = @group OR q.conversation_name = @group
         OR substr(a.conversation_id, 1, length(@group) + 1) = @group || ':')
       ORDER BY a.at LIMIT @limit`,
    )
    .all({ since: options.since ?? 0, group: options.group ?? null, limit: MAX_REPORT_ATTEMPTS }) as AttemptRow[];
  const correctAt = db.prepare(`SELECT at FROM quiz_attempt WHERE platform = ? AND person_id = ? AND correct = 1 AND at >= ?`);

  const days = new Map<string, DayRow & { who: Set<string> }>();
  const people = new Map<string, PersonRow>();
  const clauses = new Map<string, WeakClause & { wrongBy: Map<string, number> }>();
  const asked = new Map<string, UnitRow>();
  const ofPeople = new Map<string, UnitRow>();
  const groups = new Map<string, ReportData['groups'][number]>();
  const questions = new Set<number>();
  const clauseById = new Map((options.kb?.clauses ?? []).map((c) => [c.id, c]));
  const tally = (map: Map<string, UnitRow>, unit: string, correct: boolean) => {
    const u = map.get(unit) ?? { unit, answers: 0, correct: 0 };
    u.answers += 1;
    if (correct) u.correct += 1;
    map.set(unit, u);
  };

  for (const r of rows) {
    const ok = r.correct === 1;
    const personKey = `${r.platform}\u0000${r.personId}`;
    questions.add(r.questionId);
    const groupKey = `${r.platform}\u0000${r.conversationId}`;
    if (!groups.has(groupKey) || r.conversationName) groups.set(groupKey, { platform: r.platform, conversationId: r.conversationId, name: r.conversationName });

    const dayKey = localDay(r.at, options.timeZone);
    const d = days.get(dayKey) ?? { day: dayKey, people: 0, answers: 0, correct: 0, who: new Set<string>() };
    d.answers += 1;
    if (ok) d.correct += 1;
    d.who.add(personKey);
    d.people = d.who.size;
    days.set(dayKey, d);

    const p = people.get(personKey) ?? {
      platform: r.platform, personId: r.personId, name: r.personName ?? r.personId, answers: 0, correct: 0, points: 0,
      streak: 0, bestStreak: 0, unit: r.unit, lastAt: r.at,
    };
    p.answers += 1;
    if (ok) p.correct += 1;
    p.points += r.points;
    if (r.personName) p.name = r.personName;
    p.lastAt = r.at;
    people.set(personKey, p);

    const clause = clauseById.get(r.clauseId);
    const c = clauses.get(r.clauseId) ?? {
      clauseId: r.clauseId, path: clause?.path ?? r.clauseId, opening: clause ? opening(clause.text) : null, answers: 0, wrong: 0, wrongUnits: [], wrongBy: new Map<string, number>(),
    };
    c.answers += 1;
    if (!ok) {
      c.wrong += 1;
      if (r.chosen) c.wrongBy.set(r.chosen, (c.wrongBy.get(r.chosen) ?? 0) + 1);
    }
    clauses.set(r.clauseId, c);

    tally(asked, r.answer, ok);
    if (r.unit) tally(ofPeople, r.unit, ok);
  }

  for (const p of people.values()) {
    const times = (correctAt.all(p.platform, p.personId, options.now - 400 * 86_400_000) as Array<{ at: number }>).map((t) => t.at);
    const s = streakOf(times, options.now, options.timeZone);
    p.streak = s.current;
    p.bestStreak = s.best;
  }

  const byAccuracy = (a: UnitRow, b: UnitRow) => a.correct / a.answers - b.correct / b.answers || b.answers - a.answers || a.unit.localeCompare(b.unit);
  return {
    generatedAt: options.now,
    timeZone: options.timeZone,
    ...(options.since !== undefined ? { since: options.since } : {}),
    ...(options.group !== undefined ? { group: options.group } : {}),
    groups: [...groups.values()],
    totals: { answers: rows.length, correct: rows.filter((r) => r.correct === 1).length, people: people.size, questions: questions.size },
    days: [...days.values()].map(({ who: _who, ...d }) => d).sort((a, b) => a.day.localeCompare(b.day)),
    people: [...people.values()].sort((a, b) => b.points - a.points || b.correct - a.correct || a.name.localeCompare(b.name)),
    weakClauses: [...clauses.values()]
      .filter((c) => c.wrong > 0)
      .map(({ wrongBy, ...c }) => ({ ...c, wrongUnits: [...wrongBy].map(([unit, count]) => ({ unit, count })).sort((a, b) => b.count - a.count || a.unit.localeCompare(b.unit)) }))
      .sort((a, b) => b.wrong - a.wrong || b.wrong / b.answers - a.wrong / a.answers || a.path.localeCompare(b.path)),
    unitsAsked: [...asked.values()].sort(byAccuracy),
    unitsOfPeople: [...ofPeople.values()].sort(byAccuracy),
  };
}

const OPENING_CHARS = 28;
function opening(text: string): string {
  return text.length <= OPENING_CHARS ? text : `${text.slice(0, OPENING_CHARS)}……`;
}
