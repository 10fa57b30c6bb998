// A Reply as a person reads it in a console or a chat window: the plain-text renderer of the shared
// presentation model (src/core/reply-view.ts). Adapters without rich layouts reuse this.
import { excerpt, shortTitle, viewReply, RELATED_HEADING, type ClauseView, type Digest } from './reply-view.js';
import type { Reply } from './types.js';

export interface RenderTextOptions {
  /** A unit's duties as the digest (counts, one numbered line per clause) instead of excerpts: chat. */
  digest?: boolean;
  /** Say in one line first when the answer is only the nearest clause (confidence low): chat. */
  confidenceNote?: boolean;
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
  if (view.kind === 'duties' && (options.digest || (reply.units?.length ?? 0) > 1)) return renderDigest(view.digest);
  if (view.kind === 'duties') {
    lines.push(`${view.unit}：负责 ${view.lead} 项，配合 ${view.cooperate} 项。`);
    const shown = view.clauses.slice(0, options.maxUnitClauses ?? DEFAULT_MAX_UNIT_CLAUSES);
    for (const c of shown) lines.push('', `【${c.role ?? '配合'}】${heading(c)}`, text(c));
    if (shown.length < view.clauses.length) lines.push('', `……另有 ${view.clauses.length - shown.length} 项。`);
    return lines.join('\n');
  }

  if (options.confidenceNote && view.note) lines.push(view.note);
  if (view.focus) lines.push(view.focus);
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

/** The digest as plain text: header, one block of numbered lines per role, the hint. */
export function renderDigest(d: Digest): string {
  const lines = [d.header];
  for (const g of d.groups) lines.push('', ...(g.label ? [`【${g.label}】`] : []), ...g.items.map((i) => i.line));
  if (d.footer) lines.push('', d.footer);
  return lines.join('\n');
}
