// The core's use of knowledge/vocabulary.yaml beyond the analyser's word-by-word mapping.
import type { Vocabulary } from '../knowledge/types.js';

/** Staff words with one sense: mapped wherever they stand, in questions and clauses alike. */
export function plainSynonyms(v: Vocabulary): Record<string, readonly string[]> {
  return Object.fromEntries(Object.entries(v.synonyms).filter(([, s]) => !s.when).map(([k, s]) => [k, s.means]));
}

/**
 * A word with two senses (生产: production, or giving birth) is read as the document's words only
 * when one of its context words is in the same question; otherwise it stays itself, which the
 * document does not use, so the question is not taken for the clause.
 */
export function createContextRewriter(v: Vocabulary): (normalised: string) => string {
  const contextual = Object.entries(v.synonyms)
    .filter(([, s]) => s.when)
    .sort(([a], [b]) => b.length - a.length);
  if (!contextual.length) return (q) => q;
  return (q) => {
    let out = q;
    for (const [word, s] of contextual) {
      if (!out.includes(word) || !s.when!.some((w) => w !== word && q.includes(w))) continue;
      out = out.split(word).join(` ${s.means.join(' ')} `);
    }
    return out;
  };
}

/** Which role a text asks about: lead words (负责, 牵头…), cooperate words (配合, 协助…), or neither. */
export function createRoleFinder(v: Vocabulary) {
  const lead = [...v.roles.lead].sort((a, b) => b.length - a.length);
  const cooperate = [...v.roles.cooperate].sort((a, b) => b.length - a.length);
  return {
    /** The role words in a text, in order, with their positions. */
    find(text: string): Array<{ role: 'lead' | 'cooperate'; start: number; end: number }> {
      const found: Array<{ role: 'lead' | 'cooperate'; start: number; end: number }> = [];
      const taken = new Array<boolean>(text.length).fill(false);
      for (const [role, list] of [['cooperate', cooperate], ['lead', lead]] as const) {
        for (const w of list) {
          for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
            if (taken.slice(at, at + w.length).some(Boolean)) continue;
            taken.fill(true, at, at + w.length);
            found.push({ role, start: at, end: at + w.length });
          }
        }
      }
      return found.sort((a, b) => a.start - b.start);
    },
  };
}
export type RoleFinder = ReturnType<typeof createRoleFinder>;
