// One Answer as the core returns it (二（一）3（1）, marriage registration), for renderer tests.
import type { Answer } from '../../src/core/types.js';

export const marriageAnswer = (over: Partial<Answer> = {}): Answer => ({
  id: 'p2-1-3-1',
  document: 'fujian-provincial',
  documentName: '省实施细则',
  path: '二（一）3（1）',
  title: '二（一）3加大拐卖人口犯罪打击整治力度',
  text: '规范婚姻登记管理，登记中发现疑似拐卖妇女情形的，应当及时制止并向公安机关报告。',
  lead: ['省民政厅'],
  cooperate: ['省公安厅'],
  responsibility: '（责任单位：省民政厅负责，省公安厅配合）',
  score: 1,
  confidence: 'high',
  ...over,
});
