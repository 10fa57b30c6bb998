// A Reply as a person reads it in a console or a chat window: the plain-text renderer of the shared
// presentation model (src/core/reply-view.ts). Adapters without rich layouts reuse this.
import { excerpt, shortTitle, viewReply, RELATED_HEADING, type ClauseView } from './reply-view.js';
import type { Reply } from './types.js';

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
  const view = viewReply(reply);
  if (view.kind === 'no-duties') return view.line;
  if (view.kind === 'refusal') return [view.head, ...view.suggestions.map((s) => `· ${s}`)].join('\n');

  const lines: string[] = [];
  const text = (c: ClauseView) => excerpt(c.answer.text, maxText, c.path, reply.question);
  if (view.kind === 'duties') {
    lines.push(`${view.unit}：负责 ${view.lead} 项，配合 ${view.cooperate} 项。`);
    const shown = view.clauses.slice(0, options.maxUnitClauses ?? DEFAULT_MAX_UNIT_CLAUSES);
    for (const c of shown) lines.push('', `【${c.role ?? '配合'}】${heading(c)}`, text(c));
    if (shown.length < view.clauses.length) lines.push('', `……另有 ${view.clauses.length - shown.length} 项。`);
    return lines.join('\n');
  }

  view.clauses.forEach((c, i) => {
    if (i > 0) lines.push('');
    lines.push(heading(c));
    if (c.lead.length) lines.push(`负责：${c.lead.join('、')}`);
    if (c.cooperate.length) lines.push(`配合：${c.cooperate.join('、')}`);
    if (c.unitsNote) lines.push(`（${c.unitsNote}）`);
    lines.push(text(c));
  });
  if (view.related.length) {
    lines.push('', `${RELATED_HEADING}：`);
    for (const r of view.related) lines.push(`· ${r.label} ${r.units}`.trimEnd());
  }
  return lines.join('\n');
}

function heading(c: ClauseView): string {
  const doc = c.documentName ? `${c.documentName} ` : '';
  const title = shortTitle(c.title);
  return `${doc}${c.path}${title ? `｜${title}` : ''}`;
}
