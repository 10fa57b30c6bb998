import { describe, expect, it } from 'vitest';
import { renderReplyText } from '../../src/core/render-text.js';
import type { Reply } from '../../src/core/types.js';
import { marriageAnswer } from '../support/marriage-answer.js';

const answer = marriageAnswer;

describe('renderReplyText', () => {
  it('shows the clause number, section title, 负责 and 配合 and the text', () => {
    const text = renderReplyText({ question: 'q', intent: 'responsibility', answers: [answer()], related: [] });
    expect(text).toContain('二（一）3（1）');
    expect(text).toContain('加大拐卖人口犯罪打击整治力度');
    expect(text).toContain('负责：省民政厅');
    expect(text).toContain('配合：省公安厅');
    expect(text).toContain('规范婚姻登记管理');
  });

  it('trims long text for chat and says how to get the rest', () => {
    const text = renderReplyText(
      { question: 'q', intent: 'responsibility', answers: [answer()], related: [] },
      { maxTextChars: 10 },
    );
    expect(text).toContain('规范婚姻登记管理，登……');
    expect(text).not.toContain('公安机关报告');
    expect(text).toContain('全文请问「二（一）3（1）」');
  });

  it('when trimming, shows the sentence the question is about rather than only the opening', () => {
    const org = answer({
      path: '一（二）',
      lead: [],
      cooperate: [],
      text: '省反拐工作联席会议由以下单位组成：省委宣传部、政法委、网信办，省人大常委会法工委，省发改委、教育厅。省反拐工作联席会议召集人由省政府分管公安工作领导担任，办公室设在省公安厅，承担联席会议日常工作。市、县两级参照执行。',
    });
    const ask = (question: string) =>
      renderReplyText({ question, intent: 'organisation', answers: [org], related: [] }, { maxTextChars: 60 });
    expect(ask('联席会议办公室设在哪')).toContain('办公室设在省公安厅');
    expect(ask('联席会议办公室设在哪')).toContain('全文请问「一（二）」');
    // A question sharing nothing with the later sentences keeps the opening.
    expect(ask('q')).toContain('省反拐工作联席会议由以下单位组成');
    expect(ask('q')).not.toContain('办公室设在省公安厅');
  });

  it('lists related clauses with their units', () => {
    const related = [answer({ id: 'x', path: '二（一）3（5）', lead: ['省公安厅'], cooperate: [] })];
    const text = renderReplyText({ question: 'q', intent: 'responsibility', answers: [answer()], related });
    expect(text).toMatch(/相关条款：\n· 二（一）3（5） 负责：省公安厅/);
  });

  it('a refusal says it is not covered and offers the suggestions', () => {
    const reply: Reply = { question: '天气', intent: 'out-of-scope', answers: [], related: [], suggestions: ['谁负责婚姻登记？', '民政厅负责哪些工作？'] };
    const text = renderReplyText(reply);
    expect(text).toContain('没有找到');
    expect(text).toContain('· 谁负责婚姻登记？');
  });

  it('a unit reply counts and labels lead and cooperation', () => {
    const reply: Reply = {
      question: '民政厅负责哪些工作', intent: 'unit-duties', unit: '省民政厅', related: [],
      answers: [answer({ role: 'lead' }), answer({ id: 'y', path: '二（一）1', role: 'cooperate' })],
    };
    const text = renderReplyText(reply);
    expect(text).toContain('省民政厅：负责 1 项，配合 1 项。');
    expect(text).toContain('【配合】省实施细则 二（一）1');
  });

  it('a unit with no clauses is told apart from a refusal', () => {
    const text = renderReplyText({ question: '外办负责什么', intent: 'unit-duties', unit: '省外办', answers: [], related: [] });
    expect(text).toBe('实施细则中没有标注由省外办负责或配合的条款。');
  });
});
