// The shape of the files under knowledge/, as administrators write them. Strict: a key the
// schema does not know is an error (a misspelt `cooperate` must not silently drop its units).
import { z } from 'zod';

const name = z.string().trim().min(1);

export const unitsFileSchema = z.strictObject({
  units: z
    .array(
      z.strictObject({
        name,
        full_name: name.optional(),
        aliases: z.array(name).default([]),
      }),
    )
    .min(1),
});

export const documentFileSchema = z.strictObject({
  document: z.strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and -'),
    title: name,
    short_name: name,
    level: name,
    source: name,
    /** 文号 or version label (闽政办〔2021〕80号, 2021年版): answers name it; `kb replace` needs it. */
    version: name.optional(),
    /** Date the version takes effect (YYYY-MM-DD): orders the versions in knowledge/archive/. */
    effective: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD')
      .refine((d) => !Number.isNaN(Date.parse(d)), 'not a real date')
      .optional(),
  }),
  sections: z
    .array(z.strictObject({ path: name, title: z.string().min(1).nullable() }))
    .default([]),
  clauses: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'use letters, digits and -'),
        path: name,
        text: name,
        responsibility: z.string().min(1).nullable(),
        lead: z.array(name).default([]),
        cooperate: z.array(name).default([]),
        provenance: z.array(z.number().int().nonnegative()).min(1),
        note: z.string().optional(),
      }),
    )
    .min(1),
  skipped: z
    .array(z.strictObject({ sentence: z.number().int().nonnegative(), reason: name }))
    .default([]),
});

export const regressionFileSchema = z.strictObject({
  questions: z
    .array(
      z.strictObject({
        question: name,
        clause: name.optional(),
        lead: z.array(name),
        cooperate: z.array(name).default([]),
      }),
    )
    .min(1),
});

/** A staff question: one chat message, no longer than the chat accepts. */
const staffQuestion = z.string().trim().min(2).max(200);

export const examplesFileSchema = z.strictObject({
  examples: z
    .array(
      z.strictObject({
        clause: name,
        /** Needed only when two documents have a clause with that number. */
        document: name.optional(),
        questions: z.array(staffQuestion).min(1),
      }),
    )
    .default([]),
});

export type UnitsFile = z.infer<typeof unitsFileSchema>;
export type DocumentFile = z.infer<typeof documentFileSchema>;
