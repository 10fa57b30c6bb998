// knowledge/examples.yaml: a question worded like a staff example finds the example's clause even
// when the clause says it in other words, and an example never lets a near miss through.
import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/core/assistant.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { knowledgeDir } from '../../src/knowledge/paths.js';

const kb = loadKnowledgeBase(knowledgeDir());
const venues = kb.clauses.find((c) => c.path === '二（一）2（2）')!;
const registration = kb.clauses.find((c) => c.path === '二（一）3（1）')!;
const examples = { [registration.id]: ['窗口来了一男一女，女的全程低头一句话不吭，都是男的替她回答，身份证照片看着也不像本人，谁管'] };
const withExamples = createAssistant({ kb, examples });
const without = createAssistant({ kb, examples: {} });
const asked = '窗口又来了一男一女，女的全程低头一句话不吭，问啥都是男的替她回答，身份证照片看着不像本人，这归谁管';

describe('example questions', () => {
  it('answer a situation told in staff words with the clause of the example it resembles, quoting the clause', () => {
    expect(without.ask(asked).answers).toEqual([]);
    const reply = withExamples.ask(asked);
    expect(reply.answers[0]?.path).toBe('二（一）3（1）');
    expect(reply.answers[0]?.text).toBe(registration.text);
    expect(reply.answers[0]?.lead).toEqual(registration.lead);
  });

  it('show in kb test which example spoke for the clause', () => {
    const hit = withExamples.explain(asked).hits[0]!;
    expect(hit.path).toBe('二（一）3（1）');
    expect(hit.example).toBe(examples[registration.id]![0]);
  });

  it('never answer a short question that shares one word with an example and names something else', () => {
    const ktv = createAssistant({ kb, examples: { [venues.id]: ['KTV检查发现有未成年人陪酒，谁管'] } });
    expect(ktv.ask('KTV的消防检查归谁').answers).toEqual([]);
  });

  it('never answer a long out-of-scope question that shares much of its story with an example', () => {
    expect(withExamples.ask('银行柜台来了一男一女，女的全程低头一句话不吭，都是男的替她回答，想取她卡里的钱，这归谁管').answers).toEqual([]);
  });

  it('are the knowledge base\'s own examples.yaml unless others are given', () => {
    expect(Object.keys(kb.examples ?? {}).length).toBeGreaterThan(0);
    const [id, [question]] = Object.entries(kb.examples!)[0]!;
    expect(createAssistant({ kb }).explain(question!).hits.some((h) => h.id === id)).toBe(true);
  });
});
