// Typos and homophones: read as the document's word, never overriding a word the document has.
import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/core/assistant.js';
import { createTypoCorrector } from '../../src/core/typo-corrector.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { knowledgeDir } from '../../src/knowledge/paths.js';

const assistant = createAssistant({ kb: loadKnowledgeBase(knowledgeDir()) });

describe('typo and homophone tolerance', () => {
  it('answers pinyin typos with the clause, marked low confidence with what was read', () => {
    for (const [typed, lead] of [['婚姻登计谁负责', '省民政厅'], ['收样登记谁负责', '省公安厅'], ['公按厅负责哪些工作', undefined]] as const) {
      const reply = assistant.ask(typed);
      expect(reply.answers.length).toBeGreaterThan(0);
      if (lead) expect(reply.answers[0]!.lead).toContain(lead);
      expect(reply.answers[0]!.confidence).toBe('low');
      expect(reply.corrected?.length).toBeGreaterThan(0);
    }
    expect(assistant.ask('公按厅负责哪些工作').unit).toBe('省公安厅');
  });

  it('never reads a word the document has as another, nor a unit one character off as another unit', () => {
    const corrector = createTypoCorrector({
      targets: () => ['婚姻登记', '商务局', '边防检查'],
      isKnown: (piece) => '规范婚姻登记管理'.includes(piece),
      byShape: (w) => w !== '商务局',
    });
    expect(corrector.correct('婚姻登记谁负责')).toBeNull();
    expect(corrector.correct('婚姻登计谁负责')?.text).toBe('婚姻登记谁负责');
    expect(corrector.correct('税务局负责什么')).toBeNull();
    expect(corrector.correct('消防检查归谁')).toBeNull();
    // Near-miss questions stay refused.
    expect(assistant.ask('消防检查归谁').answers).toEqual([]);
    expect(assistant.ask('年假怎么请').answers).toEqual([]);
  });

  it('reads a word of the same sound before one a character off, and of several the document\'s own', () => {
    const corrector = createTypoCorrector({
      targets: () => ['心理疏导', '心理辅导', '代孕', '代运'],
      isKnown: () => false,
      byShape: () => true,
      preferred: (w) => ['心理疏导', '代孕'].includes(w),
    });
    expect(corrector.correct('心理输导谁负责')?.text).toBe('心理疏导谁负责');
    expect(corrector.correct('打击带孕谁负责')?.text).toBe('打击代孕谁负责');
    // On the real knowledge base, and role words typed wrong (负则) too.
    expect(assistant.ask('被拐卖受害人心理输导谁负责').answers[0]?.id).toBe('p2-3-1-6');
    expect(assistant.ask('打击带孕是那个部门牵头的啊').answers[0]?.id).toBe('p2-1-3-3');
    expect(assistant.ask('婚姻登计时发现疑似被拐妇女，谁负则').answers[0]?.id).toBe('p2-1-3-1');
  });

  it('reads pinyin typed as letters inside a word as the one document word spelled so', () => {
    for (const [q, id] of [['hu学岗和高峰勤务是哪个单位负责', 'p2-1-2-4'], ['liushou儿童防拐谁管', 'p2-1-2-7'], ['街面jiu助谁负责', 'p2-3-1-1']] as const) {
      const reply = assistant.ask(q);
      expect(reply.answers[0]?.id, q).toBe(id);
      expect(reply.answers[0]?.confidence, q).toBe('low');
      expect(reply.corrected?.[0]?.typed, q).toMatch(/[a-z]/);
    }
    expect(assistant.ask('jian察院负责哪些反拐工作').unit).toBe('省检察院');
  });
});
