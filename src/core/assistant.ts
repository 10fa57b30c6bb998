// The one entry point every adapter calls: a question in, a Reply out.
import type { Clause, KnowledgeBase } from '../knowledge/types.js';
import type { Answer, Confidence, Reply, Role } from './types.js';
import { createAnalyser, QUESTIONS_REMEMBERED } from './analyser.js';
import { createClauseIndex, DEFAULT_WEIGHTS, type Hit, type IndexWeights } from './clause-index.js';
import { findPath, pathCovers, pathKey } from './clause-path.js';
import type { Explanation, Route } from './explanation.js';
import { asksOrganisation, QUOTED, withoutDocumentName } from './intent.js';
import { compactText, normaliseText } from './normalise.js';
import { longestCommonRun } from './quote.js';
import { createQuoteCandidates } from './quote-candidates.js';
import { documentLevel, findLevel } from './level.js';
import { createJiebaTokenizer, type Tokenizer } from './tokenizer.js';
import { createUnitFinder, type UnitMention } from './unit-finder.js';
import { createUnitLevels } from './unit-levels.js';
import { remembered } from './remembered.js';
import { createTypoCorrector } from './typo-corrector.js';
import { createExampleMatcher } from './example-matcher.js';
import { asksOtherThanWho, asksWho, createOutsideScope, withoutProvinces, type OutsideReason } from './outside-scope.js';
import type { Vocabulary } from '../knowledge/types.js';
import { createContextRewriter, createRoleFinder, plainSynonyms } from './staff-words.js';

export interface AssistantOptions {
  kb: KnowledgeBase;
  /** Defaults to nodejieba with the knowledge base's words added. */
  tokenizer?: Tokenizer;
  weights?: IndexWeights;
  /**
   * Minimum share of the question's topic words the best clause must contain; below it the
   * question is refused. Chosen on the eval set (`npm run eval -- --sweep`).
   */
  minCoverage?: number;
  /** Defaults to the knowledge base's own (knowledge/vocabulary.yaml). */
  vocabulary?: Vocabulary;
  /** Staff questions per clause id; defaults to the knowledge base's own (knowledge/examples.yaml). */
  examples?: Readonly<Record<string, readonly string[]>>;
}

export interface Assistant {
  ask(question: string): Reply;
  /**
   * Clauses that also touch the question, weaker than related ones (还有呢 shows them one by one),
   * best first, without the ones given.
   */
  more(question: string, shown: readonly string[]): Answer[];
  /** The words that name each role (vocabulary.yaml roles). */
  roleWords(): { lead: readonly string[]; cooperate: readonly string[] };
  /** The words a question is about (for follow-ups: 那跨国的呢 keeps the rest of the last topic). */
  topicWords(question: string): string[];
  getClause(id: string): Answer | undefined;
  /** The same answer as ask(), with the ranking behind it (hit testing). */
  explain(question: string): Explanation;
}

/** What one ask() went through, filled in as it goes (read by explain()). */
interface Trace {
  route: Route;
  level?: { named: string; restricted: boolean };
  units: Array<{ alias: string; unit: string }>;
  /** Why the question was refused before searching, when it names what the document cannot have. */
  outside?: OutsideReason;
  /** The text that was searched, and what the search ranked. */
  searched?: string;
  hits: Hit[];
  /** Hit testing: keep the hits too weak to answer, with the terms each matched; ask() needs neither. */
  hitTesting: boolean;
}

/**
 * Middle of the plateau (0.55–0.65) where the sweep keeps both in-scope accuracy and refusals
 * at their best; below 0.55 refusals collapse, above 0.65 right answers start being refused.
 */
export const DEFAULT_MIN_COVERAGE = 0.6;
/** What the rules say asked (细则里怎么规定的, 有没有要求, 文件怎么说): the part of a story that asks. */
const RULES_SAY_ASKED = /(怎么|如何|咋)(规定|要求|说)|(什么|啥)要求|有没有要求|说法/;
/**
 * A story: this many parts at least; its clause covers this much and scores this many times the
 * next (chosen on the tuning half and 1,420 probe questions out of scope: none let through).
 */
