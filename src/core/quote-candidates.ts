// Which texts can share a run of at least `run` characters with a question. A shared run of
// `run` ≥ k characters starting at s holds the question's k-grams at s and at s + run − k, so a
// text must hold both: an index of k-grams lets a quote search skip every other text, and its
// cost follows the matches rather than the size of the knowledge base.

export interface QuoteCandidates {
  /** Indices, ascending, of the texts holding, for some s, both k-grams of `q` at s and s + run − k. */
  of(q: string, run: number): number[];
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
    of(q, run) {
      if (run < k) throw new RangeError(`a run of ${run} is shorter than the indexed ${k} characters`);
      const g = index();
      const found = new Set<number>();
      for (let s = 0; s + run <= q.length; s++) {
        const first = g.get(q.slice(s, s + k));
        const last = g.get(q.slice(s + run - k, s + run));
        if (!first || !last) continue;
        // Both lists are ascending: walk them together.
        for (let a = 0, b = 0; a < first.length && b < last.length; ) {
          if (first[a] === last[b]) found.add(first[a++]), b++;
          else if (first[a] < last[b]) a++;
          else b++;
        }
      }
      return [...found].sort((a, b) => a - b);
    },
  };
}
