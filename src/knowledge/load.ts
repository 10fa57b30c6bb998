// Reads, validates and proves the knowledge files. Nothing else in the program reads knowledge/.
// Every problem names the file, the clause id where there is one, and what is wrong; a
// knowledge base with any problem is never returned, so a broken edit cannot go live.
// Every file is read through readKnowledgeFile and parseYaml, so each is bounded alike (kind,
// size, UTF-8, aliases, nesting); src/knowledge/load-off-thread.ts adds the time limit.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { resolveAnnotation } from './annotation.js';
import { ARCHIVE_DIR, archiveFiles, archiveProblems } from './archive.js';
import { clip, DEFAULT_LIMITS, type LoadLimits } from './limits.js';
import { ancestorPaths, isPath, normalisePath } from './outline-path.js';
import { parseYaml } from './parse-yaml.js';
import { confined, readKnowledgeFile, type ReadBudget } from './read-file.js';
import { documentFileSchema, examplesFileSchema, regressionFileSchema, unitsFileSchema, type DocumentFile } from './schema.js';
import { isAnnotation, splitClauseText, splitSentences, stripMarker } from './source-sentences.js';
import type { ArchivedDocument, Clause, DocumentInfo, KnowledgeBase, Section, Unit } from './types.js';
import { conflictingTerms, createUnitRegistry, type UnitRegistry } from './unit-registry.js';
import { buildVocabulary, checkVocabulary } from './vocabulary.js';
import { vocabularyFileSchema } from './vocabulary-schema.js';

export interface KnowledgeProblem {
  file: string;
  clause?: string;
  message: string;
}

export class KnowledgeError extends Error {
  constructor(readonly problems: KnowledgeProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'KnowledgeError';
  }
}

/** One line: file, clause, problem; long quotes are shortened and line breaks become spaces. */
export function formatProblem(p: KnowledgeProblem): string {
  const message = p.message.replace(/「([^」]{61,})」/g, (_m, inner: string) => `「${clip(inner, 60)}」`);
  return `${p.file}${p.clause ? ` [${p.clause}]` : ''}: ${message}`.replace(/\s+/g, ' ');
}

export interface KnowledgeReport {
  kb: KnowledgeBase | null;
  problems: KnowledgeProblem[];
  /** What `kb check` should say but that never stops the knowledge from serving. */
  warnings?: KnowledgeProblem[];
  /** knowledge/regression.yaml: saved questions and the units they must keep answering. */
  regression?: RegressionQuestion[];
}

export interface RegressionQuestion {
  question: string;
  /** Outline path the top answer must have, when given. */
  clause?: string;
  lead: string[];
  cooperate: string[];
}

export const REGRESSION_FILE = 'regression.yaml';
export const EXAMPLES_FILE = 'examples.yaml';

/** Loads the knowledge base or throws a KnowledgeError listing every problem. */
export function loadKnowledgeBase(dir: string, limits: LoadLimits = DEFAULT_LIMITS): KnowledgeBase {
  const { kb, problems } = checkKnowledge(dir, limits);
  if (!kb || problems.length > 0) throw new KnowledgeError(problems);
  return kb;
}

/** What one load reads with: the folder, the size budget, the YAML limits, the content hash. */
interface Reader {
  dir: string;
  budget: ReadBudget;
  limits: LoadLimits;
  hash: ReturnType<typeof createHash>;
}

