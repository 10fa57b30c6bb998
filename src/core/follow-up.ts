// A message that only makes sense after the last answer: 那配合的呢, 负责的呢, 还有呢, 那民政厅呢,
// 那收养呢, 这条全文, or a number from a digest (回复编号看全文). Given what the conversation last
// got, it becomes a reply of its own; the chat layer keeps that context (src/chat/conversation-memory.ts).
import type { Explanation } from './explanation.js';
import { normaliseText } from './normalise.js';
import type { Answer, Reply, Role } from './types.js';

/** What a conversation remembers of its last answer. */
export interface FollowUpContext {
  /** The question the reply answered (after earlier follow-ups were resolved). */
  question: string;
  reply: Reply;
  /** How many of the reply's answers and related clauses have been shown (还有呢 shows the next). */
  shown: number;
}

/** What follow-ups ask of the assistant (the chat layer's ChatAssistant is one). */
export interface FollowUpAssistant {
  ask(question: string): Reply;
  getClause(id: string): Answer | undefined | null;
  /** For 那跨国的呢: the words a question is about. */
  topicWords?(question: string): string[];
  /** For 还有呢: weaker candidates than the reply's related clauses. */
  more?(question: string, shown: readonly string[]): Answer[];
  /** For 具体是哪些部门: why a message alone was refused (no topic of its own, or a reason). */
  explain?(question: string): Explanation;
}

export type FollowUp =
  /**
   * A new answer; it becomes the conversation's context (`keep`: the reply to remember instead, when
   * the answer is one step through an earlier reply's candidates, with `shown` of them shown).
   */
  | { kind: 'reply'; reply: Reply; question: string; shown?: number; keep?: Reply }
  /** One clause in full. */
  | { kind: 'full'; clause: Answer }
  /** A follow-up with nothing (more) to follow: what to say instead. */
  | { kind: 'nothing'; reason: 'no-context' | 'no-more' | 'no-number' };

const END = '(?:呢|吗|么|嘛|啊|呀|哈|捏|咧|嘞)*';
const FULL = new RegExp(`^(?:把|给我|发我)?(?:这|那|上|上一|刚才|刚刚|前面)?(?:一)?(?:条|个|款)?(?:的)?(?:原文|全文)(?:发|给|发给|给我|发我|看|看看|看下|看一下|我看看|发我看看|发我看下)*${END}$`);
/** 这条具体咋写的，原文贴一下 / 全文发我一下: the clause's text asked in other words around 原文/全文. */
const FULL_WORD = /原文|全文|原话|条文|完整内容/;
const FULL_FILLER = new RegExp(`麻烦|请|帮我|帮忙|把|给我|发我|这条|那条|上一条|刚才|刚刚|前面|具体|咋写|怎么写|写|发|给|贴|看|我|一下|下|出来|完整|整个|这|那|一|条|个|款|的|${END.slice(3, -2)}`, 'g');
const asksFull = (t: string) => FULL.test(t) || (FULL_WORD.test(t) && t.replace(new RegExp(FULL_WORD, 'g'), '').replace(FULL_FILLER, '') === '');
const MORE = new RegExp(`^(?:那)?(?:还有|另外|其他|其它|别的|下一)(?:的|条|个|条款|相关的|哪些|什么|没有|没)*${END}$`);
const NUMBER = /^(?:第)?(\d{1,3})(?:条|个|项)?$/;
const OTHER = new RegExp(`^(?:那|那么|那个|那要是|换成|如果是)?(.{1,16}?)(?:的)?(?:呢|咧|嘞)${END}$`);
const OPENER = /^(?:那|那么|那个)/;
/** 卫健委也掺和吗 / 网信办是配合吗: a yes-or-no about a unit. */
const YES_NO = /(?:吗|么|没有|没|不)$/;
/** 还有别的单位吗 / 还有谁: after a clause, who else takes part in it (the cooperating units). */
const OTHERS = new RegExp(`^(?:那)?(?:还有|另外还有|其他还有)(?:别的|其他|其它)?(?:单位|部门|谁|哪些单位|哪些部门|哪个单位|哪家|哪几家)(?:参与|配合)?(?:没有|没)?${END}$`);
/** 就这两家吗 / 只有这几个单位吗: after a clause, whether anyone else takes part (its cooperating units). */
const JUST_THESE = new RegExp(`^(?:就|只有|就只有)(?:这|这些|这几|这两|这三)(?:家|个|几家|两家)?(?:单位|部门)?${END}$`);
/** 民政也有份 / 那关工委干啥的 / 就司法厅: the part one unit plays in the clause just answered. */
const PART = /(?:也)?(?:有份儿?|有份|参与了?|掺和了?|在列)$/;
const DOES = /(?:是)?(?:干啥|干什么|做什么|做啥|干嘛|管啥|管什么)(?:的)?$/;
const JUST = /^(?:就|只有|就是|只是)/;
/** 团委是牵头还是配合: which of the two roles, a question about the unit's part like a yes-or-no. */
const EITHER = /(?:是|算)?(?:牵头|负责|主责)还是(?:配合|协助|参与)|(?:是|算)?(?:配合|协助|参与)还是(?:牵头|负责|主责)/;
/** 妇联在里面干啥 / 民政在这条里负责什么: a unit's part in the clause just answered. */
const INSIDE = /(?:在)?(?:这条|这一条|这件事|这事|这块|这项|这个)?(?:里面|里头|里边|其中|当中)|在这条|在这事|在这块|在这里|这条里|这事里/g;

