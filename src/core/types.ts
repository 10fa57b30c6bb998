// The contract between the query core and every adapter. Adapters render a Reply; they never
// look inside the index or the knowledge files.

export type Intent =
  | 'responsibility' // 谁负责X / 哪个部门牵头 / a bare topic
  | 'unit-duties' // 民政厅负责哪些工作
  | 'clause-lookup' // 二（一）3（1） or a quoted sentence
  | 'organisation' // 联席会议成员 / 召集人 / 办公室
  | 'out-of-scope' // nothing in the document fits
  | 'empty'; // nothing to ask

export interface Answer {
  id: string;
  document: string;
  /** Short name of the document, e.g. 省实施细则. */
  documentName: string;
  /** 文号 or version label of the document version quoted (e.g. 2021年版), when the document records one. */
  documentVersion?: string;
  path: string;
  /** Title of the nearest section above the clause (with its numbering), or ''. */
  title: string;
  /** Full verbatim text. */
  text: string;
  lead: string[];
  cooperate: string[];
  /** Verbatim annotation or null. */
  responsibility: string | null;
  score: number;
  /** For unit questions: the role the asked unit plays in this clause. */
  role?: 'lead' | 'cooperate';
  /**
   * How sure the assistant is that this clause is what was asked: `high` for a clause asked by
   * number or quote, a unit's own list, or a clear search winner; `low` for the nearest clause of
   * a weak or close search, or a question understood only after correcting a typo.
   */
  confidence: Confidence;
}

export type Confidence = 'high' | 'low';
export type Role = 'lead' | 'cooperate';

export interface Reply {
  question: string;
  intent: Intent;
  /** Best answers first. For unit questions: every clause of the unit, lead first. */
  answers: Answer[];
  /** At most two related clauses (ids), for "see also". */
  related: Answer[];
  /** For unit-duties: the canonical unit asked about. */
  unit?: string;
  /** Example questions, when the question was refused or empty. */
  suggestions?: string[];
  /** For unit-duties: the role the question asked about (配合什么 → cooperate), when it named one. */
  askedRole?: Role;
  /** For several units at once (教育厅牵头、公安配合的): each unit and the role asked of it (none: any). */
  units?: Array<{ unit: string; role?: Role }>;
  /** A follow-up about one part of the answer (那配合的呢 → cooperate; 那网信办呢 → that unit). */
  focus?: { role?: Role; unit?: string };
  /** The words read differently from how they were typed (typos: 婚姻登计 → 婚姻登记). */
  corrected?: Array<{ typed: string; read: string }>;
}