const STORY_PARTS = 3;
const STORY_COVERAGE = 0.3;
const STORY_LEAD = 3;
/** Right before a role word, denies it (不牵头, 没负责). */
const DENIED = /(?:不|没|没有|非|并非|不是)$/;
/** A quote must share this many characters with a clause (fewer if it is in quotation marks). */
const QUOTE_RUN = 12;
const QUOTED_RUN = 6;
/** A related clause must score at least this share of the best one. */
const RELATED_SHARE = 0.5;
/**
 * A search answer is sure (confidence high) when its clause covers this much of the question and
 * no other clause with other units scores within CLOSE_SHARE of it. Chosen on the tuning half.
 */
const SURE_COVERAGE = 0.75;
/** 还有呢 offers clauses covering at least this much of the question, at most MORE_LIMIT of them. */
const MORE_COVERAGE = 0.3;
const MORE_LIMIT = 5;
const CLOSE_SHARE = 0.8;

export function createAssistant(options: AssistantOptions): Assistant {
  const { kb } = options;
  const vocabulary = options.vocabulary ?? kb.vocabulary;
  // Words with one sense map everywhere; a word with two maps only in context.
  const synonyms = plainSynonyms(vocabulary);
  const inContext = createContextRewriter(vocabulary);
  const roles = createRoleFinder(vocabulary);
  const QUESTION_WORDS = vocabulary.questionWords;
  const minCoverage = options.minCoverage ?? DEFAULT_MIN_COVERAGE;
  const suggestions = [...vocabulary.suggestions];
  const units = createUnitFinder(kb.units);
  const unitLevels = createUnitLevels(kb.units);
  const docLevels = new Map(kb.documents.map((d) => [d.id, documentLevel(d.level)]));

  const tokenizer = options.tokenizer ?? createJiebaTokenizer();
  tokenizer.addWords?.(vocabularyOf(kb, units.words(), vocabulary));

  // Role words say who, never what about (打配合, 搭把手): no topic either.
  const analyser = createAnalyser({ tokenizer, units, synonyms, questionWords: [...QUESTION_WORDS, ...vocabulary.roles.lead, ...vocabulary.roles.cooperate] });
  // Examples are read as questions are: staff words in context become the document's.
  const examples = createExampleMatcher(options.examples ?? kb.examples ?? {}, analyser, (q) => inContext(normaliseText(q)));
  const index = createClauseIndex(kb.clauses, analyser, options.weights ?? DEFAULT_WEIGHTS, examples);
  const docNames = new Map(kb.documents.map((d) => [d.id, d.shortName]));
  const docVersions = new Map(kb.documents.flatMap((d) => (d.version ? [[d.id, d.version] as const] : [])));
  const byId = new Map(kb.clauses.map((c) => [c.id, c]));
  // Worked out once: a clause-number question would otherwise normalise every clause's path.
  const pathKeys = new Map(kb.clauses.map((c) => [c, pathKey(c.path)]));
  const compactClauses = kb.clauses.map((c) => ({ clause: c, compact: compactText(c.text) }));
  const documentText = compactClauses.map((c) => c.compact).join('|');
  const quoteCandidates = createQuoteCandidates(compactClauses.map((c) => c.compact), QUOTED_RUN);
  /**
   * Some aliases are also ordinary words (教育 in 反拐教育): a mention that, with two characters
   * of its neighbours, stands verbatim in the document is that word, not the unit.
   */
  const questionWords = new Set(QUESTION_WORDS.map(normaliseText));
  // Neighbours that are question words (公安机关|负责什么) never make an ordinary word.
  const asksAfter = (s: string) => [1, 2].some((n) => questionWords.has(s.slice(0, n)));
  const asksBefore = (s: string) => [1, 2].some((n) => s.length >= n && questionWords.has(s.slice(-n)));
  const namesUnit = (norm: string, m: UnitMention, all: readonly UnitMention[] = []): boolean => {
    // Another unit right beside it (法院检察院) is no ordinary word's other half.
    const before = all.some((o) => o.end === m.start) ? '' : norm.slice(Math.max(0, m.start - 2), m.start);
    const after = all.some((o) => o.start === m.end) ? '' : norm.slice(m.end, m.end + 2);
    const glued = [asksBefore(before) || !before ? '' : before + m.alias, asksAfter(after) || !after ? '' : m.alias + after];
    return !glued.some((w) => w.length > m.alias.length && documentText.includes(w));
  };

  const toAnswer = (clause: Clause, score: number, confidence: Confidence, role?: Answer['role']): Answer => ({
    id: clause.id,
    document: clause.document,
    documentName: docNames.get(clause.document) ?? '',
    ...(docVersions.has(clause.document) ? { documentVersion: docVersions.get(clause.document) as string } : {}),
    path: clause.path,
    title: sectionTitle(clause),
    text: clause.text,
    lead: [...clause.lead],
    cooperate: [...clause.cooperate],
    responsibility: clause.responsibility,
    score: round(score),
    ...(role ? { role } : {}),
    confidence,
  });

  const roleWords = [...vocabulary.roles.lead, ...vocabulary.roles.cooperate];
  const outsideScope = createOutsideScope({
    isKnown: (w) => units.canonical(w) !== undefined || known.has(w),
    inDocuments: (w) => documentText.includes(w),
    outsideWords: vocabulary.outsideWords,
  });

  const refuse = (question: string, intent: 'out-of-scope' | 'empty'): Reply => ({
    question,
    intent,
    answers: [],
    related: [],
    suggestions,
  });

  /** Best hit if it covers enough of the question, plus up to two related hits. */
  const fromHits = (question: string, intent: Reply['intent'], hits: Hit[], allDocuments = false): Reply => {
    const good = hits.filter((h) => h.coverage >= minCoverage);
    const best = good[0];
    if (!best) return refuse(question, 'out-of-scope');
    // With several documents and no level named, each other document's best clause is shown too,
    // so a county's rule never hides the province's (or the reverse).
    const otherDocuments = allDocuments
      ? [...new Map(good.filter((h) => h.clause.document !== best.clause.document).reverse().map((h) => [h.clause.document, h])).values()]
          .sort((a, b) => b.score - a.score)
      : [];
    const related = [
      ...otherDocuments,
      ...good.slice(1).filter((h) => h.score >= best.score * RELATED_SHARE && !otherDocuments.includes(h)),
    ]
      .slice(0, 2)
      .map((h) => toAnswer(h.clause, h.score, 'low'));
    const sameUnits = (h: Hit) =>
      h.clause.lead.join() === best.clause.lead.join() && h.clause.cooperate.join() === best.clause.cooperate.join();
    const close = good.slice(1).some((h) => h.score >= best.score * CLOSE_SHARE && !sameUnits(h));
    const sure = best.coverage >= SURE_COVERAGE && !close;
    return { question, intent, answers: [toAnswer(best.clause, best.score, sure ? 'high' : 'low')], related };
  };

  const byPath = (question: string, norm: string, inLevel?: (c: Clause) => boolean): Reply | null => {
    const key = findPath(norm);
    if (!key) return null;
    const clauses = inLevel ? kb.clauses.filter(inLevel) : kb.clauses;
    const exact = clauses.filter((c) => pathKeys.get(c) === key);
    const under = exact.length ? exact : clauses.filter((c) => pathCovers(key, pathKeys.get(c)!));
    if (!under.length) return null;
    return { question, intent: 'clause-lookup', answers: under.map((c) => toAnswer(c, 1, 'high')), related: [] };
  };

  const byQuote = (question: string, norm: string): Reply | null => {
    const q = compactText(norm);
    const need = QUOTED.test(question) ? QUOTED_RUN : QUOTE_RUN;
    if (q.length < need) return null;
    let best: { clause: Clause; run: number } | null = null;
    // Only a clause holding both ends of such a run can share it; same order.
    for (const i of quoteCandidates.of(q, need)) {
      const { clause, compact } = compactClauses[i];
      const run = longestCommonRun(q, compact);
      if (run >= need && (!best || run > best.run)) best = { clause, run };
    }
    if (!best) return null;
    return { question, intent: 'clause-lookup', answers: [toAnswer(best.clause, best.run / q.length, 'high')], related: [] };
  };

  const unitDuties = (question: string, norm: string, unit: string): Reply => {
    const lead = kb.clauses.filter((c) => c.lead.includes(unit)).map((c) => toAnswer(c, 1, 'high', 'lead'));
    const coop = kb.clauses.filter((c) => c.cooperate.includes(unit)).map((c) => toAnswer(c, 1, 'high', 'cooperate'));
    const asked = askedRole(norm);
    const answers = asked === 'cooperate' ? [...coop, ...lead] : [...lead, ...coop];
    return { question, intent: 'unit-duties', unit, answers, related: [], ...(asked ? { askedRole: asked } : {}) };
  };

  /**
   * The role a unit question asks about: 配合/协助 → cooperate; 牵头/主管 → lead. 负责 and 管 say
   * only "what does it do" (民政厅负责哪些工作 means all of it), so they name no role alone.
   */
  const askedRole = (norm: string): Role | undefined => {
    // 只是配合、不牵头的: a role word denied asks nothing of that role.
    const found = roles.find(norm).filter((r) => !DENIED.test(norm.slice(0, r.start)));
    const lead = found.filter((r) => r.role === 'lead');
    if (found.some((r) => r.role === 'cooperate')) return lead.length || norm.includes('职责') ? undefined : 'cooperate';
    return lead.some((r) => !/^(负责|管)$/.test(norm.slice(r.start, r.end))) ? 'lead' : undefined;
  };

  /**
   * Several units and no topic (教育厅牵头、公安配合的有哪些; 民政和公安一起负责的): the clauses where
   * each plays its role. A unit's role is the first role word after it (A和B一起负责: both lead).
   */
  const jointDuties = (question: string, norm: string, mentions: UnitMention[], unitOf: (m: UnitMention) => string): Reply => {
    const found = roles.find(norm);
    const asked: Array<{ unit: string; role?: Role }> = [];
    for (const [i, m] of mentions.entries()) {
      const unit = unitOf(m);
      if (asked.some((a) => a.unit === unit)) continue;
      let role = found.find((r) => r.start >= m.end)?.role;
      // 人社给民政打配合: the unit helped is the one leading.
      const helper = mentions[i - 1];
      if (role === 'cooperate' && helper && /^(给|帮|替|协助)$/.test(norm.slice(helper.end, m.start))) role = 'lead';
      asked.push({ unit, ...(role ? { role } : {}) });
    }
    const plays = (c: Clause, a: { unit: string; role?: Role }) =>
      a.role === 'lead' ? c.lead.includes(a.unit) : a.role === 'cooperate' ? c.cooperate.includes(a.unit) : c.lead.includes(a.unit) || c.cooperate.includes(a.unit);
    const first = asked[0];
    const roleOf = (c: Clause): Role => (c.lead.includes(first.unit) ? 'lead' : 'cooperate');
    const answers = kb.clauses.filter((c) => asked.every((a) => plays(c, a))).map((c) => toAnswer(c, 1, 'high', roleOf(c)));
    // None in those roles: where they all have some role, for the reader to see why.
    const related = answers.length
      ? []
      : kb.clauses.filter((c) => asked.every((a) => plays(c, { unit: a.unit }))).map((c) => toAnswer(c, 1, 'high', roleOf(c)));
    return { question, intent: 'unit-duties', unit: first.unit, units: asked, answers, related };
  };

  const organisation = (question: string, norm: string, trace: Trace, inLevel?: (c: Clause) => boolean): Reply => {
    const inOrganisation = (c: Clause) => c.path.startsWith('一') && (!inLevel || inLevel(c));
    trace.searched = `${norm} ${organisationTopic(norm)}`;
    const hits = index.search(trace.searched, { filter: inOrganisation, matches: trace.hitTesting });
    trace.hits = hits;
    if (hits.length) {
      const [best, ...rest] = hits;
      return {
        question,
        intent: 'organisation',
        answers: [toAnswer(best.clause, best.score, 'high')],
        related: rest.slice(0, 2).map((h) => toAnswer(h.clause, h.score, 'low')),
      };
    }
    const all = kb.clauses.filter(inOrganisation).map((c) => toAnswer(c, 1, 'low'));
    return { question, intent: 'organisation', answers: all, related: [] };
  };

  const newTrace = (hitTesting = false): Trace => ({ route: 'search', units: [], hits: [], hitTesting });

  // Typos are looked for only in a question refused as typed, and never in what the document or
  // the vocabulary has: a word staff type correctly is never read as another.
  const known = new Set([...units.words(), ...QUESTION_WORDS, ...Object.keys(vocabulary.synonyms)].map(normaliseText));
  const unitWordSet = new Set(units.words());
  const typos = createTypoCorrector({
    targets: () => [
      ...units.words(),
      // 负则, 付责: the role words are typed wrong like any other.
      ...vocabulary.roles.lead,
      ...vocabulary.roles.cooperate,
      ...vocabulary.terms,
      ...Object.entries(vocabulary.synonyms).flatMap(([k, v]) => [k, ...v.means]),
      ...kb.clauses.flatMap((c) => analyser.tokenize(c.text)).filter((w) => [...w].length >= 3),
    ],
    isKnown: (piece) => known.has(piece) || documentText.includes(piece),
    preferred: (word) => documentText.includes(word),
    byShape: (w) => !unitWordSet.has(w),
    askingWords: QUESTION_WORDS,
    words: (text) => analyser.tokenize(text),
  });

  // Per question, once: refused questions recur (the pinyin of each is not free).
  const correctTypos = remembered((q: string) => typos.correct(q), QUESTIONS_REMEMBERED);

  /** ask(), and when the question is refused as typed, once more with its typos read as document words. */
  const answer = (question: string, trace: Trace): Reply => {
    const reply = route(question, trace);
    // Refused as typed, or answered unsure by search (连席会议 found 联席会议's other clause): read
    // the typos; an unsure answer gives way only to a sure one.
    // A question refused for what it asks (facts, another province, writing) is not read again: only
    // an unknown unit may be a typo (公按厅).
    const refused = !reply.answers.length && reply.intent === 'out-of-scope' && (!trace.outside || trace.outside.kind === 'unknown-unit');
    const unsure = reply.intent === 'responsibility' && reply.answers[0]?.confidence === 'low';
    if (!refused && !unsure) return reply;
    const norm = normaliseText(question);
    if (refused) {
      const part = askedPart(norm);
      if (part) {
        const partTrace = newTrace(trace.hitTesting);
        const second = route(part, partTrace);
        if (second.answers.length && second.intent === 'responsibility') {
          Object.assign(trace, partTrace);
          return { ...second, question, answers: second.answers.map((a) => ({ ...a, confidence: 'low' as const })) };
        }
      }
    }
    if (refused && trace.route === 'search') {
      const story = storyClause(question, trace);
      if (story) return story;
    }
    const fixed = correctTypos(norm);
    if (!fixed) return reply;
    const retrace = newTrace(trace.hitTesting);
    const second = route(fixed.text, retrace);
    if (!second.answers.length) return reply;
    if (unsure && (second.answers[0]!.confidence !== 'high' || second.answers[0]!.id === reply.answers[0]!.id)) return reply;
    Object.assign(trace, retrace);
    return {
      ...second,
      question,
      answers: second.answers.map((a) => ({ ...a, confidence: 'low' as const })),
      corrected: fixed.corrections,
    };
  };

  /** The parts of a question between punctuation (a story's sentences; 、 lists, it does not part). */
  const partsOf = (norm: string) => norm.split(/[,.;!?\s，。；！？]+/u).filter(Boolean);

  /**
   * 我们镇上有个黑中介，专门招年轻姑娘说去外地厂里上班，这种非法职业中介的清理整治归谁管: a story
   * told before the question, whose words the clause need not hold. The part that asks who (with the
   * part before it when it names nothing specific itself), when there is a story before it.
   */
  const askedPart = (norm: string): string | null => {
    const parts = partsOf(norm);
    if (parts.length < 2) return null;
    let at = parts.length - 1;
    while (at >= 0 && !(asksWho(parts[at]!, roleWords) || RULES_SAY_ASKED.test(parts[at]!))) at--;
    if (at < 1) return null;
    // Two topic words at least, one of them specific: one word alone (投诉) finds too much.
    const enough = (text: string) => index.hasTopic(text, true) && analyser.topicWords(text).length >= 2;
    const alone = parts[at]!;
    if (enough(alone)) return alone;
    const withBefore = `${parts[at - 1]} ${alone}`;
    return at >= 2 && enough(withBefore) ? withBefore : null;
  };

  /**
   * 我在婚姻登记处上班，今天来登记的一个女的…怀疑是被拐来的，我们该怎么处理，谁负责: a story of several
   * parts asking who, refused for its story words, whose words one clause holds far more of than any
   * other: that clause, unsure.
   */
  const storyClause = (question: string, trace: Trace): Reply | null => {
    const norm = trace.searched;
    if (norm === undefined) return null;
    const parts = partsOf(norm);
    if (parts.length < STORY_PARTS || !parts.some((p) => asksWho(p, roleWords))) return null;
    const hits = index.search(norm, { minCoverage: STORY_COVERAGE });
    const [best, next] = hits;
    if (!best || best.coverage < STORY_COVERAGE || (next && best.score < next.score * STORY_LEAD)) return null;
    trace.hits = hits;
    return { question, intent: 'responsibility', answers: [toAnswer(best.clause, best.score, 'low')], related: [] };
  };

  const route = (question: string, trace: Trace): Reply => {
    const full = normaliseText(question);
    if (!compactText(full)) {
      trace.route = 'empty';
      return refuse(question, 'empty');
    }
    // 县里… / 省里…: the level words go, and that level's documents answer if there are any.
    const named = findLevel(full);
    let norm = named ? named.rest : full;
    const restricted = named !== null && [...docLevels.values()].includes(named.level);
    const inLevel = restricted ? (c: Clause) => docLevels.get(c.document) === named?.level : undefined;
    if (named) trace.level = { named: named.level, restricted };

    const path = byPath(question, norm, inLevel);
    const lookup = path ?? byQuote(question, full);
    if (lookup) {
      trace.route = path ? 'clause-path' : 'quote';
      return lookup;
    }

    norm = inContext(norm);
    const found = units.find(norm);
    const mentions = found.filter((m) => namesUnit(norm, m, found));
    // 县里民政局: the alias 民政局 is the province's unit; the question means the county's.
    const unitOf = (m: UnitMention) => (named ? unitLevels.at(m.unit, named.level) : m.unit);
    trace.units = mentions.map((m) => ({ alias: m.alias, unit: unitOf(m) }));
    let rest = norm;
    for (const m of [...mentions].reverse()) rest = rest.slice(0, m.start) + ' ' + rest.slice(m.end);

    const outside = outsideScope.find({
      text: norm,
      asTyped: full,
      topicWords: analyser.topicWords(rest).map((w) => w.word),
      unitStarts: found.map((m) => m.start),
      unitQuestion: () => mentions.length > 0 && !index.hasTopic(withoutProvinces(rest)),
    });
    if (outside) {
      trace.route = 'outside';
      trace.outside = outside;
      return refuse(question, 'out-of-scope');
    }
    if (asksOrganisation(rest, mentions.length > 0)) {
      // 我们县的联席会议召集人: a level below the province without its own document has its own
      // joint meeting, which the province's rules do not set up (unless the province's is asked too).
      if (named && !restricted && named.level !== '省' && !full.includes('省')) {
        trace.route = 'outside';
        trace.outside = { kind: 'other-level', word: named.level };
        return refuse(question, 'out-of-scope');
      }
      trace.route = 'organisation';
      return organisation(question, norm, trace, inLevel);
    }
    // A unit and nothing else to go on: the question is about that unit's duties (two or more: the
    // clauses they share, in the roles asked).
    const asked = withoutDocumentName(rest);
    if (mentions.length && (!index.hasTopic(asked, true) || analyser.onlyAsks(asked))) {
      trace.route = 'unit-duties';
      if (new Set(mentions.map(unitOf)).size > 1) return jointDuties(question, norm, mentions, unitOf);
      return unitDuties(question, norm, unitOf(mentions[0]));
    }
    if (!index.hasTopic(norm)) {
      trace.route = 'no-topic';
      return refuse(question, 'out-of-scope');
    }
    // A unit named (住建厅在街面救助里干啥) asks its part: a who question.
    if (!mentions.length && asksOtherThanWho(full, roleWords)) {
      trace.route = 'outside';
      trace.outside = { kind: 'not-who', word: '' };
      return refuse(question, 'out-of-scope');
    }
    trace.route = 'search';
    trace.searched = norm;
    const wanted = { minCoverage: trace.hitTesting ? undefined : minCoverage, matches: trace.hitTesting };
    trace.hits = index.search(norm, { filter: inLevel, ...wanted });
    // Nothing at the named level: the other documents may still say it (the answer names its document).
    if (inLevel && !trace.hits.some((h) => h.coverage >= minCoverage)) {
      trace.hits = index.search(norm, wanted);
      if (trace.level) trace.level.restricted = false;
    }
    return fromHits(question, 'responsibility', trace.hits, !inLevel && kb.documents.length > 1);
  };

  return {
    getClause(id) {
      const c = byId.get(id);
      return c ? toAnswer(c, 1, 'high') : undefined;
    },
    ask: (question) => answer(question, newTrace()),
    roleWords: () => vocabulary.roles,
    more(question, shown) {
      const trace = newTrace(true);
      answer(question, trace);
      return trace.hits
        .filter((h) => h.coverage >= MORE_COVERAGE && !shown.includes(h.clause.id))
        .slice(0, MORE_LIMIT)
        .map((h) => toAnswer(h.clause, h.score, 'low'));
    },
    topicWords: (question) => analyser.topicWords(inContext(normaliseText(question))).map((w) => w.word),
    explain(question) {
      const trace = newTrace(true);
      const reply = answer(question, trace);
      return {
        question,
        normalised: normaliseText(question),
        ...(trace.level ? { level: trace.level } : {}),
        units: trace.units,
        route: trace.route,
        ...(trace.outside ? { outside: trace.outside } : {}),
        topicWords: trace.searched === undefined ? [] : analyser.topicWords(trace.searched).map((w) => w.word),
        minCoverage,
        hits: trace.hits.map((h) => ({
          id: h.clause.id,
          document: h.clause.document,
          path: h.clause.path,
          score: round(h.score),
          coverage: round(h.coverage),
          passes: h.coverage >= minCoverage,
          matched: h.matched ?? {},
          ...(h.example ? { example: h.example } : {}),
        })),
        reply,
      };
    },
  };
}