export interface RoleWords {
  lead: readonly string[];
  cooperate: readonly string[];
}

function compact(text: string): string {
  return normaliseText(text).replace(/[\s,.!?;:~…、，。！？；：～]+/gu, '');
}

/** 那配合的呢 / 配合单位呢 / 负责的是谁: which role is asked, when that is all the message asks. */
function roleAsked(t: string, words: RoleWords): Role | undefined {
  for (const [role, list] of [['cooperate', words.cooperate], ['lead', words.lead]] as const) {
    for (const w of list) {
      const re = new RegExp(`^(?:那|那么)?(?:它|这条|其中|这里面|里面)?(?:有)?(?:的)?${w}(?:的|单位|部门|的单位|的部门)?(?:是|有|都是|都有)?(?:谁|哪些|哪个|哪几个|哪几家|哪家|几家|哪些单位|哪些部门|有没有|有吗)?(?:没|没有)?${END}$`);
      if (re.test(t)) return role;
    }
  }
  return undefined;
}

/** The answers a reply offered, in the order they are shown: its answers, then related clauses. */
function offered(reply: Reply): Answer[] {
  return [...reply.answers, ...reply.related];
}

/** The answer the conversation last showed (还有呢 moves it on): what 这条, 那配合的呢 and 全文 mean. */
export function lastShown(context: FollowUpContext): Answer | undefined {
  return offered(context.reply)[Math.max(0, context.shown - 1)];
}

/**
 * Resolves `text` against the conversation's last answer; null when it is not a follow-up (ask it
 * as a question). `numbered` are the clauses a digest listed by number, when the last reply was one.
 */
export function resolveFollowUp(
  text: string,
  context: FollowUpContext | undefined,
  assistant: FollowUpAssistant,
  roleWords: RoleWords,
  numbered: readonly Answer[] = [],
): FollowUp | null {
  const t = compact(text);
  if (!t) return null;
  const number = NUMBER.exec(t);
  if (number && context) {
    const n = Number(number[1]);
    const clause = numbered[n - 1];
    return clause ? { kind: 'full', clause } : numbered.length ? { kind: 'nothing', reason: 'no-number' } : null;
  }
  if (asksFull(t)) {
    const last = context ? lastShown(context) : undefined;
    return last ? { kind: 'full', clause: last } : { kind: 'nothing', reason: 'no-context' };
  }
  if (MORE.test(t)) {
    if (!context) return { kind: 'nothing', reason: 'no-context' };
    // A unit's list is shown whole already; a search offers its next candidate, then weaker ones.
    if (context.reply.intent === 'unit-duties') return { kind: 'nothing', reason: 'no-more' };
    const all = offered(context.reply);
    if (context.shown >= all.length) {
      const extra = assistant.more?.(context.question, all.map((a) => a.id)) ?? [];
      all.push(...extra);
      context = { ...context, reply: { ...context.reply, related: [...context.reply.related, ...extra] } };
    }
    if (context.shown >= all.length) return { kind: 'nothing', reason: 'no-more' };
    const next = all[context.shown]!;
    return {
      kind: 'reply',
      question: context.question,
      shown: context.shown + 1,
      reply: { ...plain(context.reply), question: text, answers: [{ ...next, confidence: 'low' }], related: [] },
      keep: context.reply,
    };
  }
  const role = roleAsked(t, roleWords);
  if (role) {
    if (!context) return { kind: 'nothing', reason: 'no-context' };
    const { reply } = context;
    if (reply.intent === 'unit-duties' && reply.unit && !reply.units) {
      const unit = reply.unit;
      const word = role === 'lead' ? '牵头' : '配合';
      return { kind: 'reply', question: `${unit}${word}哪些工作`, reply: { ...assistant.ask(`${unit}${word}哪些工作`), question: text } };
    }
    const top = lastShown(context);
    if (!top) return { kind: 'nothing', reason: 'no-context' };
    return { kind: 'reply', question: context.question, shown: context.shown, reply: focused(reply, top, text, { role }) };
  }
  const others = OTHERS.test(t) || JUST_THESE.test(t);
  if (others && !context) return { kind: 'nothing', reason: 'no-context' };
  if (others && context && context.reply.intent !== 'unit-duties') {
    const top = lastShown(context);
    if (top) return { kind: 'reply', question: context.question, shown: context.shown, reply: focused(context.reply, top, text, { role: 'cooperate' }) };
  }
  // 卫健委也掺和吗 / 网信办是配合吗: after a clause, a yes-or-no about one unit is about its part there.
  // 那关工委干啥的 asks the part only after 那 (关工委干啥的 alone asks for its list); 就司法厅？ likewise after 就.
  const asksPart = OPENER.test(t) ? t.replace(OPENER, '').replace(DOES, '') : t;
  const x = asksPart.replace(INSIDE, '').replace(EITHER, '').replace(YES_NO, '').replace(PART, '').replace(JUST, '');
  if (context && context.reply.intent !== 'unit-duties' && x !== t) {
    const alone = assistant.ask(x);
    if (alone.intent === 'unit-duties' && alone.unit && !alone.units) return sameTopicOtherUnit(text, x, alone.unit, context, assistant);
  }
  const inClause = context && !LIST_ASKED.test(t) ? unitsInLastClause(text, t, context, assistant) : null;
  if (inClause) return inClause;
  const other = OTHER.exec(t);
  const otherOne = other && context && (OPENER.test(t) || t.endsWith('呢')) ? otherThing(text, other[1]!, context, assistant) : null;
  return otherOne ?? (context ? aboutLastClause(text, t, context, assistant, roleWords) : null);
}

