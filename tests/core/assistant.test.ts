// Behaviour on the real knowledge base, as a member of staff would see it.
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

const top = (q: string) => assistant.ask(q).answers[0];
const clauseWith = (words: string) => kb.clauses.find((c) => c.text.includes(words))!;

describe('responsibility', () => {
  it('answers the issue example with 省民政厅 leading and 省公安厅 cooperating, verbatim', () => {
    const reply = assistant.ask('谁负责婚姻登记相关反拐措施');
    expect(reply.intent).toBe('responsibility');
    const marriage = clauseWith('规范婚姻登记管理');
    expect(reply.answers[0]).toMatchObject({ id: marriage.id, path: marriage.path, text: marriage.text });
    expect(reply.answers[0].lead).toEqual(['省民政厅']);
    expect(reply.answers[0].cooperate).toEqual(['省公安厅']);
    expect(reply.related.length).toBeLessThanOrEqual(2);
    expect(reply.related.map((r) => r.id)).not.toContain(marriage.id);
  });

  it.each(['婚姻登记', '哪个部门牵头婚姻登记', '婚姻登记归谁管', '婚姻登记由谁落实', '婚姻登记谁配合'])(
    'reads 「%s」 as the same question',
    (q) => {
      expect(top(q)?.id).toBe(clauseWith('规范婚姻登记管理').id);
    },
  );

  it('answers a clause that carries no responsibility annotation with empty unit lists', () => {
    const organs = clauseWith('人体器官');
    const a = top('人体器官买卖谁管');
    expect(a?.id).toBe(organs.id);
    expect(a?.lead).toEqual([]);
  });
});

describe('normalisation and synonyms reach the same clause', () => {
  it.each([
    ['traditional characters', '婚姻登記誰負責'],
    ['spaces between characters', '婚 姻 登 记 谁 负 责'],
    ['full-width punctuation and latin', '婚姻登记？？　谁负责！'],
    ['a synonym (结婚 → 婚姻)', '结婚登记时发现被拐妇女谁负责'],
  ])('%s', (_label, q) => {
    expect(top(q)?.id).toBe(clauseWith('规范婚姻登记管理').id);
  });

  it.each([
    ['KTV陪酒归谁管', '娱乐服务场所'],
    ['ＫＴＶ坐台的事谁管', '娱乐服务场所'],
    ['小孩走失了谁负责找', '儿童失踪快速查找'],
    ['网上发布拐卖儿童信息谁来清理', '净网'],
    ['被解救的孩子转校谁管', '学籍接续'],
  ])('「%s」 finds the clause on %s', (q, words) => {
    expect(top(q)?.id).toBe(clauseWith(words).id);
  });
});

describe('unit duties', () => {
  it('lists every clause where the unit leads, then every clause where it cooperates', () => {
    const reply = assistant.ask('民政厅负责哪些工作');
    expect(reply.intent).toBe('unit-duties');
    expect(reply.unit).toBe('省民政厅');
    const lead = kb.clauses.filter((c) => c.lead.includes('省民政厅')).map((c) => c.id);
    const coop = kb.clauses.filter((c) => c.cooperate.includes('省民政厅')).map((c) => c.id);
    expect(reply.answers.map((a) => a.id)).toEqual([...lead, ...coop]);
    expect(reply.answers.every((a, i) => a.role === (i < lead.length ? 'lead' : 'cooperate'))).toBe(true);
  });

  it.each([
    ['团省委要配合什么', '团省委'],
    ['妇联的职责', '省妇联'],
    ['關工委負責什麼', '省关工委'],
    ['发改委有哪些反拐任务', '省发改委'],
  ])('「%s」 is about %s through the alias registry', (q, unit) => {
    const reply = assistant.ask(q);
    expect(reply.unit).toBe(unit);
    const all = kb.clauses.filter((c) => c.lead.includes(unit) || c.cooperate.includes(unit));
    expect(new Set(reply.answers.map((a) => a.id))).toEqual(new Set(all.map((c) => c.id)));
  });

  it('reads an alias used as an ordinary word (反拐教育) as a topic, not as the unit', () => {
    expect(assistant.ask('反拐教育谁负责').intent).toBe('responsibility');
    expect(assistant.ask('公安在反拐中负责什么')).toMatchObject({ intent: 'unit-duties', unit: '省公安厅' });
  });

  it('puts cooperation first when only cooperation is asked', () => {
    const reply = assistant.ask('团省委要配合什么');
    expect(reply.answers[0].role).toBe('cooperate');
  });
});

describe('clause lookup', () => {
  it.each(['二（一）3（1）', '二(一)3(1)', '二、(一)3.(1)是什么'])('finds %s by number', (q) => {
    const reply = assistant.ask(q);
    expect(reply.intent).toBe('clause-lookup');
    expect(reply.answers.map((a) => a.path)).toEqual(['二（一）3（1）']);
  });

  it('finds a clause by a quoted sentence', () => {
    const reply = assistant.ask('“加强跨省警务合作”这条谁负责');
    expect(reply.intent).toBe('clause-lookup');
    expect(reply.answers[0].id).toBe(clauseWith('加强跨省警务合作').id);
  });

  it('getClause returns the full clause for "show me the full text"', () => {
    const c = clauseWith('规范婚姻登记管理');
    expect(assistant.getClause(c.id)?.text).toBe(c.text);
    expect(assistant.getClause('no-such-id')).toBeUndefined();
  });
});

describe('organisation', () => {
  it.each(['联席会议成员单位有哪些', '反拐联席会议的召集人是谁', '联席会议办公室设在哪里'])('「%s」', (q) => {
    const reply = assistant.ask(q);
    expect(reply.intent).toBe('organisation');
    expect(reply.answers[0].path).toBe('一（二）');
  });
});

describe('refusal', () => {
  it.each(['今天天气怎么样', '食堂几点开饭', '年假怎么请', '谁负责公车管理', '垃圾分类归哪个部门管', '谁负责办公室的打印机', '你会唱歌吗', '民政厅的办公室在几楼'])(
    'refuses 「%s」 with two or three example questions',
    (q) => {
      const reply = assistant.ask(q);
      expect(reply.intent).toBe('out-of-scope');
      expect(reply.answers).toEqual([]);
      expect(reply.suggestions?.length).toBeGreaterThanOrEqual(2);
      expect(reply.suggestions?.length).toBeLessThanOrEqual(3);
    },
  );

  it('every suggestion it offers is itself answered', () => {
    for (const s of assistant.ask('天气').suggestions ?? []) expect(assistant.ask(s).answers.length).toBeGreaterThan(0);
  });

  it('treats an empty question as empty, not as a search', () => {
    expect(assistant.ask('  ？！ ')).toMatchObject({ intent: 'empty', answers: [] });
  });
});
