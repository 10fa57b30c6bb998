// The shape of knowledge/vocabulary.yaml: the words staff type, as administrators write them.
// Strict: an unknown key is a typo (synonym: instead of synonyms:) and is reported, never ignored.
import { z } from 'zod';

const word = z.string().trim().min(1);
const words = z.array(word);

/** 结婚: [婚姻]  or, for a word with two senses,  生产: {means: [分娩], when: [孩子, 医院]}. */
const synonym = z.union([
  words.min(1),
  z.object({ means: words.min(1), when: words.min(1) }).strict(),
]);

export const vocabularyFileSchema = z
  .object({
    terms: words.default([]),
    synonyms: z.record(word, synonym).default({}),
    question_words: words.min(1),
    roles: z.object({ lead: words.min(1), cooperate: words.min(1) }).strict(),
    suggestions: words.min(1),
    outside_words: words.default([]),
  })
  .strict();

export type VocabularyFile = z.infer<typeof vocabularyFileSchema>;