/** Validates everything under `dir` and returns the problems (and the knowledge base when there are none). */
export function checkKnowledge(dir: string, limits: LoadLimits = DEFAULT_LIMITS): KnowledgeReport {
  const problems: KnowledgeProblem[] = [];
  const hash = createHash('sha256');
  const reader: Reader = {
    dir,
    budget: { maxFileBytes: limits.maxFileBytes, maxTotalBytes: limits.maxTotalBytes, remaining: limits.maxTotalBytes },
    limits,
    hash,
  };
  const unitsPath = join(dir, 'units.yaml');
  const unitsFile = readYaml(unitsPath, reader, unitsFileSchema, problems);
  const units: Unit[] = (unitsFile?.units ?? []).map((u) => ({
    name: u.name,
    aliases: u.aliases,
    ...(u.full_name ? { fullName: u.full_name } : {}),
  }));
  for (const c of conflictingTerms(units)) {
    problems.push({ file: rel(dir, unitsPath), message: `「${c.term}」 names more than one unit: ${c.units.join('、')}` });
  }
  const registry = createUnitRegistry(units);
  // Without a readable registry every unit would be reported unknown: say the one real problem.
  const unitsReadable = unitsFile !== null;

  const documents: DocumentInfo[] = [];
  const clauses: Clause[] = [];
  const docDir = join(dir, 'documents');
  const docFiles = listDocuments(docDir, reader, problems);
  const seenIds = new Map<string, string>();
  for (const f of docFiles) {
    const path = join(docDir, f);
    const doc = readYaml(path, reader, documentFileSchema, problems);
    if (!doc) continue;
    const built = checkDocument(doc, rel(dir, path), reader, unitsReadable ? registry : null, problems);
    if (!built) continue;
    if (documents.some((d) => d.id === built.info.id)) {
      problems.push({ file: rel(dir, path), message: `document id ${built.info.id} is used by another file` });
    }
    documents.push(built.info);
    for (const clause of built.clauses) {
      const other = seenIds.get(clause.id);
      if (other) problems.push({ file: rel(dir, path), clause: clause.id, message: `duplicate clause id (also in ${other})` });
      seenIds.set(clause.id, rel(dir, path));
      clauses.push(clause);
    }
  }
  // Earlier versions go through the same reading and proofs (not the unit registry: units are renamed).
  const archive: ArchivedDocument[] = [];
  for (const path of archiveFiles(dir)) {
    const doc = readYaml(path, reader, documentFileSchema, problems);
    const built = doc && checkDocument(doc, rel(dir, path), reader, null, problems, ARCHIVE_DIR);
    if (built) archive.push({ info: built.info, clauses: built.clauses, file: rel(dir, path) });
  }
  problems.push(...archiveProblems(archive, documents));
  // The staff words (issue #12): read like every other file, checked against the clauses and units.
  const vocabularyPath = join(dir, 'vocabulary.yaml');
  const vocabularyFile = readYaml(vocabularyPath, reader, vocabularyFileSchema, problems);
  const vocabulary = vocabularyFile ? buildVocabulary(vocabularyFile) : null;
  const warnings: KnowledgeProblem[] = [];
  if (vocabulary && problems.length === 0) {
    for (const p of checkVocabulary(vocabulary, clauses, units)) (p.warning ? warnings : problems).push({ file: rel(dir, vocabularyPath), message: p.message });
  }
  const regression = readRegression(reader, unitsReadable ? registry : null, problems);
  const examples = readExamples(reader, clauses, problems, warnings);
  if (problems.length > 0 || !vocabulary) return { kb: null, problems };
  const kb: KnowledgeBase = { documents, units, clauses, vocabulary, version: hash.digest('hex').slice(0, 12) };
  if (Object.keys(examples).length > 0) kb.examples = examples;
  if (archive.length > 0) kb.archive = archive;
  return { kb, problems, regression, ...(warnings.length ? { warnings } : {}) };
}

/** The document files' names, or none after saying why. */
function listDocuments(docDir: string, reader: Reader, problems: KnowledgeProblem[]): string[] {
  const file = rel(reader.dir, docDir);
  let names: string[] = [];
  try {
    lstatSync(docDir);
    const where = confined(reader.dir, docDir, 'knowledge/');
    if (!where.ok) {
      problems.push({ file, message: where.message });
      return [];
    }
    names = readdirSync(where.real).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') {
      problems.push({ file, message: code === 'ENOTDIR' ? 'is not a folder' : `cannot be read (${code ?? 'error'})` });
      return [];
    }
  }
  if (names.length === 0) problems.push({ file, message: 'no document files (*.yaml)' });
  if (names.length > reader.limits.maxDocuments) {
    problems.push({ file, message: `holds ${names.length} document files; at most ${reader.limits.maxDocuments} are read` });
    return [];
  }
  return names;
}

