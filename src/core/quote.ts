// A question that quotes the document: the longest run of characters it shares with a clause.

/** Length of the longest common substring (dynamic programming over one row). */
export function longestCommonRun(a: string, b: string): number {
  if (!a || !b) return 0;
  // One row, updated right to left so row[j - 1] still holds the previous row's value.
  const row = new Int32Array(b.length + 1);
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    for (let j = b.length; j >= 1; j--) {
      if (c === b.charCodeAt(j - 1)) {
        const run = row[j - 1] + 1;
        row[j] = run;
        if (run > best) best = run;
      } else row[j] = 0;
    }
  }
  return best;
}