/** 民政负责哪些工作 / 公安的活都列一下: a unit's list asked, not its part in the last clause. */
const LIST_ASKED = /哪些|哪几|几条|几项|多少|哪条|列|全部|所有|什么工作|什么事|啥事|啥活|(负责|牵头|配合|管|干|做|抓)(些)?(啥|什么)/;

/**
 * 民政也是负责单位？ / 公安是配合对吧 / 就教育和公安俩？ / 通信管理局是啥角色: after a clause, a message
 * naming only units of that clause (and asking no list) asks about their part in it.
 */
function unitsInLastClause(text: string, t: string, context: FollowUpContext, assistant: FollowUpAssistant): FollowUp | null {
  const top = leanedOn(t, context);
  if (!top) return null;
  const alone = assistant.ask(t);
  if (alone.intent !== 'unit-duties') return null;
  const units = alone.units ? alone.units.map((u) => u.unit) : alone.unit ? [alone.unit] : [];
  if (!units.length || !units.every((u) => takesPart(top, u))) return null;
  return shownAgain(text, context, top, units.length === 1 ? { unit: units[0]! } : null);
}

/** The clause a short message may lean on: the one last shown, after a clause (not a unit's list). */
function leanedOn(t: string, context: FollowUpContext): Answer | undefined {
  if (context.reply.intent === 'unit-duties' || [...t].length > LEANING_CHARS) return undefined;
  return lastShown(context);
}

/** The unit leads or cooperates in the clause. */
const takesPart = (clause: Answer, unit: string) => clause.lead.includes(unit) || clause.cooperate.includes(unit);

/** The last clause shown again for a follow-up about it, on the part asked (or whole). */
function shownAgain(text: string, context: FollowUpContext, top: Answer, focus: NonNullable<Reply['focus']> | null): FollowUp {
  const reply = focus ? focused(context.reply, top, text, focus) : { ...plain(context.reply), question: text, answers: [top], related: [] };
  return { kind: 'reply', question: context.question, shown: context.shown, reply };
}

/** Asks who (哪些部门, 谁, 几家): what a message leaning on the last answer asks. */
const ASKS_UNITS = /谁|哪|几家|几个|单位|部门/;
/** A message this long or shorter may lean on the last answer; a longer one is a question of its own. */
const LEANING_CHARS = 24;
/** A leaning message's one word of its own (名单, 别的) that some clause holds this much of is a topic. */
const OWN_TOPIC_COVERAGE = 0.3;

/**
 * 具体是哪些部门啊 / 还有别的单位一起吗 / 那信访局、通信管理局也在配合名单里吗: a short message refused on
 * its own for want of a topic (not for naming what the document lacks), naming no unit outside the
 * clause just answered, asks about that clause: it is shown again, on the role or unit asked.
 */
