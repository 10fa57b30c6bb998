// Block Kit layout of the core's Reply (its shared presentation model, src/core/reply-view.ts): clause number and section, the clause text, 负责 and 配合
// units. Slack rejects a whole message when one block is too long, so every limit is enforced here.
import type { types } from '@slack/bolt';
import { RELATED_HEADING, viewClause, viewReply, type ReplyView } from '../../src/core/reply-view.js';
import type { Answer, Reply } from '../../src/core/types.js';
import { chunkMrkdwn, escapeMrkdwn, truncateMrkdwn } from './mrkdwn.js';

export type Block = types.KnownBlock;

/** Slack's documented limits (api.slack.com/reference/block-kit). */
export const SLACK_LIMITS = {
  sectionText: 3000,
  field: 2000,
  contextText: 2000,
  blocksPerMessage: 50,
  /** Longer `text` is truncated by Slack; it is only the notification/fallback anyway. */
  fallbackText: 3000,
} as const;

// Margins under the limits, so a marker or an ellipsis never tips a block over.
const SECTION_ROOM = SLACK_LIMITS.sectionText - 100;
const FIELD_ROOM = SLACK_LIMITS.field - 100;
// A responsibility answer shows this many clauses; more is noise in a channel.
const MAX_ANSWERS = 3;
// Section titles can be a whole sentence; a heading keeps this much of each part.
const HEADING_PART = 200;

// Every section is cut to fit as a last resort; callers cut earlier where a cut reads better.
const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: truncateMrkdwn(text, SECTION_ROOM) } });
const context = (text: string): Block => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: truncateMrkdwn(text, SLACK_LIMITS.contextText - 100) }],
});
const divider: Block = { type: 'divider' };

/** 「*二（三）1*　（三）婚姻登记 · 省实施细则」: where the clause sits. */
function heading(answer: Answer): string {
  // The document as every renderer names it, with the version quoted (src/core/reply-view.ts).
  const where = [answer.title, viewClause(answer).documentName]
    .filter((s) => s && s.trim() !== '')
    .map((s) => truncateMrkdwn(escapeMrkdwn(s), HEADING_PART));
  return [`*${escapeMrkdwn(answer.path || answer.id)}*`, where.join(' · ')].filter((s) => s !== '').join('　');
}

function units(names: string[]): string {
  return names.length === 0 ? '—' : names.map(escapeMrkdwn).join('、');
}

/** The 负责 / 配合 pair as two fields side by side. */
function unitFields(answer: Answer): Block {
  const note = viewClause(answer).unitsNote;
  if (note) return context(`（${note}）`);
  return {
    type: 'section',
    fields: [
      { type: 'mrkdwn', text: truncateMrkdwn(`*负责*\n${units(answer.lead)}`, FIELD_ROOM) },
      { type: 'mrkdwn', text: truncateMrkdwn(`*配合*\n${units(answer.cooperate)}`, FIELD_ROOM) },
    ],
  };
}

// Slack takes a message starting with /full as its own slash command, so hints use the 全文 alias.

/** One clause: heading, its text (whole, over several sections if need be, or cut), units. */
export function clauseBlocks(answer: Answer, opts: { whole: boolean } = { whole: false }): Block[] {
  const text = escapeMrkdwn(answer.text);
  const body = opts.whole ? chunkMrkdwn(text, SECTION_ROOM) : [truncateMrkdwn(text, SECTION_ROOM)];
  const blocks: Block[] = [section(heading(answer)), ...body.filter((t) => t !== '').map(section), unitFields(answer)];
  if (!opts.whole && text.length > SECTION_ROOM) blocks.push(context(`全文：发送「全文 ${escapeMrkdwn(answer.id)}」`));
  return blocks;
}

/** A unit's duties: the core's digest (counts, one numbered line per clause), a section per role. */
function dutyBlocks(view: Extract<ReplyView, { kind: 'duties' }>): Block[] {
  const d = view.digest;
  const blocks: Block[] = [section(`*${escapeMrkdwn(d.header)}*`)];
  for (const g of d.groups) {
    const lines = g.items.map((i) => escapeMrkdwn(i.line)).join('\n');
    blocks.push(section(g.label ? `*${escapeMrkdwn(g.label)}*\n${lines}` : lines));
  }
  if (d.footer) blocks.push(context(escapeMrkdwn(d.footer)));
  return blocks;
}

/**
 * Blocks for a core reply, or undefined when the reply has no clause to lay out (refusals, empty
 * questions): those go out as the plain text the chat layer rendered.
 */
export function replyBlocks(reply: Reply): Block[] | undefined {
  const view = viewReply(reply);
  if (view.kind !== 'clauses' && view.kind !== 'duties') return undefined;
  let blocks: Block[];
  if (view.kind === 'duties') {
    blocks = dutyBlocks(view);
  } else {
    blocks = [];
    if (view.note) blocks.push(context(escapeMrkdwn(view.note)));
    if (view.focus) blocks.push(section(`*${escapeMrkdwn(view.focus)}*`));
    view.clauses.slice(0, MAX_ANSWERS).forEach((clause, i) => {
      if (i > 0) blocks.push(divider);
      blocks.push(...clauseBlocks(clause.answer));
    });
  }
  if (view.related.length > 0) {
    const related = view.related.map((r) => `${escapeMrkdwn(r.label)}${r.answer.title ? ` ${escapeMrkdwn(r.answer.title)}` : ''}`);
    blocks.push(context(`${RELATED_HEADING}：${related.join('；')}`));
  }
  return capBlocks(blocks);
}

/** Keep a message under Slack's block count, saying so when something was left out. */
export function capBlocks(blocks: Block[]): Block[] {
  if (blocks.length <= SLACK_LIMITS.blocksPerMessage) return blocks;
  return [...blocks.slice(0, SLACK_LIMITS.blocksPerMessage - 1), context('（内容过长，其余部分未显示。）')];
}

/** The notification / fallback `text` of a block message: the plain rendering, escaped and cut. */
export function fallbackText(plain: string): string {
  return truncateMrkdwn(escapeMrkdwn(plain), SLACK_LIMITS.fallbackText);
}