/** knowledge/regression.yaml, when there is one: every unit it names must exist. */
function readRegression(reader: Reader, registry: UnitRegistry | null, problems: KnowledgeProblem[]): RegressionQuestion[] {
  const path = join(reader.dir, REGRESSION_FILE);
  // Optional: a county's own knowledge folder may not have saved questions yet.
  const file = readOptionalYaml(path, reader, regressionFileSchema, problems);
  if (!file) return [];
  const out: RegressionQuestion[] = [];
  for (const q of file.questions) {
    const at = (message: string) => problems.push({ file: rel(reader.dir, path), message: `question 「${q.question}」: ${message}` });
    if (registry) {
      for (const n of [...q.lead, ...q.cooperate]) {
        const canonical = registry.resolve(n);
        if (!canonical) at(`unit 「${n}」 is not in units.yaml`);
        else if (canonical !== n) at(`unit 「${n}」 should be written by its canonical name 「${canonical}」`);
      }
    }
    out.push({ question: q.question, ...(q.clause ? { clause: normalisePath(q.clause) } : {}), lead: q.lead, cooperate: q.cooperate });
  }
  return out;
}

/**
 * knowledge/examples.yaml, when there is one: staff questions by clause number. A number no clause
 * has any more (a revised document dropped it) is a warning, so the revision still loads; a number
 * two documents share needs the document named.
 */
function readExamples(reader: Reader, clauses: readonly Clause[], problems: KnowledgeProblem[], warnings: KnowledgeProblem[]): Record<string, string[]> {
  const path = join(reader.dir, EXAMPLES_FILE);
  const file = readOptionalYaml(path, reader, examplesFileSchema, problems);
  if (!file) return {};
  const out: Record<string, string[]> = {};
  const where = rel(reader.dir, path);
  for (const e of file.examples) {
    const number = normalisePath(e.clause);
    const found = clauses.filter((c) => c.path === number && (!e.document || c.document === e.document));
    const named = e.document ? `${e.document} ${e.clause}` : e.clause;
    if (found.length > 1) {
      problems.push({ file: where, message: `clause ${e.clause} is in more than one document (${found.map((c) => c.document).join('、')}): add document:` });
    } else if (!found.length) {
      warnings.push({ file: where, message: `clause ${named} is in no document: its ${e.questions.length} example question(s) are not used` });
    } else {
      const id = found[0]!.id;
      out[id] = [...new Set([...(out[id] ?? []), ...e.questions])];
    }
  }
  return out;
}

/**
 * A document's `source`: a plain relative path under `folder` (sources/ for the documents being
 * served, archive/ for their earlier versions), never ../ nor absolute.
 */
export function isSourcePath(source: string, folder = 'sources'): boolean {
  const parts = source.split('/');
  return parts[0] === folder && parts.length >= 2 && parts.every((p) => p !== '' && p !== '.' && p !== '..' && !p.includes('\\'));
}