/**
 * Words the segmenter must keep whole: units, the document's terms, quoted terms, synonyms, and
 * the question words (so 负责什么 comes out as words the stop list knows).
 */
function vocabularyOf(kb: KnowledgeBase, unitWords: string[], v: Vocabulary): string[] {
  const quoted = kb.clauses.flatMap((c) => [...c.text.matchAll(/[“"]([^”"]{2,12})[”"]/g)].map((m) => m[1]));
  const syn = Object.entries(v.synonyms).flatMap(([k, s]) => [k, ...s.means, ...(s.when ?? [])]);
  const roles = [...v.roles.lead, ...v.roles.cooperate];
  return [...new Set([...unitWords, ...v.terms, ...quoted, ...syn, ...v.questionWords, ...roles].map(normaliseText))];
}

/**
 * The document's own word for what an organisation question asks: members are listed after
 * 由以下单位组成, the convenor after 召集人, the office after 办公室设在.
 */
function organisationTopic(norm: string): string {
  if (/召集/.test(norm)) return '召集人';
  if (/办公室|设在|反拐办/.test(norm)) return '办公室';
  if (/哪些|组成|包括|名单|成员有|有谁|几个/.test(norm)) return '组成';
  return '';
}

function sectionTitle(clause: Clause): string {
  // Items such as 2.加大综合整治力度，… are sentences, not names: show the nearest real heading.
  const titled = [...clause.titles].reverse().filter((t) => t.title);
  const nearest = titled.find((t) => !t.title?.includes('，')) ?? titled[0];
  if (!nearest) return '';
  // A top-level heading reads 一、组织机构; deeper ones carry their bracketed number: 二（一）健全…
  return /^[一二三四五六七八九十]+$/.test(nearest.path) ? `${nearest.path}、${nearest.title}` : `${nearest.path}${nearest.title}`;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
