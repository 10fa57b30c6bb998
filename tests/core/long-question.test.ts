// The core takes a question of any length in time linear in it (chat and the CLI cut at 1,000
// characters; the core must not depend on that). A line of 200,000 letters took 87 s: splitting a
// word into question words tried every start, and every pair of words was compared for containment.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssistant, type Assistant } from '../../src/core/assistant.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { knowledgeDir } from '../../src/knowledge/paths.js';

let assistant: Assistant;
beforeAll(() => {
  assistant = createAssistant({ kb: loadKnowledgeBase(knowledgeDir()) });
});

// Vitest's timeout is the only clock here: each of these ran for a minute or more before.
describe('questions of 200,000 characters', { timeout: 60_000 }, () => {
  it('refuses a run of 200,000 letters', () => {
    expect(assistant.ask('a'.repeat(200_000)).intent).toBe('out-of-scope');
  });

  it('refuses 200,000 different characters', () => {
    const text = Array.from({ length: 200_000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20_000))).join('');
    expect(assistant.ask(text).intent).toBe('out-of-scope');
  });

  it('refuses words of every length from 1 to 600 letters', () => {
    const text = Array.from({ length: 600 }, (_, i) => 'a'.repeat(i + 1)).join(' ');
    expect(assistant.ask(text).intent).toBe('out-of-scope');
  });

  it('answers a question repeated to 200,000 characters as the question itself', () => {
    const reply = assistant.ask('谁负责婚姻登记相关反拐措施'.repeat(15_385));
    expect(reply.answers[0]).toMatchObject({ path: '二（一）3（1）', lead: ['省民政厅'], cooperate: ['省公安厅'] });
  });
});
