// The markdown renderer of the shared presentation model (src/core/reply-view.ts), for platforms
// whose bots post markdown (WeCom 智能机器人, DingTalk). Paragraphs are separated by a blank line and
// lines inside one end with two spaces, which both platforms render as a line break.
import { chatExcerptChars, excerpt, fullClauseReply, RELATED_HEADING, shortTitle, viewReply, type ClauseView } from '../core/reply-view.js';
import type { Answer, Reply } from '../core/types.js';
import type { Outgoing } from './types.js';

const BREAK = '  \n';

/** Markdown's control characters in text from the knowledge files, shown as themselves. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`).replace(/^([#>+-]|\d+\.)/gmu, (m) => `\\${m}`);
}

export function renderMarkdownReply(reply: Reply, maxTextChars: number = chatExcerptChars(reply)): string {
  const view = viewReply(reply);
  if (view.kind === 'no-duties') return escapeMarkdown(view.line);
  if (view.kind === 'refusal') return [escapeMarkdown(view.head), ...view.suggestions.map((s) => `- ${escapeMarkdown(s)}`)].join('\n');
  const text = (c: ClauseView) => escapeMarkdown(excerpt(c.answer.text, maxTextChars, c.path, reply.question));
  const paragraphs: string[] = [];
  if (view.kind === 'duties') {
    // The digest: counts, one numbered line per clause (回复编号看全文).
    const d = view.digest;
    paragraphs.push(`**${escapeMarkdown(d.header)}**`);
    for (const g of d.groups) paragraphs.push([...(g.label ? [`【${g.label}】`] : []), ...g.items.map((i) => escapeMarkdown(i.line))].join(BREAK));
    if (d.footer) paragraphs.push(escapeMarkdown(d.footer));
  } else {
    if (view.note) paragraphs.push(escapeMarkdown(view.note));
    if (view.focus) paragraphs.push(`**${escapeMarkdown(view.focus)}**`);
    for (const c of view.clauses) {
      const units = [
        ...(c.lead.length ? [`**负责**：${escapeMarkdown(c.lead.join('、'))}`] : []),
        ...(c.cooperate.length ? [`**配合**：${escapeMarkdown(c.cooperate.join('、'))}`] : []),
        ...(c.unitsNote ? [`（${c.unitsNote}）`] : []),
      ];
      paragraphs.push([heading(c), ...units].join(BREAK), text(c));
    }
  }
  if (view.related.length) {
    paragraphs.push([`${RELATED_HEADING}：`, ...view.related.map((r) => `- ${escapeMarkdown(`${r.label} ${r.units}`.trimEnd())}`)].join('\n'));
  }
  return paragraphs.join('\n\n');
}

export function renderMarkdownClause(clause: Answer): string {
  return renderMarkdownReply(fullClauseReply(clause), Number.POSITIVE_INFINITY);
}

/**
 * An outgoing message as markdown: answers and full clauses laid out; the chat layer's own texts (help,
 * quiz, refusals) are written for reading as they are, so only their line breaks are kept.
 */
export function outgoingMarkdown(out: Outgoing): string {
  if (out.clause) return renderMarkdownClause(out.clause);
  if (out.reply) return renderMarkdownReply(out.reply);
  return out.text.split('\n').join(BREAK);
}

function heading(c: ClauseView): string {
  const doc = c.documentName ? `${escapeMarkdown(c.documentName)} ` : '';
  const title = shortTitle(c.title);
  return `**${doc}${escapeMarkdown(c.path)}**${title ? `｜${escapeMarkdown(title)}` : ''}`;
}
