// What one quiz question is, independent of chat platform and storage.

/** 负责 asks for a lead unit, 配合 for a cooperating one. */
export type QuizRole = '负责' | '配合';

export const LETTERS = ['A', 'B', 'C', 'D'] as const;
export type Letter = (typeof LETTERS)[number];

export interface Question {
  clauseId: string;
  /** Outline path shown in the reveal, e.g. 二（一）2（3）. */
  clausePath: string;
  role: QuizRole;
  /** The clause text as shown, the right unit's own names masked. */
  excerpt: string;
  /** Four canonical unit names, in the order shown as A–D. */
  options: string[];
  /** Index into options of the one right answer. */
  answer: number;
  /** Every lead / cooperating unit of the clause, for the reveal. */
  lead: string[];
  cooperate: string[];
}

/** Which conversation a quiz runs in: state and scores key on platform + conversationId. */
export interface QuizPlace {
  platform: string;
  conversationId: string;
  conversationName?: string;
  isGroup: boolean;
  /** A group where the bot sees only messages that @ it: answers must @ it too. */
  mentionsOnly?: boolean;
}

export interface QuizPerson {
  id: string;
  name?: string;
}
