// A Reply as a person reads it in a console or a chat window. Adapters reuse this.
import type { Answer, Reply } from './types.js';

export interface RenderTextOptions {
  /** Clause text longer than this is cut, with a hint that the full text is one request away. */
  maxTextChars?: number;
  /** How many of a unit's clauses to list in full before summarising the rest by number. */
  maxUnitClauses?: number;
}

const DEFAULT_MAX_TEXT = 120;
const DEFAULT_MAX_UNIT_CLAUSES = 50;

export function renderReplyText(reply: Reply, options: RenderTextOptions = {}): string {
  const maxText = options.maxTextChars ?? DEFAULT_MAX_TEXT;
  if (!reply.answers.length && reply.intent === 'unit-duties' && reply.unit) {
    return `实施细则中没有标注由${reply.unit}负责或配合的条款。`;
  }
  if (!reply.answers.length) return renderRefusal(reply);

  const lines: string[] = [];
  if (reply.intent === 'unit-duties' && reply.unit) {
    const nLead = reply.answers.filter((a) => a.role === 'lead').length;
    const nCoop = reply.answers.length - nLead;
    lines.push(`${reply.unit}：负责 ${nLead} 项，配合 ${nCoop} 项。`);
    const shown = reply.answers.slice(0, options.maxUnitClauses ?? DEFAULT_MAX_UNIT_CLAUSES);
    for (const a of shown) {
      lines.push('', `【${a.role === 'lead' ? '负责' : '配合'}】${heading(a)}`, trim(a.text, maxText, a.path, reply.question));
    }
    if (shown.length < reply.answers.length) lines.push('', `……另有 ${reply.answers.length - shown.length} 项。`);
    return lines.join('\n');
  }

  reply.answers.forEach((a, i) => {
    if (i > 0) lines.push('');
    lines.push(heading(a));
    if (a.lead.length) lines.push(`负责：${a.lead.join('、')}`);
    if (a.cooperate.length) lines.push(`配合：${a.cooperate.join('、')}`);
    if (!a.lead.length && !a.cooperate.length) lines.push('（本条未标注责任单位）');
    lines.push(trim(a.text, maxText, a.path, reply.question));
  });
  if (reply.related.length) {
    lines.push('', '相关条款：');
    // A related clause from another document (a county's, the province's) says whose it is.
    const main = reply.answers[0]?.documentName;
    for (const r of reply.related) {
      const doc = r.documentName && r.documentName !== main ? `${r.documentName} ` : '';
      lines.push(`· ${doc}${r.path} ${units(r)}`.trimEnd());
    }
  }
  return lines.join('\n');
}

function renderRefusal(reply: Reply): string {
  const head =
    reply.intent === 'empty'
      ? '请输入问题，例如：'
      : '实施细则里没有找到与这个问题对应的条款（本助手只回答福建省反拐实施细则中的责任分工）。可以这样问：';
  return [head, ...(reply.suggestions ?? []).map((s) => `· ${s}`)].join('\n');
}

const MAX_TITLE_CHARS = 24;

function heading(a: Answer): string {
  const doc = a.documentName ? `${a.documentName} ` : '';
  // Some headings are whole sentences; the number already locates the clause.
  const title = Array.from(a.title);
  const shown = title.length > MAX_TITLE_CHARS ? `${title.slice(0, MAX_TITLE_CHARS).join('')}…` : a.title;
  return `${doc}${a.path}${shown ? `｜${shown}` : ''}`;
}

function units(a: Answer): string {
  const parts = [];
  if (a.lead.length) parts.push(`负责：${a.lead.join('、')}`);
  if (a.cooperate.length) parts.push(`配合：${a.cooperate.join('、')}`);
  return parts.join('；');
}

function trim(text: string, max: number, path: string, question: string): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const hint = `（全文请问「${path}」）`;
  // Show the sentence the question is about (办公室设在省公安厅 sits at the end of 一（二）),
  // not just the opening characters.
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