function aboutLastClause(text: string, t: string, context: FollowUpContext, assistant: FollowUpAssistant, roleWords: RoleWords): FollowUp | null {
  const top = leanedOn(t, context);
  if (!top || !assistant.explain) return null;
  const e = assistant.explain(text);
  if (e.reply.answers.length || e.reply.intent !== 'out-of-scope') return null;
  const ownWords = e.topicWords.filter((w) => !e.units.some((u) => u.alias === w));
  const topicless =
    e.route === 'no-topic' || (e.route === 'search' && ownWords.length <= 1 && e.hits.every((h) => h.coverage < OWN_TOPIC_COVERAGE));
  if (!topicless) return null;
  const units = [...new Set(e.units.map((u) => u.unit))];
  const cooperate = roleWords.cooperate.some((w) => t.includes(w));
  const lead = roleWords.lead.some((w) => t.includes(w));
  // 好的谢谢 / 在吗 lean on nothing: only a message asking about units or roles does.
  if (!units.length && !cooperate && !lead && !ASKS_UNITS.test(t)) return null;
  if (!units.every((u) => takesPart(top, u))) return null;
  return shownAgain(text, context, top, units.length === 1 ? { unit: units[0]! } : cooperate !== lead ? { role: cooperate ? 'cooperate' : 'lead' } : null);
}

/** 那X呢: another unit (its part, or its list) or another topic. */
function otherThing(text: string, x: string, context: FollowUpContext, assistant: FollowUpAssistant): FollowUp | null {
  // 婚姻登记谁负责呢 is a question of its own, not "and what about …".
  if (/谁|哪|什么|啥|怎么|如何|咋|多少|几/.test(x)) return null;
  const alone = assistant.ask(x);
  if (alone.intent === 'unit-duties' && alone.unit && !alone.units) {
    return sameTopicOtherUnit(text, x, alone.unit, context, assistant);
  }
  return anotherTopic(text, x, context, assistant);
}

/** A reply without what was said about one particular answer (its focus, its typos). */
function plain(reply: Reply): Reply {
  const { focus: _focus, corrected: _corrected, ...rest } = reply;
  return rest;
}

function focused(reply: Reply, clause: Answer, text: string, focus: NonNullable<Reply['focus']>): Reply {
  return { ...reply, question: text, intent: reply.intent === 'unit-duties' ? 'responsibility' : reply.intent, answers: [clause], related: [], focus };
}

/** 那民政厅呢: that unit's list after a unit's list; its part in the clause after a clause. */
function sameTopicOtherUnit(text: string, x: string, unit: string, context: FollowUpContext, assistant: FollowUpAssistant): FollowUp {
  const { reply } = context;
  if (reply.intent === 'unit-duties') {
    const word = reply.askedRole === 'cooperate' ? '配合' : reply.askedRole === 'lead' ? '牵头' : '负责';
    const question = `${unit}${word}哪些工作`;
    return { kind: 'reply', question, reply: { ...assistant.ask(question), question: text } };
  }
  const top = lastShown(context);
  if (top && takesPart(top, unit)) {
    return { kind: 'reply', question: context.question, shown: context.shown, reply: focused(reply, top, text, { unit }) };
  }
  // Not in that clause: the same topic, asked of that unit.
  const question = `${x} ${context.question}`;
  return { kind: 'reply', question, reply: { ...assistant.ask(question), question: text, focus: { unit } } };
}

/** A clause scoring less than this share of the best on the new topic alone holds little of it. */
const NEW_TOPIC_SHARE = 0.5;
/** Whether the clause would answer the new topic of 那X呢 by itself (true when that cannot be told). */
function holdsNewTopic(id: string, x: string, assistant: FollowUpAssistant): boolean {
  if (!assistant.explain) return true;
  const hits = assistant.explain(x).hits;
  const best = hits[0]?.score ?? 0;
  return hits.some((h) => h.id === id && h.passes && h.score >= best * NEW_TOPIC_SHARE);
}

/** 那收养呢 / 那跨国的呢: the new topic, with what the last question asked besides the part it replaces. */
function anotherTopic(text: string, x: string, context: FollowUpContext, assistant: FollowUpAssistant): FollowUp {
  const { reply } = context;
  const unit = reply.intent === 'unit-duties' && reply.unit && !reply.units ? reply.unit : undefined;
  const chars = new Set(x);
  const kept = unit
    ? [unit]
    : (assistant.topicWords?.(context.question) ?? []).filter((w) => ![...w].some((c) => chars.has(c)));
  for (const question of [[x, ...kept].join(' '), x]) {
    const r = assistant.ask(question);
    if (!r.answers.length) continue;
    // 那隔空猥亵呢 after 净网行动: the last topic's words may pull the answer back to a clause that
    // holds nothing of the new topic; a topic sure on its own is then asked alone.
    if (question !== x && !holdsNewTopic(r.answers[0]!.id, x, assistant)) {
      const alone = assistant.ask(x);
      if (alone.intent === 'responsibility' && alone.answers[0]?.confidence === 'high') return { kind: 'reply', question: x, reply: { ...alone, question: text } };
    }
    return { kind: 'reply', question, reply: { ...r, question: text } };
  }
  const question = x;
  return { kind: 'reply', question, reply: { ...assistant.ask(question), question: text } };
}
