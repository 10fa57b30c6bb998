// Coverage decides refusal, and its bound decides which clauses are not scored at all: a clause
// the bound leaves out must never be one that covers enough.
import { describe, expect, it } from 'vitest';
import type { TopicWord } from '../../src/core/analyser.js';
import { createCoverage } from '../../src/core/coverage.js';

// Rarity as in the index: log(1 + n / df).
const DF: Record<string, number> = { 婚姻登记: 2, 婚姻: 5, 登记: 9, 学校门口: 0, 学校: 6, 门口: 3, 反拐: 40, 宣传: 12 };
const df = (t: string) => DF[t] ?? 0;
const weight = (t: string) => Math.log(1 + 45 / (df(t) || 2));

const words: TopicWord[] = [
  { word: '婚姻登记', terms: ['婚姻登记'], parts: [['婚姻'], ['登记']] },
  { word: '学校门口', terms: ['学校门口'], parts: [['学校'], ['门口']] },
  { word: '反拐', terms: ['反拐'], parts: [] },
  { word: '宣传', terms: ['宣传'], parts: [] },
];

describe('coverage', () => {
  const coverage = createCoverage(words, weight);

  it('counts a whole word fully and a missed word by the share of its parts', () => {
    expect(coverage.of([...coverage.terms])).toBeCloseTo(1);
    expect(coverage.of([])).toBe(0);
    const whole = coverage.of(['婚姻登记']);
    const parts = coverage.of(['婚姻', '登记']);
    expect(parts).toBeCloseTo(whole);
    expect(coverage.of(['婚姻'])).toBeLessThan(whole);
    expect(coverage.of(['婚姻'])).toBeGreaterThan(0);
    // A rare word weighs more than a common one.
    expect(coverage.of(['婚姻登记'])).toBeGreaterThan(coverage.of(['反拐']));
  });

  it('requires rare terms first, and nothing when any clause is enough', () => {
    const required = coverage.required(0.6, df)!;
    expect(required.length).toBeGreaterThan(0);
    expect(required).toContain('学校门口');
    expect(required).not.toContain('反拐');
    expect(coverage.required(0, df)).toBeNull();
    expect(createCoverage([], weight).required(0.6, df)).toEqual([]);
  });

  it('never lets the bound leave out a clause that covers enough (every set of terms)', () => {
    const terms = coverage.terms;
    for (const min of [0.3, 0.5, 0.6, 0.8]) {
      const required = coverage.required(min, df)!;
      for (let mask = 0; mask < 1 << terms.length; mask++) {
        const held = terms.filter((_, i) => mask & (1 << i));
        const figure = coverage.of(held);
        const heldRequired = held.filter((t) => required.includes(t));
        if (!heldRequired.length) expect(figure).toBeLessThan(min);
        expect(coverage.bound(heldRequired, required)).toBeGreaterThanOrEqual(figure);
      }
    }
  });
});
