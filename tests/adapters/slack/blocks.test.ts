// Block Kit layout: what a Slack user sees, within the limits Slack enforces (it rejects the whole
// message when one block is too long).
import { describe, expect, it } from 'vitest';
import { replyBlocks, SLACK_LIMITS, type Block } from '../../../adapters/slack/blocks.js';
import type { Answer, Reply } from '../../../src/core/types.js';
import { blockText } from './harness.js';
import { marriageAnswer } from '../../support/marriage-answer.js';

const clause = marriageAnswer;

const reply = (answers: Answer[], over: Partial<Reply> = {}): Reply => ({
  question: 'q',
  intent: 'responsibility',
  answers,
  related: [],
  ...over,
});

/** Every text a block carries, with the limit Slack applies to it. */
function textsWithLimits(blocks: Block[]): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const b of blocks as Array<Record<string, any>>) {
    if (b.text) out.push([b.text.text, SLACK_LIMITS.sectionText]);
    for (const f of b.fields ?? []) out.push([f.text, SLACK_LIMITS.field]);
    for (const e of b.elements ?? []) out.push([e.text, SLACK_LIMITS.contextText]);
  }
  return out;
}

describe('replyBlocks', () => {
  it('shows clause number, section, text, 负责 and 配合', () => {
    const shown = blockText(replyBlocks(reply([clause()])));
    expect(shown).toContain('*二（一）3（1）*');
    expect(shown).toContain('二（一）3加大拐卖人口犯罪打击整治力度');
    expect(shown).toContain('规范婚姻登记管理');
    expect(shown).toMatch(/负责\*\n省民政厅/);
    expect(shown).toMatch(/配合\*\n省公安厅/);
  });

  it('has no blocks for a refusal, so the rendered text is sent instead', () => {
    expect(replyBlocks(reply([], { intent: 'out-of-scope', suggestions: ['谁负责婚姻登记相关反拐措施'] }))).toBeUndefined();
  });

  it('keeps a very long clause, many units and a long title under every Slack limit', () => {
    const huge = clause({
      text: '拐卖&<>'.repeat(4000),
      title: '标'.repeat(5000),
      lead: Array.from({ length: 400 }, (_, i) => `省单位${i}`),
    });
    const blocks = replyBlocks(reply([huge, huge, huge, huge]))!;
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    for (const [text, limit] of textsWithLimits(blocks)) expect(text.length).toBeLessThanOrEqual(limit);
    // Cut text never ends in a half entity such as &am.
    for (const [text] of textsWithLimits(blocks)) expect(text).not.toMatch(/&(?:a|am|amp|l|lt|g|gt)?…/);
  });

  it('says so when a clause names no units', () => {
    expect(blockText(replyBlocks(reply([clause({ lead: [], cooperate: [] })], { intent: 'organisation' })))).toContain('本条未标注责任单位');
  });

  it('lists a unit\'s duties as the digest: counts, numbered lines by role, under 2,000 characters', () => {
    const duties = Array.from({ length: 120 }, (_, i) => clause({ id: `c${i}`, path: `条${i}`, role: i < 100 ? 'lead' : 'cooperate' }));
    const blocks = replyBlocks(reply(duties, { intent: 'unit-duties', unit: '省民政厅' }))!;
    const shown = blockText(blocks);
    expect(shown).toContain('*省民政厅：负责 100 项，配合 20 项。*');
    expect(shown).toContain('*负责*\n1. 条0 规范婚姻登记管理');
    expect(shown).toMatch(/回复编号看全文（如「1」）；另有 \d+ 项未列出/);
    expect(shown.length).toBeLessThanOrEqual(2200);
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
  });

  it('says first, in one line, when the answer is only the nearest clause', () => {
    const shown = blockText(replyBlocks(reply([clause({ confidence: 'low' })])));
    expect(shown.split('\n')[0]).toBe('最接近的条款是 二（一）3（1），如果不对请回复「不对」。');
    expect(blockText(replyBlocks(reply([clause()])))).not.toContain('最接近');
  });

  it('names related clauses', () => {
    const shown = blockText(replyBlocks(reply([clause()], { related: [clause({ path: '二（一）3（2）', title: '' })] })));
    expect(shown).toContain('相关条款：二（一）3（2）');
  });
});
