// Every question the knowledge base can produce is fair: one right option, distractors hold no role.
import { describe, expect, it } from 'vitest';
import { makeQuestion, quizClauses } from '../../src/quiz/question-maker.js';
import { parseAnswer } from '../../src/quiz/answer-parser.js';
import { seededRng } from '../../src/quiz/rng.js';
import { createUnitRegistry } from '../../src/knowledge/unit-registry.js';
import { realKb } from './quiz-harness.js';

describe('questions from the real knowledge base', () => {
  const kb = realKb();

  it('has exactly one right option and distractors that hold no role in the clause, for every clause and many draws', () => {
    const rng = seededRng(3);
    const clauses = quizClauses(kb);
    expect(clauses.length).toBeGreaterThan(20);
    const roles = new Set<string>();
    for (const clause of clauses) {
      for (let i = 0; i < 20; i++) {
        const q = makeQuestion(kb, clause, rng)!;
        roles.add(q.role);
        expect(new Set(q.options).size).toBe(4);
        const holders = q.role === '负责' ? clause.lead : clause.cooperate;
        expect(q.options.filter((o) => holders.includes(o))).toEqual([q.options[q.answer]]);
        const involved = new Set([...clause.lead, ...clause.cooperate]);
        expect(q.options.filter((o) => involved.has(o))).toHaveLength(1);
        expect(q.options.some((o) => o.includes('成员单位'))).toBe(false);
        expect(q.options.every((o) => kb.units.some((u) => u.name === o))).toBe(true);
      }
    }
    expect([...roles].sort()).toEqual(['负责', '配合']);
  });

  it('masks the right unit’s own names in the excerpt, so the text does not give it away', () => {
    // 二（二）2（2）: 省公安厅负责, and its text starts 「…公安机关…」.
    const clause = kb.clauses.find((c) => c.path === '二（二）2（2）')!;
    let seen = 0;
    for (let seed = 0; seed < 30; seed++) {
      const q = makeQuestion(kb, clause, seededRng(seed))!;
      if (q.role !== '负责' || q.options[q.answer] !== '省公安厅') continue;
      seen += 1;
      expect(q.excerpt).not.toContain('公安机关');
      expect(q.excerpt).toContain('〇〇');
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('draws the same questions for the same seed', () => {
    const clause = quizClauses(kb)[5]!;
    expect(makeQuestion(kb, clause, seededRng(9))).toEqual(makeQuestion(kb, clause, seededRng(9)));
  });

  it('reads letters (also full-width and 选B) and unit names or aliases as answers, and nothing else', () => {
    const q = makeQuestion(kb, quizClauses(kb)[0]!, seededRng(2))!;
    const registry = createUnitRegistry(kb.units);
    expect(parseAnswer('b', q, registry)).toEqual({ choice: 1, unit: q.options[1] });
    expect(parseAnswer('Ｃ', q, registry)).toMatchObject({ choice: 2 });
    expect(parseAnswer('选D', q, registry)).toMatchObject({ choice: 3 });
    expect(parseAnswer('A.', q, registry)).toMatchObject({ choice: 0 });
    const unit = kb.units.find((u) => u.name === q.options[2])!;
    expect(parseAnswer(unit.name, q, registry)).toMatchObject({ choice: 2 });
    expect(parseAnswer(unit.aliases[0]!, q, registry)).toMatchObject({ choice: 2 });
    const other = kb.units.find((u) => !q.options.includes(u.name))!;
    expect(parseAnswer(other.name, q, registry)).toEqual({ choice: -1, unit: other.name });
    expect(parseAnswer('民政厅负责哪些工作', q, registry)).toBeUndefined();
    expect(parseAnswer('E', q, registry)).toBeUndefined();
    expect(parseAnswer('ABC', q, registry)).toBeUndefined();
  });
});
