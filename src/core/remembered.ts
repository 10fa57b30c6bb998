// Remembers a pure function's results by a string key. A question is analysed several times on its
// way (topic check, search, coverage) and the knowledge base repeats its words: computing each once
// keeps both the work and the garbage of a question small. Emptied when full, so it stays bounded.
export function remembered<T>(f: (key: string) => T, limit: number): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    const hit = seen.get(key);
    if (hit !== undefined || seen.has(key)) return hit as T;
    const value = f(key);
    if (seen.size >= limit) seen.clear();
    seen.set(key, value);
    return value;
  };
}
