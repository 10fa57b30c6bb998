// One presentation model of a Reply, shared by every renderer (plain text, Slack blocks, markdown):
// what a reply shows is decided here once — which clauses, the 「本条未标注责任单位」 note, how a
// related clause from another document is labelled, how a long clause is excerpted. Renderers only
// lay it out in their platform's syntax.
import type { Answer, Reply } from './types.js';

/** Shown instead of units when a clause names none (its annotation was lost, or it never had one). */
export const NO_UNITS_NOTE = '本条未标注责任单位';
export const RELATED_HEADING = '相关条款';

export type ReplyView =
  /** Nothing answers: the refusal line and example questions. */
  | { kind: 'refusal'; head: string; suggestions: string[] }
  /** A unit was asked about, but no clause names it. */
  | { kind: 'no-duties'; line: string }
  | {
      kind: 'clauses';
      clauses: ClauseView[];
      related: RelatedView[];
      /** One line when the answer is only the nearest clause (confidence low): chat shows it first. */
      note?: string;
      /** 那配合的呢 / 那网信办呢: the part of the clause asked about, shown first. */
      focus?: string;
    }
  | { kind: 'duties'; unit: string; lead: number; cooperate: number; clauses: ClauseView[]; related: RelatedView[]; digest: Digest };

export interface ClauseView {
  answer: Answer;
  /** Document name, outline path, section title. */
  documentName: string;
  path: string;
  title: string;
  lead: string[];
  cooperate: string[];
  /** NO_UNITS_NOTE when the clause names no unit. */
  unitsNote?: string;
  /** In a unit's duty list: what the unit does here. */
  role?: '负责' | '配合';
}

export interface RelatedView {
  answer: Answer;
  /** 「示例县细则 二（一）1」: the document is named only when it is not the main answer's. */
  label: string;
  /** 「负责：…；配合：…」, '' when the clause names no unit. */
  units: string;
}

export function viewReply(reply: Reply): ReplyView {
  // Several units with no clause in those roles still get their digest (where they all have one).
  if (reply.intent === 'unit-duties' && reply.units && reply.unit) {
    return { kind: 'duties', unit: reply.unit, lead: 0, cooperate: 0, clauses: reply.answers.map(viewClause), related: [], digest: unitDigest(reply) };
  }
  if (!reply.answers.length && reply.intent === 'unit-duties' && reply.unit) {
    return { kind: 'no-duties', line: `实施细则中没有标注由${reply.unit}负责或配合的条款。` };
  }
  if (!reply.answers.length) {
    const head =
      reply.intent === 'empty'
        ? '请输入问题，例如：'
        : '实施细则里没有找到与这个问题对应的条款（本助手只回答福建省反拐实施细则中的责任分工）。可以这样问：';
    return { kind: 'refusal', head, suggestions: reply.suggestions ?? [] };
  }
  const main = reply.answers[0]?.documentName;
  const related = reply.related.map((r) => viewRelated(r, main));
  if (reply.intent === 'unit-duties' && reply.unit) {
    const lead = reply.answers.filter((a) => a.role === 'lead').length;
    const digest = unitDigest(reply);
    return { kind: 'duties', unit: reply.unit, lead, cooperate: reply.answers.length - lead, clauses: reply.answers.map(viewClause), related, digest };
  }
  const note = lowConfidenceNote(reply);
  const focus = focusLine(reply);
  return { kind: 'clauses', clauses: reply.answers.map(viewClause), related, ...(note ? { note } : {}), ...(focus ? { focus } : {}) };
}

export function viewClause(a: Answer): ClauseView {
  return {
    answer: a,
    // The version quoted is named with the document: 省实施细则（2021年版）.
    documentName: a.documentName && a.documentVersion ? `${a.documentName}（${a.documentVersion}）` : a.documentName,
    path: a.path,
    title: a.title,
    lead: a.lead,
    cooperate: a.cooperate,
    ...(!a.lead.length && !a.cooperate.length ? { unitsNote: NO_UNITS_NOTE } : {}),
    ...(a.role ? { role: a.role === 'lead' ? ('负责' as const) : ('配合' as const) } : {}),
  };
}

