// A tiny stand-in for the core, for testing when-to-answer, commands and splitting in isolation.
import type { Answer, Reply } from '../../src/core/types.js';
import type { ChatAssistant } from '../../src/chat/types.js';

export const MARRIAGE: Answer = {
  id: 'p2-3-1',
  document: 'fujian-provincial-2021',
  documentName: '省实施细则',
  path: '二（三）1',
  title: '（三）婚姻登记',
  text: '规范婚姻登记管理，登记中发现疑似拐卖妇女情形的，应当及时制止并向公安机关报告。',
  lead: ['省民政厅'],
  cooperate: ['省公安厅'],
  responsibility: '（责任单位：省民政厅负责，省公安厅配合）',
  score: 1,
  confidence: 'high',
};

export interface FakeAssistant extends ChatAssistant {
  questions: string[];
}

export function fakeAssistant(overrides: Partial<ChatAssistant> = {}): FakeAssistant {
  const questions: string[] = [];
  return {
    questions,
    ask(question: string): Reply {
      questions.push(question);
      if (question.includes('婚姻')) {
        return { question, intent: 'responsibility', answers: [MARRIAGE], related: [] };
      }
      if (question === '二（三）1') {
        return { question, intent: 'clause-lookup', answers: [MARRIAGE], related: [] };
      }
      return { question, intent: 'out-of-scope', answers: [], related: [], suggestions: ['谁负责婚姻登记相关反拐措施'] };
    },
    getClause: (id: string) => (id === MARRIAGE.id ? MARRIAGE : undefined),
    ...overrides,
  };
}

export const renderReply = (reply: Reply): string =>
  reply.answers.length === 0
    ? `没有找到：${reply.question}`
    : reply.answers.map((a) => `${a.path}\n负责：${a.lead.join('、')}\n配合：${a.cooperate.join('、')}`).join('\n\n');

export const renderClause = (a: Answer): string => `${a.path} 全文\n${a.text}`;
