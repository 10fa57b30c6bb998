// Several documents in one knowledge base: the provincial rules plus a county's (the fictional
// fixture, drafted into a temp copy). Every answer names its document; 县里 / 省里 pick the level.
import { beforeAll, describe, expect, it } from 'vitest';
import { replyBlocks } from '../../adapters/slack/blocks.js';
import { renderChatReply } from '../../src/chat/create-chat-handler.js';
import { createAssistant, type Assistant } from '../../src/core/assistant.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import type { KnowledgeBase } from '../../src/knowledge/types.js';
import { blockText } from '../adapters/slack/harness.js';
import { countyKnowledgeCopy } from './multi-document-kb.js';

let kb: KnowledgeBase;
let assistant: Assistant;
beforeAll(() => {
  kb = loadKnowledgeBase(countyKnowledgeCopy());
  assistant = createAssistant({ kb });
});

const COUNTY = '示例县细则';
const PROVINCE = '省实施细则';

describe('a question that names its level', () => {
  it('answers 「县里婚姻登记谁负责」 from the county document, with the county units', () => {
    const reply = assistant.ask('县里婚姻登记谁负责');
    expect(reply.intent).toBe('responsibility');
    expect(reply.answers[0]).toMatchObject({ documentName: COUNTY, path: '二（一）1', lead: ['县民政局'], cooperate: ['县公安局'] });
    expect(reply.related.every((r) => r.documentName === COUNTY)).toBe(true);
    expect(renderChatReply(reply)).toMatch(/^示例县细则 二（一）1/);
  });

  it('answers 「省里婚姻登记谁负责」 from the provincial document', () => {
    const top = assistant.ask('省里婚姻登记谁负责').answers[0];
    expect(top).toMatchObject({ documentName: PROVINCE, path: '二（一）3（1）', lead: ['省民政厅'], cooperate: ['省公安厅'] });
  });

  it.each([['全县护学岗谁负责', '二（一）2'], ['县级代孕谁管', '二（一）3'], ['我们县反拐宣传谁负责', '二（二）1']])(
    'reads 「%s」 as a county question',
    (q, path) => {
      expect(assistant.ask(q).answers[0]).toMatchObject({ documentName: COUNTY, path });
    },
  );

  it('falls back to the province when the county document says nothing on the topic, and says whose answer it is', () => {
    const reply = assistant.ask('县里人体器官买卖谁管');
    expect(reply.answers[0]?.documentName).toBe(PROVINCE);
    expect(renderChatReply(reply)).toContain(PROVINCE);
  });

  it('looks up an outline number in the named level only', () => {
    const reply = assistant.ask('县里二（一）1');
    expect(reply.intent).toBe('clause-lookup');
    expect(reply.answers.map((a) => a.documentName)).toEqual([COUNTY]);
  });

  it('finds the joint meeting of the level asked', () => {
    expect(assistant.ask('县反拐工作联席会议办公室设在哪里').answers[0]).toMatchObject({ documentName: COUNTY, path: '一（一）' });
    expect(assistant.ask('省反拐工作联席会议办公室设在哪里').answers[0]).toMatchObject({ documentName: PROVINCE, path: '一（二）' });
  });
});

describe('county units', () => {
  it('lists 县民政局\'s duties from the county clauses only', () => {
    const reply = assistant.ask('县民政局负责哪些工作');
    expect(reply).toMatchObject({ intent: 'unit-duties', unit: '县民政局' });
    expect(reply.answers.map((a) => [a.documentName, a.path, a.role])).toEqual([[COUNTY, '二（一）1', 'lead']]);
  });

  it('takes 「县里民政局」 for the county\'s 民政局, though the alias 民政局 is the province\'s', () => {
    expect(assistant.ask('县里民政局负责什么')).toMatchObject({ intent: 'unit-duties', unit: '县民政局' });
    expect(assistant.ask('县里团委负责什么')).toMatchObject({ intent: 'unit-duties', unit: '团县委' });
    // Without a level the alias means what the registry says.
    expect(assistant.ask('民政局负责什么')).toMatchObject({ intent: 'unit-duties', unit: '省民政厅' });
  });

  it('lists what 县公安局 cooperates on first when that is what is asked', () => {
    const reply = assistant.ask('县公安局要配合什么');
    expect(reply.unit).toBe('县公安局');
    expect(reply.answers.map((a) => a.role)).toEqual(['cooperate', 'cooperate', 'lead']);
    expect(reply.answers.every((a) => a.documentName === COUNTY)).toBe(true);
  });
});

describe('a question that names no level', () => {
  it('shows the other document\'s clause beside the best one, each named', () => {
    const reply = assistant.ask('婚姻登记谁负责');
    const docs = [reply.answers[0]!.documentName, ...reply.related.map((r) => r.documentName)];
    expect(docs).toEqual(expect.arrayContaining([COUNTY, PROVINCE]));
    const text = renderChatReply(reply);
    const other = reply.answers[0]!.documentName === COUNTY ? PROVINCE : COUNTY;
    expect(text).toMatch(new RegExp(`相关条款：\\n· ${other} `));
    expect(blockText(replyBlocks(reply))).toContain(`相关条款：${other} `);
  });

  it('still answers the provincial questions as before', () => {
    const reply = assistant.ask('谁负责婚姻登记相关反拐措施');
    expect(reply.answers[0]).toMatchObject({ documentName: PROVINCE, lead: ['省民政厅'] });
    expect(assistant.ask('民政厅负责哪些工作').answers.every((a) => a.documentName === PROVINCE)).toBe(true);
  });
});
