// The assistant runs on any Tokenizer: here a trivial one over a small hand-made knowledge base.
import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/core/assistant.js';
import type { Tokenizer } from '../../src/core/tokenizer.js';
import { fixtureKb } from './fixture-kb.js';

/** Forward maximum matching over the words it is given, single characters otherwise. */
function greedyTokenizer(): Tokenizer & { words: Set<string> } {
  const words = new Set<string>();
  return {
    words,
    addWords: (ws) => [...ws].forEach((w) => words.add(w)),
    tokenize(text) {
      const out: string[] = [];
      for (let i = 0; i < text.length; ) {
        let len = Math.min(8, text.length - i);
        while (len > 1 && !words.has(text.slice(i, i + len))) len--;
        out.push(text.slice(i, i + len));
        i += len;
      }
      return out;
    },
  };
}

describe('createAssistant with an injected tokenizer', () => {
  const tokenizer = greedyTokenizer();
  const assistant = createAssistant({ kb: fixtureKb(), tokenizer });

  it('hands the knowledge base words to the tokenizer so they stay whole', () => {
    expect(tokenizer.words.has('婚姻登记')).toBe(true);
    expect(tokenizer.words.has('团委')).toBe(true);
    expect(tokenizer.words.has('负责')).toBe(true);
  });

  it('answers who is responsible from the injected segmentation', () => {
    const a = assistant.ask('婚姻登记谁负责').answers[0];
    expect(a).toMatchObject({ id: 'c2', lead: ['省民政厅'], cooperate: ['省公安厅'], documentName: '示例细则' });
  });

  it('lists a unit through its alias', () => {
    const reply = assistant.ask('共青团负责什么');
    expect(reply.unit).toBe('团省委');
    expect(reply.answers.map((a) => [a.id, a.role])).toEqual([['c5', 'lead'], ['c3', 'cooperate']]);
  });

  it('refuses what the fixture does not cover', () => {
    expect(assistant.ask('谁负责公车管理').answers).toEqual([]);
  });
});
