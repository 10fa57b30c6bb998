// How much of what a question is about a clause holds (the figure refusal rests on), and which
// clauses could still hold enough: at scale most clauses cannot, and need not be scored at all.
import type { TopicWord } from './analyser.js';
import { remembered } from './remembered.js';

export interface Coverage {
  /** The question's topic terms (own words' and parts'), each once. */
  readonly terms: readonly string[];
  /** Share (0–1) of the question's topic words, weighted by rarity, that a clause matching these terms covers. */
  of(matchedTerms: readonly string[]): number;
  /**
   * Terms a clause must hold one of to cover `min` or more: a clause holding none of them covers
   * less. Rare terms first (`df`: how many clauses hold a term), so few clauses hold them. Null
   * when every clause covers enough (min ≤ 0).
   */
  required(min: number, df: (term: string) => number): string[] | null;
  /** The most a clause can cover that holds `held` of the `required` terms (and may hold any other). */
  bound(held: readonly string[], required: readonly string[]): number;
}

/** Sets of terms remembered per question (a question's terms make far fewer). */
const SETS_REMEMBERED = 10_000;

interface WeighedWord {
  word: TopicWord;
  parts: number[];
  wordWeight: number;
  partsSum: number;
}

/**
 * Coverage counts whole words, not the parts search mode adds: 公车管理 is one unknown word,
 * not half covered by 管理. A word whose own terms miss still earns the share of its parts that
 * match (学校门口 → 学校), weighted by rarity (`weight`, the rarest of a word's terms).
 */
export function createCoverage(words: readonly TopicWord[], weight: (term: string) => number): Coverage {
  const termsWeight = (terms: readonly string[]) => Math.max(0, ...terms.map(weight));
  const weighed: WeighedWord[] = words.map((word) => {
    const own = termsWeight(word.terms);
    const parts = word.parts.map(termsWeight);
    return { word, parts, wordWeight: Math.max(own, ...parts), partsSum: parts.reduce((a, b) => a + b, 0) };
  });
  const terms = [...new Set(words.flatMap((w) => [...w.terms, ...w.parts.flat()]))];

  // More terms held never lowers the figure (each word's share only grows, and sums of
  // non-negative numbers only grow, rounding included), which is what makes bound() a bound.
  const figure = (holds: (term: string) => boolean): number => {
    let total = 0;
    let covered = 0;
    for (const { word, parts, wordWeight, partsSum } of weighed) {
      total += wordWeight;
      if (word.terms.some(holds)) covered += wordWeight;
      else if (parts.length) {
        const hit = word.parts.reduce((s, p, i) => s + (p.some(holds) ? (parts[i] ?? 0) : 0), 0);
        covered += (wordWeight * hit) / partsSum;
      }
    }
    return total > 0 ? covered / total : 0;
  };

  // The figure once per set of terms: at scale thousands of clauses share a handful of such sets.
  const SEP = '\u0000';
  const ofKey = remembered((key) => {
    const held = new Set(key.split(SEP));
    return figure((t) => held.has(t));
  }, SETS_REMEMBERED);
  const boundKey = remembered((key) => {
    const [heldPart, requiredPart] = key.split(SEP + SEP);
    const held = new Set(heldPart.split(SEP));
    const required = new Set(requiredPart.split(SEP));
    return figure((t) => !required.has(t) || held.has(t));
  }, SETS_REMEMBERED);

  return {
    terms,
    of: (matchedTerms) => ofKey(matchedTerms.join(SEP)),
    bound: (held, required) => boundKey(held.join(SEP) + SEP + SEP + required.join(SEP)),
    required(min, df) {
      if (!(min > 0)) return null;
      const rarestFirst = [...terms].sort((a, b) => df(a) - df(b));
      const left = new Set<string>();
      for (const t of rarestFirst) {
        left.add(t);
        if (figure((x) => !left.has(x)) < min) return [...left];
      }
      // Nothing to cover (no topic words): every clause covers 0, below any min > 0.
      return [];
    },
  };
}
