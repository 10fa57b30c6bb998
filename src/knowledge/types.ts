// The knowledge base as the rest of the program sees it, after loading and validation.
// The files under knowledge/ are parsed by schema.ts; nothing else reads them.

/** One unit of government that can lead (负责) or cooperate (配合). */
export interface Unit {
  /** Canonical full name, e.g. 省公安厅. */
  name: string;
  /** Words staff type for it: 公安, 公安厅, 警方 … (never another unit's name). */
  aliases: string[];
  /** Optional longer official name, e.g. 福建省公安厅. */
  fullName?: string;
}

/** A heading of the outline: 一、 / （一） / 1. — title null when the scrape lost it. */
export interface Section {
  /** Outline path such as 二（一） or 二（一）2. */
  path: string;
  /** Verbatim heading text (without its numbering), or null when lost. */
  title: string | null;
}

export interface Clause {
  /** Stable id, e.g. p2-1-3-1. Unique across all documents. */
  id: string;
  /** Id of the document it belongs to. */
  document: string;
  /** Outline path, e.g. 二（一）3（1）. A lost number is written （？）. */
  path: string;
  /** Headings above the clause, outermost first, already resolved from sections. */
  titles: Section[];
  /** Full verbatim text (numbering marker stripped). */
  text: string;
  /** Verbatim responsibility annotation, e.g. （责任单位：省民政厅负责，省公安厅配合）, or null. */
  responsibility: string | null;
  /** Canonical unit names that lead (负责). */
  lead: string[];
  /** Canonical unit names that cooperate (配合). */
  cooperate: string[];
  /** Indices of the source sentences (see `npm run kb -- sentences`) it was assembled from. */
  provenance: number[];
  /** Why an annotation owner or placement was decided by judgement. */
  note?: string;
}

export interface DocumentInfo {
  id: string;
  title: string;
  /** Short name used in replies, e.g. 省实施细则. */
  shortName: string;
  /** Administrative level: 省 / 市 / 县. */
  level: string;
  /** Path of the raw source text, relative to knowledge/. */
  source: string;
  /** 文号 or version label, when recorded. */
  version?: string;
  /** Date this version takes effect, YYYY-MM-DD, when recorded. */
  effective?: string;
}

/** An earlier version of a document, kept under knowledge/archive/<document id>/ when it was replaced. */
export interface ArchivedDocument {
  info: DocumentInfo;
  clauses: Clause[];
  /** The archived file, relative to the project (knowledge/archive/…). */
  file: string;
}

export interface KnowledgeBase {
  documents: DocumentInfo[];
  units: Unit[];
  clauses: Clause[];
  /** Earlier versions of the documents (knowledge/archive/), for history and changes; absent when none. */
  archive?: ArchivedDocument[];
  /** The words staff use (knowledge/vocabulary.yaml). */
  vocabulary: Vocabulary;
  /** Staff questions known to be about a clause, by clause id (knowledge/examples.yaml); absent when none. */
  examples?: Record<string, string[]>;
  /** Content hash of all knowledge files, for /kb status and caches. */
  version: string;
}

/** knowledge/vocabulary.yaml, normalised: how the words staff type map to the document's. */
export interface Vocabulary {
  /** The document's terms the segmenter keeps whole. */
  terms: string[];
  /** Staff word → document words; with `when`, only when one of those words is in the same question. */
  synonyms: Record<string, { means: string[]; when?: string[] }>;
  /** Words that ask, fillers and spoken frames: never a topic. */
  questionWords: string[];
  /** Words that name the role a question asks about. */
  roles: { lead: string[]; cooperate: string[] };
  /** Example questions offered when a question is refused. */
  suggestions: string[];
  /** Words of neighbouring policy areas (留守老人, 两癌筛查): a question holding one is refused. */
  outsideWords: string[];
}
