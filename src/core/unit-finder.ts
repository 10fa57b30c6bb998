// Finds the units a question names, through the aliases in the knowledge base (the knowledge
// side resolves one name: src/knowledge/unit-registry.ts; this finds every unit inside a text).
import type { Unit } from '../knowledge/types.js';
import { normaliseText } from './normalise.js';

export interface UnitMention {
  unit: string;
  /** The words as found in the normalised question. */
  alias: string;
  start: number;
  end: number;
}

export interface UnitFinder {
  /** Canonical name for one word (name, full name or alias), if it is a unit. */
  canonical(word: string): string | undefined;
  /** Every unit named in a normalised text, longest alias first, without overlaps. */
  find(text: string): UnitMention[];
  /** All words that name some unit (for the segmenter). */
  words(): string[];
}

export function createUnitFinder(units: readonly Unit[]): UnitFinder {
  const byWord = new Map<string, string>();
  for (const u of units) {
    for (const w of [u.name, u.fullName, ...u.aliases]) {
      if (w) byWord.set(normaliseText(w), u.name);
    }
  }
  // Longest first so 省妇儿工委办公室 wins over 妇联-like fragments and 公安厅 over 公安.
  const ordered = [...byWord.keys()].sort((a, b) => b.length - a.length);

  return {
    canonical: (word) => byWord.get(word),
    words: () => [...byWord.keys()],
    find(text) {
      const taken: boolean[] = new Array(text.length).fill(false);
      const found: UnitMention[] = [];
      for (const alias of ordered) {
        let from = 0;
        for (;;) {
          const start = text.indexOf(alias, from);
          if (start < 0) break;
          const end = start + alias.length;
          if (!taken.slice(start, end).some(Boolean)) {
            found.push({ unit: byWord.get(alias)!, alias, start, end });
            taken.fill(true, start, end);
          }
          from = start + 1;
        }
      }
      return found.sort((a, b) => a.start - b.start);
    },
  };
}
