// Which texts can share a run of at least `k` characters with a question: those holding one of
// its k-character substrings. Lets a quote search skip the clauses it could never match, so its
// cost follows the matches rather than the size of the knowledge base.

export interface QuoteCandidates {
  /** Indices, ascending, of the texts holding some k-character substring of `q`. */
  of(q: string): number[];
}

export function createQuoteCandidates(texts: readonly string[], k: number): QuoteCandidates {
  let grams: Map<string, number[]> | undefined;
  // Built on the first quote-length question: a start-up without one never pays for it.
  const index = () => {
    if (grams) return grams;
    grams = new Map();
    texts.forEach((t, i) => {
      for (let s = 0; s + k <= t.length; s++) {
        const g = t.slice(s, s + k);
        const list = grams!.get(g);
        if (!list) grams!.set(g, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    });
    return grams;
  };
  return {
    of(q) {
      const g = index();
      const found = new Set<number>();
      for (let s = 0; s + k <= q.length; s++) for (const i of g.get(q.slice(s, s + k)) ?? []) found.add(i);
      return [...found].sort((a, b) => a - b);
    },
  };
}