function checkDocument(
  doc: DocumentFile,
  file: string,
  reader: Reader,
  registry: UnitRegistry | null,
  problems: KnowledgeProblem[],
  sourceFolder = 'sources',
): { info: DocumentInfo; clauses: Clause[] } | null {
  if (!isSourcePath(doc.document.source, sourceFolder)) {
    problems.push({ file, message: `source ${doc.document.source} must be a file under knowledge/${sourceFolder}/, such as ${sourceFolder}/name.txt` });
    return null;
  }
  const sourcePath = join(reader.dir, doc.document.source);
  const read = readKnowledgeFile(join(reader.dir, sourceFolder), sourcePath, reader.budget, `knowledge/${sourceFolder}/`);
  if (!read.ok) {
    problems.push({ file, message: `source file ${doc.document.source} ${read.message === 'file is missing' ? 'does not exist' : read.message}` });
    return null;
  }
  const source = read.text;
  reader.hash.update(source);
  const flatSource = source.replace(/\s+/g, '');
  const sentences = splitSentences(source);
  const used = new Set<string>(); // raw sentence texts accounted for

  const sections = new Map<string, Section>();
  for (const s of doc.sections) {
    const path = normalisePath(s.path);
    if (!isPath(path)) problems.push({ file, message: `section path ${s.path} is not an outline number such as 二（一）2` });
    if (sections.has(path)) problems.push({ file, message: `section ${path} is listed twice` });
    if (s.title !== null) {
      if (!flatSource.includes(s.title.replace(/\s+/g, ''))) {
        problems.push({ file, message: `section ${path} title 「${s.title}」 does not stand in the source` });
      }
      for (const raw of sentences) {
        if (stripMarker(raw).replace(/。$/, '') === s.title) used.add(raw);
      }
    }
    sections.set(path, { path, title: s.title });
  }

  const clauses: Clause[] = [];
  const seenPaths = new Set<string>();
  for (const c of doc.clauses) {
    const at = (message: string) => problems.push({ file, clause: c.id, message });
    const path = normalisePath(c.path);
    if (!isPath(path)) at(`path ${c.path} is not an outline number such as 二（一）3（1）`);
    if (seenPaths.has(path)) at(`path ${path} is used by another clause`);
    seenPaths.add(path);
    const titles: Section[] = [];
    for (const a of ancestorPaths(path)) {
      const section = sections.get(a);
      if (section) titles.push(section);
      else at(`no section ${a} above path ${path}; add it to sections (title null if lost)`);
    }

    for (const sentence of splitClauseText(c.text)) {
      if (!flatSource.includes(sentence.replace(/\s+/g, ''))) at(`sentence not in the source: 「${sentence}」`);
    }
    const bad = c.provenance.filter((i) => i >= sentences.length);
    if (bad.length > 0) at(`provenance ${bad.join(', ')} out of range (the source has ${sentences.length} sentences)`);
    const cited = c.provenance.filter((i) => i < sentences.length).map((i) => sentences[i] as string);
    cited.forEach((s) => used.add(s));
    const body = cited.filter((s) => !isAnnotation(s)).map(stripMarker).join('');
    if (bad.length === 0 && body !== c.text.trim()) {
      at(`text differs from its provenance sentences ${c.provenance.join(', ')}: ${firstDifference(body, c.text.trim())}`);
    }
    const annotations = [...new Set(cited.filter(isAnnotation))];
    if (annotations.length > 1) at('provenance cites more than one annotation');
    const cited0 = annotations[0];
    if (c.responsibility !== null && cited0 !== undefined && cited0 !== c.responsibility) {
      at(`responsibility 「${c.responsibility}」 differs from the annotation its provenance cites 「${cited0}」`);
    }
    if (c.responsibility !== null && cited0 === undefined) at('responsibility is set but provenance cites no annotation');
    if (c.responsibility === null && cited0 !== undefined) at(`provenance cites annotation 「${cited0}」 but responsibility is null`);

    if (registry) checkUnits(c, registry, at);
    clauses.push({
      id: c.id,
      document: doc.document.id,
      path,
      titles,
      text: c.text.trim(),
      responsibility: c.responsibility,
      lead: c.lead,
      cooperate: c.cooperate,
      provenance: c.provenance,
      ...(c.note ? { note: c.note } : {}),
    });
  }

  for (const s of doc.skipped) {
    const raw = sentences[s.sentence];
    if (raw === undefined) problems.push({ file, message: `skipped sentence ${s.sentence} out of range` });
    else used.add(raw);
  }
  sentences.forEach((raw, i) => {
    if (used.has(raw)) return;
    const kind = isAnnotation(raw) ? 'annotation' : 'sentence';
    problems.push({ file, message: `source ${kind} ${i} is used by no clause and not listed as skipped: 「${raw}」` });
  });

  const info: DocumentInfo = {
    id: doc.document.id,
    title: doc.document.title,
    shortName: doc.document.short_name,
    level: doc.document.level,
    source: doc.document.source,
    ...(doc.document.version ? { version: doc.document.version } : {}),
    ...(doc.document.effective ? { effective: doc.document.effective } : {}),
  };
  return { info, clauses };
}

