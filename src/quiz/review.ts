// Spaced repetition for private practice (Leitner boxes): a clause answered wrongly goes back to
// box 0 and is due at once; each right answer moves it up a box and further into the future.
// Due clauses weigh more when the next practice question is drawn.

export interface ReviewItem {
  clauseId: string;
  box: number;
  dueAt: number;
}

const MINUTE = 60_000;
/** Wait after a right answer, by the box it moves into. Past the last box the clause is mastered. */
export const REVIEW_INTERVALS_MS = [0, 10 * MINUTE, 60 * MINUTE, 24 * 60 * MINUTE, 3 * 24 * 60 * MINUTE];

/** A due clause from the review list is this many times as likely to be drawn as any other. */
export const DUE_WEIGHT = 6;

/** The review state after an answer; undefined when the clause leaves the list (mastered or never wrong). */
export function nextReview(current: ReviewItem | undefined, clauseId: string, correct: boolean, now: number): ReviewItem | undefined {
  if (!correct) return { clauseId, box: 0, dueAt: now };
  if (!current) return undefined;
  const box = current.box + 1;
  if (box >= REVIEW_INTERVALS_MS.length) return undefined;
  return { clauseId, box, dueAt: now + (REVIEW_INTERVALS_MS[box] as number) };
}

export function practiceWeight(item: ReviewItem | undefined, now: number): number {
  if (!item) return 1;
  // Lower boxes (more recent mistakes) weigh more among the due ones.
  return item.dueAt <= now ? DUE_WEIGHT * (REVIEW_INTERVALS_MS.length - item.box) / REVIEW_INTERVALS_MS.length + 1 : 1;
}