function viewRelated(r: Answer, mainDocument: string | undefined): RelatedView {
  // A related clause from another document (a county's, the province's) says whose it is.
  const doc = r.documentName && r.documentName !== mainDocument ? `${r.documentName} ` : '';
  return { answer: r, label: `${doc}${r.path || r.id}`, units: unitsLine(r) };
}

export function unitsLine(a: Pick<Answer, 'lead' | 'cooperate'>): string {
  const parts = [];
  if (a.lead.length) parts.push(`负责：${a.lead.join('、')}`);
  if (a.cooperate.length) parts.push(`配合：${a.cooperate.join('、')}`);
  return parts.join('；');
}

const MAX_TITLE_CHARS = 24;

/** Some section titles are whole sentences; the number already locates the clause. */
export function shortTitle(title: string): string {
  const chars = Array.from(title);
  return chars.length > MAX_TITLE_CHARS ? `${chars.slice(0, MAX_TITLE_CHARS).join('')}…` : title;
}

/** The hint that ends an excerpt: the full text is one question away. */
export const fullTextHint = (path: string) => `（全文请问「${path}」）`;

/**
 * The clause text, cut to `max` characters when longer: the opening and the sentence the question is
 * about (办公室设在省公安厅 sits at the end of 一（二）), then a hint how to get the rest.
 */
export function excerpt(text: string, max: number, path: string, question: string): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const hint = fullTextHint(path);
  const sentences = text.split(/(?<=。)/).filter((s) => s !== '');
  const best = bestSentence(sentences, question);
  if (best > 0) {
    const first = sentences[0] ?? '';
    const chosen = sentences[best] ?? '';
    if (Array.from(first).length + Array.from(chosen).length <= max) return `${first}……${chosen}……${hint}`;
    if (Array.from(chosen).length <= max) return `……${chosen}……${hint}`;
  }
  return `${chars.slice(0, max).join('')}……${hint}`;
}

