// A small knowledge base shaped like the real one, for tests that must not depend on its wording.
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { knowledgeDir } from '../../src/knowledge/paths.js';
import type { Clause, KnowledgeBase } from '../../src/knowledge/types.js';

/** The real staff words (knowledge/vocabulary.yaml), loaded once. */
let vocabulary: KnowledgeBase['vocabulary'] | undefined;

const titles = (path: string): Clause['titles'] =>
  path.startsWith('一')
    ? [{ path: '一', title: '组织机构' }]
    : [{ path: '二', title: '行动措施和任务分工' }, { path: '二（一）', title: '健全预防犯罪机制' }];

function clause(id: string, path: string, text: string, lead: string[], cooperate: string[]): Clause {
  return { id, document: 'demo', path, titles: titles(path), text, responsibility: null, lead, cooperate, provenance: [] };
}

export function fixtureKb(): KnowledgeBase {
  vocabulary ??= loadKnowledgeBase(knowledgeDir()).vocabulary;
  return {
    version: 'test',
    vocabulary,
    documents: [{ id: 'demo', title: '示例细则', shortName: '示例细则', level: '省', source: 'x.txt' }],
    units: [
      { name: '省民政厅', aliases: ['民政厅', '民政'] },
      { name: '省公安厅', aliases: ['公安厅', '公安', '公安机关', '警察', '派出所'] },
      { name: '团省委', aliases: ['团委', '共青团'] },
    ],
    clauses: [
      clause('c1', '一（二）', '省反拐工作联席会议由以下单位组成：省民政厅、公安厅、团省委。召集人由省政府分管公安工作领导担任，办公室设在省公安厅。', [], []),
      clause('c2', '二（一）3（1）', '规范婚姻登记管理，登记中发现疑似拐卖妇女情形的，应当及时制止并向公安机关报告。提高涉外婚姻登记准确性。', ['省民政厅'], ['省公安厅']),
      clause('c3', '二（一）2（2）', '强化娱乐服务场所经营管理，完善娱乐场所从业人员名簿，严厉打击营利性陪侍和卖淫嫖娼等违法犯罪。', ['省公安厅'], ['团省委']),
      clause('c4', '二（一）2（7）', '严格执行儿童失踪快速查找机制，完善儿童失踪信息发布制度。', ['省公安厅'], ['省民政厅']),
      clause('c5', '二（一）2（8）', '做好留守儿童关爱保护，发挥青少年维权岗作用。', ['团省委'], ['省民政厅']),
    ],
  };
}
