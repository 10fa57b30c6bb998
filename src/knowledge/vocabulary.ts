// knowledge/vocabulary.yaml → the Vocabulary the core reads, with the checks `kb check` runs:
// every document word a staff word maps to should stand in the knowledge (a clause, a heading or a
// unit; otherwise a warning: after a revised document drops a word, its staff words match nothing
// until an administrator points them elsewhere), and no staff word may lead back to itself through
// other staff words (a cycle, an error).
import { normaliseText } from '../core/normalise.js';
import type { Clause, Unit, Vocabulary } from './types.js';
import type { VocabularyFile } from './vocabulary-schema.js';

export interface VocabularyProblem {
  word?: string;
  message: string;
  /**
   * Harmless at run time, so never a reason to refuse knowledge: a staff word whose document word
   * no clause has any more (after a revised document drops it) simply matches nothing.
   */
  warning?: true;
}

export function buildVocabulary(file: VocabularyFile): Vocabulary {
  const synonyms: Vocabulary['synonyms'] = {};
  for (const [key, value] of Object.entries(file.synonyms)) {
    const k = normaliseText(key);
    synonyms[k] = Array.isArray(value)
      ? { means: value.map(normaliseText) }
      : { means: value.means.map(normaliseText), when: value.when.map(normaliseText) };
  }
  return {
    terms: file.terms.map(normaliseText),
    synonyms,
    questionWords: file.question_words.map(normaliseText),
    roles: { lead: file.roles.lead.map(normaliseText), cooperate: file.roles.cooperate.map(normaliseText) },
    suggestions: [...file.suggestions],
    outsideWords: file.outside_words.map(normaliseText),
  };
}

/** Problems of a vocabulary against the clauses and units it serves. */
export function checkVocabulary(v: Vocabulary, clauses: readonly Clause[], units: readonly Unit[]): VocabularyProblem[] {
  const problems: VocabularyProblem[] = [];
  const text = normaliseText(
    [
      ...clauses.flatMap((c) => [c.text, ...c.titles.map((t) => t.title ?? '')]),
      ...units.flatMap((u) => [u.name, u.fullName ?? '', ...u.aliases]),
    ].join('|'),
  );
  for (const [word, { means }] of Object.entries(v.synonyms)) {
    for (const target of means) {
      if (!text.includes(target)) problems.push({ word, message: `synonyms.${word}: 「${target}」 stands in no clause, heading or unit name`, warning: true });
    }
  }
  // A staff word read as another staff word is read once only; a chain that comes back is a mistake.
  const next = (w: string) => (v.synonyms[w]?.means ?? []).filter((t) => t !== w && v.synonyms[t]);
  const done = new Set<string>();
  for (const start of Object.keys(v.synonyms)) {
    const path: string[] = [];
    const walk = (w: string): boolean => {
      if (path.includes(w)) {
        const cycle = [...path.slice(path.indexOf(w)), w];
        problems.push({ word: start, message: `synonyms: cycle ${cycle.join(' → ')}` });
        return true;
      }
      if (done.has(w)) return false;
      path.push(w);
      const found = next(w).some(walk);
      path.pop();
      done.add(w);
      return found;
    };
    walk(start);
  }
  // An outside word the document itself uses would refuse the document's own questions.
  for (const w of v.outsideWords) if (text.includes(w)) problems.push({ word: w, message: `outside_words: 「${w}」 stands in the document, so its own questions would be refused` });
  const overlap = v.questionWords.filter((w) => v.synonyms[w]);
  for (const w of overlap) problems.push({ word: w, message: `「${w}」 is both a question word and a synonym` });
  return problems;
}