/** Index of the sentence sharing most two-character pieces with the question (-1 when none). */
function bestSentence(sentences: string[], question: string): number {
  const q = Array.from(question);
  const pieces = new Set(q.slice(0, -1).map((c, i) => c + q[i + 1]));
  let best = -1;
  let bestScore = 1; // at least two shared pieces, so one common word does not pick a sentence
  sentences.forEach((s, i) => {
    let score = 0;
    for (const p of pieces) if (s.includes(p)) score++;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

/** Chat replies cut clause text to this many characters; 全文 shows the rest. */
export const CHAT_EXCERPT_CHARS = 120;
/** Asking for a clause by number shows it whole when the lookup finds only a few. */
const WHOLE_LOOKUP_MAX = 3;

/** How many characters of clause text a chat reply shows (every chat renderer agrees). */
export function chatExcerptChars(reply: Reply): number {
  const whole = reply.intent === 'clause-lookup' && reply.answers.length <= WHOLE_LOOKUP_MAX;
  return whole ? Number.POSITIVE_INFINITY : CHAT_EXCERPT_CHARS;
}

/** A clause shown in full (全文), as a one-clause reply. */
export function fullClauseReply(clause: Answer): Reply {
  return { question: clause.path, intent: 'clause-lookup', answers: [clause], related: [] };
}

/** Longest a digest may be (a chat message people read, not a wall). */
export const DIGEST_MAX_CHARS = 2000;
/** A digest line's short title: the clause's opening words, at most this long. */
const DIGEST_TITLE_CHARS = 20;

export interface DigestItem {
  /** What the reader replies to see the clause in full. */
  n: number;
  answer: Answer;
  /** 「3. 二（一）2（2） 强化娱乐服务场所经营管理和备案工作」 */
  line: string;
}
/** A unit's duties as chat shows them: counts, then one numbered line per clause, the role asked first. */
export interface Digest {
  header: string;
  groups: Array<{ label: string; items: DigestItem[] }>;
  /** Clauses left out to stay under DIGEST_MAX_CHARS. */
  omitted: number;
  footer: string;
}

const ROLE_NAME = { lead: '负责', cooperate: '配合' } as const;

/** The opening words of a clause, verbatim, cut at its first pause and at DIGEST_TITLE_CHARS. */
export function clauseShortTitle(a: Answer): string {
  const first = a.text.split(/[，。；：]/u)[0] ?? a.text;
  const chars = Array.from(first);
  return chars.length > DIGEST_TITLE_CHARS ? `${chars.slice(0, DIGEST_TITLE_CHARS - 1).join('')}…` : first;
}

/** The clauses a digest numbers, in its order (a reply of 3 shows the third); [] for other replies. */
export function digestClauses(reply: Reply): Answer[] {
  if (reply.intent !== 'unit-duties') return [];
  return reply.answers.length ? reply.answers : reply.units ? reply.related : [];
}

export function unitDigest(reply: Reply): Digest {
  const shown = digestClauses(reply);
  const joint = (reply.units?.length ?? 0) > 1;
  const nLead = reply.answers.filter((a) => a.role === 'lead').length;
  const who = (u: { unit: string; role?: 'lead' | 'cooperate' }) => `${u.unit}${u.role ? ROLE_NAME[u.role] : ''}`;
  const header = joint
    ? reply.answers.length
      ? `${reply.units!.map(who).join('、')}的条款：${reply.answers.length} 项。`
      : `没有${reply.units!.map(who).join('、')}的条款。${reply.related.length ? `它们都有职责的条款有 ${reply.related.length} 项：` : ''}`
    : `${reply.unit}：负责 ${nLead} 项，配合 ${reply.answers.length - nLead} 项。`;
  const groups: Digest['groups'] = [];
  let used = header.length + 40;
  let omitted = 0;
  shown.forEach((answer, i) => {
    const label = joint ? (reply.answers.length ? '' : '都有职责') : ROLE_NAME[answer.role ?? 'lead'];
    const line = `${i + 1}. ${answer.path} ${clauseShortTitle(answer)}`;
    if (used + line.length + 1 > DIGEST_MAX_CHARS) {
      omitted++;
      return;
    }
    used += line.length + 1;
    let group = groups[groups.length - 1];
    if (!group || group.label !== label) groups.push((group = { label, items: [] }));
    group.items.push({ n: i + 1, answer, line });
  });
  const footer = shown.length ? `回复编号看全文（如「1」）${omitted ? `；另有 ${omitted} 项未列出` : ''}。` : '';
  return { header, groups, omitted, footer };
}

/** One line saying the answer is only the nearest clause, or undefined when it is sure. */
export function lowConfidenceNote(reply: Reply): string | undefined {
  const top = reply.answers[0];
  if (!top || top.confidence !== 'low' || reply.intent === 'unit-duties') return undefined;
  const read = reply.corrected?.length ? `（按${reply.corrected.map((c) => `「${c.read}」`).join('、')}理解）` : '';
  return `最接近的条款是 ${top.path}${read}，如果不对请回复「不对」。`;
}

/** 那配合的呢 / 那网信办呢: the part of the clause asked about. */
export function focusLine(reply: Reply): string | undefined {
  const top = reply.answers[0];
  if (!top || !reply.focus) return undefined;
  const { role, unit } = reply.focus;
  if (unit) {
    const r = top.lead.includes(unit) ? '负责' : top.cooperate.includes(unit) ? '配合' : undefined;
    return r ? `${unit}在 ${top.path} 中：${r}。` : `${top.path} 没有标注${unit}。`;
  }
  if (!role) return undefined;
  const names = role === 'lead' ? top.lead : top.cooperate;
  return names.length ? `${top.path} 的${ROLE_NAME[role]}单位：${names.join('、')}。` : `${top.path} 没有标注${ROLE_NAME[role]}单位。`;
}
