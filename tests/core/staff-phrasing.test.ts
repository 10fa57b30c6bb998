// How staff phrase unit and role questions, and typos in a question the search would otherwise
// answer unsure, on the real knowledge base.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssistant, type Assistant } from '../../src/core/assistant.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { knowledgeDir } from '../../src/knowledge/paths.js';
import type { KnowledgeBase } from '../../src/knowledge/types.js';

let kb: KnowledgeBase;
let assistant: Assistant;
beforeAll(() => {
  kb = loadKnowledgeBase(knowledgeDir());
  assistant = createAssistant({ kb });
});
const ids = (q: string) => assistant.ask(q).answers.map((a) => a.id).sort();
const where = (lead: string, cooperate: string) =>
  kb.clauses.filter((c) => c.lead.includes(lead) && c.cooperate.includes(cooperate)).map((c) => c.id).sort();

describe('role words in spoken form', () => {
  it('reads 打配合 / 挑大梁 / 搭把手 as roles, never as what the question is about', () => {
    expect(ids('公安牵头民政打配合的是哪几条')).toEqual(where('省公安厅', '省民政厅'));
    expect(ids('民政打头阵妇联搭把手的有哪些')).toEqual(where('省民政厅', '省妇联'));
  });

  it('reads 「A给B打配合」 as B leading and A cooperating', () => {
    expect(ids('人社给民政打配合的条目有没有')).toEqual(where('省民政厅', '省人社厅'));
  });

  it('reads a unit-duty frame (几项, 列一下, 这次) as asking for the unit\'s list', () => {
    const reply = assistant.ask('司法厅配合哪几项');
    expect(reply.intent).toBe('unit-duties');
    expect(reply.answers[0]?.role).toBe('cooperate');
    expect(assistant.ask('团委这次分到哪些反拐的活').intent).toBe('unit-duties');
    // A lead word denied still asks for cooperation only.
    expect(assistant.ask('公安只是配合、不牵头的是哪几条').answers[0]?.role).toBe('cooperate');
  });

  it('reads every cooperating word of the vocabulary (当配角, 打下手) as asking for cooperation', () => {
    for (const q of ['公安当配角的是哪几条', '教育局给别人打下手的有哪些']) {
      const reply = assistant.ask(q);
      expect(reply.askedRole, q).toBe('cooperate');
      expect(reply.answers[0]?.role, q).toBe('cooperate');
    }
  });

  it('reads a story told before the question by the part that asks who, unsure', () => {
    const reply = assistant.ask('我们镇上有个黑中介，专门招年轻姑娘说去外地厂里上班，这种非法职业中介的清理整治归谁管');
    expect(reply.answers[0]?.id).toBe('p2-1-2-1');
    expect(reply.answers[0]?.confidence).toBe('low');
    // The asking part alone must name something specific: 投诉找哪个部门 is not enough.
    expect(assistant.ask('单位里女职工被性骚扰了，投诉找哪个部门').answers).toEqual([]);
    // A story asking only 谁负责 at its end: the clause holding far more of it than any other, unsure.
    const story = assistant.ask('我在民政局婚姻登记处上班，今天来登记的一个女的不太会说普通话，旁边男的一直盯着她，怀疑是被拐来的，我们该怎么处理，谁负责');
    expect(story.answers[0]?.id).toBe('p2-1-3-1');
    expect(story.answers[0]?.confidence).toBe('low');
    // 谁负责打击 is not 负|责打|击.
    expect(assistant.topicWords('谁负责打击拐卖')).not.toContain('责打');
  });

  it('reads the document named inside a unit question (在这个反拐细则里) as no topic', () => {
    for (const [q, unit] of [['妇联那边在这个反拐细则里都摊到哪些活呀', '省妇联'], ['通信管理局在反拐细则里都出现在哪些条', '省通信管理局']]) {
      const reply = assistant.ask(q);
      expect(reply.intent, q).toBe('unit-duties');
      expect(reply.unit, q).toBe(unit);
    }
  });
});

describe('typos in a question answered unsure as typed', () => {
  it('reads 服行 as 服刑 when that gives a sure answer, and says how it read it', () => {
    // Without example questions: one of them is worded so like this that it answers it as typed.
    const reply = createAssistant({ kb, examples: {} }).ask('服行人员未成年子女监护谁负责');
    const clause = kb.clauses.find((c) => c.text.includes('服刑'))!;
    expect(reply.answers[0]?.id).toBe(clause.id);
    expect(reply.answers[0]?.confidence).toBe('low');
    expect(reply.corrected).toEqual([expect.objectContaining({ typed: expect.stringContaining('服行'), read: expect.stringContaining('服刑') })]);
  });

  it('leaves a sure answer alone', () => {
    expect(assistant.ask('谁负责婚姻登记相关反拐措施').corrected).toBeUndefined();
  });
});
