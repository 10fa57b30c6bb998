// knowledge/examples.yaml: a question worded like a staff example finds the example's clause even
// when the clause says it in other words, and an example never lets a near miss through.
import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/core/assistant.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { knowledgeDir } from '../../src/knowledge/paths.js';

const kb = loadKnowledgeBase(knowledgeDir());
const venues = kb.clauses.find((c) => c.path === '二（一）2（2）')!;
const examples = { [venues.id]: ['洗脚城半夜还亮着粉灯，有人举报里面有不正经服务，谁管'] };
const withExamples = createAssistant({ kb, examples });
const without = createAssistant({ kb, examples: {} });
const asked = '足浴店半夜亮着粉灯，邻居举报里面有不正经的服务，归谁管';

describe('example questions', () => {
  it('answer a situation told in staff words with the clause of the example it resembles, quoting the clause', () => {
    expect(without.ask(asked).answers).toEqual([]);
    const reply = withExamples.ask(asked);
    expect(reply.answers[0]?.path).toBe('二（一）2（2）');
    expect(reply.answers[0]?.text).toBe(venues.text);
    expect(reply.answers[0]?.lead).toEqual(venues.lead);
  });

  it('show in kb test which example spoke for the clause', () => {
    const hit = withExamples.explain(asked).hits[0]!;
    expect(hit.path).toBe('二（一）2（2）');
    expect(hit.example).toBe(examples[venues.id][0]);
  });

  it('never answer a short question that shares one word with an example and names something else', () => {
    const ktv = createAssistant({ kb, examples: { [venues.id]: ['KTV检查发现有未成年人陪酒，谁管'] } });
    expect(ktv.ask('KTV的消防检查归谁').answers).toEqual([]);
  });

  it('never answer a long out-of-scope question that shares only everyday words with an example', () => {
    expect(withExamples.ask('小区楼下半夜有人吸毒，邻居举报了好几次，归谁管').answers).toEqual([]);
  });

  it('are the knowledge base\'s own examples.yaml unless others are given', () => {
    expect(Object.keys(kb.examples ?? {}).length).toBeGreaterThan(0);
    const [id, [question]] = Object.entries(kb.examples!)[0]!;
    expect(createAssistant({ kb }).explain(question!).hits.some((h) => h.id === id)).toBe(true);
  });
});