function checkUnits(
  c: DocumentFile['clauses'][number],
  registry: UnitRegistry,
  at: (message: string) => void,
): void {
  for (const [role, names] of [['lead', c.lead], ['cooperate', c.cooperate]] as const) {
    for (const n of names) {
      const canonical = registry.resolve(n);
      if (!canonical) at(`${role} unit 「${n}」 is not in units.yaml`);
      else if (canonical !== n) at(`${role} unit 「${n}」 should be written by its canonical name 「${canonical}」`);
    }
  }
  if (c.responsibility === null) {
    if (c.lead.length + c.cooperate.length > 0) at('lead/cooperate given without a responsibility annotation');
    return;
  }
  const parsed = resolveAnnotation(c.responsibility, registry);
  if (!parsed) {
    at(`responsibility 「${c.responsibility}」 is not of the form （责任单位：…负责，…配合）`);
    return;
  }
  for (const u of parsed.unknown) at(`annotation names unit 「${u}」, which is not in units.yaml`);
  if (parsed.unknown.length > 0) return;
  if (parsed.lead.join('、') !== c.lead.join('、')) {
    at(`lead [${c.lead.join('、')}] does not match the annotation's [${parsed.lead.join('、')}]`);
  }
  if (parsed.cooperate.join('、') !== c.cooperate.join('、')) {
    at(`cooperate [${c.cooperate.join('、')}] does not match the annotation's [${parsed.cooperate.join('、')}]`);
  }
}

/** readYaml for a file a knowledge folder may leave out: absent is null without a problem. */
function readOptionalYaml<T extends z.ZodTypeAny>(path: string, reader: Reader, schema: T, problems: KnowledgeProblem[]): z.infer<T> | null {
  try {
    lstatSync(path);
  } catch {
    return null;
  }
  return readYaml(path, reader, schema, problems);
}

function readYaml<T extends z.ZodTypeAny>(
  path: string,
  reader: Reader,
  schema: T,
  problems: KnowledgeProblem[],
): z.infer<T> | null {
  const file = rel(reader.dir, path);
  const read = readKnowledgeFile(reader.dir, path, reader.budget);
  if (!read.ok) {
    problems.push({ file, message: read.message });
    return null;
  }
  reader.hash.update(read.text);
  const parsed = parseYaml(read.text, reader.limits);
  if (!parsed.ok) {
    for (const message of parsed.problems) problems.push({ file, message });
    return null;
  }
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    const data = parsed.data as { clauses?: Array<{ id?: unknown }> } | null;
    // One line per field; a file with thousands of bad entries is summed up after the first few.
    const issues = result.error.issues;
    for (const issue of issues.slice(0, MAX_SCHEMA_ISSUES)) {
      const clauseIndex = issue.path[0] === 'clauses' && typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
      const id = clauseIndex !== undefined && Array.isArray(data?.clauses) ? data.clauses[clauseIndex]?.id : undefined;
      problems.push({
        file,
        ...(typeof id === 'string' ? { clause: id.slice(0, 60) } : {}),
        message: `${issue.path.join('.').slice(0, 80) || '(top level)'}: ${describeIssue(issue)}`,
      });
    }
    if (issues.length > MAX_SCHEMA_ISSUES) problems.push({ file, message: `… and ${issues.length - MAX_SCHEMA_ISSUES} more problems of the same kind` });
    return null;
  }
  return result.data;
}

const MAX_SCHEMA_ISSUES = 20;

/** zod's message, with unknown keys listed briefly (a 40,000-key paste is one short line). */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.slice(0, 5).map((k) => k.slice(0, 30)).join(', ');
    const more = issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : '';
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}${more} (a misspelt field? only the documented fields are allowed)`;
  }
  return issue.message.slice(0, 160);
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `source has 「${a.slice(i, i + 20)}」 where the text has 「${b.slice(i, i + 20)}」 (character ${i + 1})`;
}

function rel(dir: string, path: string): string {
  return join('knowledge', relative(dir, path));
}
