// Time for the quiz, injected: the real one uses Date.now/setTimeout; tests drive a fake one.

export interface Scheduler {
  now(): number;
  /** Run fn after ms; returns a function that cancels it. */
  after(ms: number, fn: () => void): () => void;
}

export const systemScheduler: Scheduler = {
  now: () => Date.now(),
  after(ms, fn) {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};
