// `kb replace <file>`: a new version of a document takes the place of the one in documents/, and
// the one it replaces moves to knowledge/archive/<id>/<effective date>.yaml with its source. All of
// it is first done on a copy of the knowledge folder and proven there (kb check); a refusal — an
// older version, a draft still under review, a file that fails the proofs — changes nothing.
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import { DEFAULT_LIMITS } from './limits.js';
import { parseYaml } from './parse-yaml.js';
import { ARCHIVE_DIR } from './archive.js';
import { checkKnowledge, type KnowledgeProblem } from './load.js';
import { documentFileSchema, type DocumentFile } from './schema.js';
import type { KnowledgeBase } from './types.js';

/** A document file is a few hundred kilobytes; this bounds a careless argument. */
const MAX_DOCUMENT_FILE_BYTES = 5 * 1024 * 1024;

export type ReplaceResult =
  | { ok: true; id: string; archived: string; previous: DocumentFile['document']; next: DocumentFile['document']; kb: KnowledgeBase }
  | { ok: false; message: string; problems?: KnowledgeProblem[] };

interface Plan {
  id: string;
  /** documents/<name>.yaml being replaced. */
  target: string;
  currentText: string;
  current: DocumentFile['document'];
  nextText: string;
  next: DocumentFile['document'];
}

export function replaceDocument(dir: string, file: string): ReplaceResult {
  const planned = plan(dir, file);
  if ('message' in planned) return { ok: false, message: planned.message };
  // Rehearse on a copy: the real folder is touched only once the result is known to be valid.
  const rehearsal = mkdtempSync(join(tmpdir(), 'kb-replace-'));
  try {
    cpSync(dir, rehearsal, { recursive: true });
    apply(rehearsal, planned);
    const { kb, problems } = checkKnowledge(rehearsal);
    if (!kb || problems.length > 0) {
      return { ok: false, message: `${basename(file)} cannot replace ${planned.id}: the result fails kb check; nothing replaced`, problems };
    }
  } finally {
    rmSync(rehearsal, { recursive: true, force: true });
  }
  const archived = apply(dir, planned);
  const { kb } = checkKnowledge(dir);
  if (!kb) return { ok: false, message: 'the knowledge folder changed while replacing; run `npm run kb -- check`' };
  return { ok: true, id: planned.id, archived, previous: planned.current, next: planned.next, kb };
}

function plan(dir: string, file: string): Plan | { message: string } {
  const next = readDocumentFile(file);
  if ('message' in next) return next;
  if (/^# TO REVIEW/m.test(next.text)) {
    return { message: `${basename(file)} still lists points to review (the # TO REVIEW lines); resolve them and delete those lines first; nothing replaced` };
  }
  const { kb, problems } = checkKnowledge(dir);
  if (!kb) return { message: `the knowledge files have problems (${problems.length}); run \`npm run kb -- check\` and fix them first; nothing replaced` };
  const id = next.doc.document.id;
  const docDir = join(dir, 'documents');
  const targetName = readdirSync(docDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .find((f) => documentIdOf(join(docDir, f)) === id);
  if (!targetName) {
    return { message: `no document ${id} in knowledge/documents/ to replace (documents: ${kb.documents.map((d) => d.id).join(', ')}); a new document is moved into documents/ instead` };
  }
  const target = join(docDir, targetName);
  if (target === file || join(dir, 'documents', basename(file)) === file) {
    return { message: `${basename(file)} is the file being served; draft or copy the new version elsewhere (knowledge/drafts/) and replace with that` };
  }
  const currentText = readFileSync(target, 'utf8');
  const current = documentFileSchema.parse(parseDocument(currentText).toJS()).document;
  const n = next.doc.document;
  if (!n.version || !n.effective) return { message: `${basename(file)} needs document.version (文号 or version) and document.effective (YYYY-MM-DD); nothing replaced` };
  if (!current.version || !current.effective) {
    return { message: `the served ${id} records no version or effective date: add document.version and document.effective to ${join('knowledge/documents', targetName)} first; nothing replaced` };
  }
  if (n.version === current.version) return { message: `${id} version ${n.version} is already the one served; nothing replaced` };
  if (n.effective < current.effective) {
    return { message: `${id} version ${n.version} (effective ${n.effective}) is older than the one served, ${current.version} (effective ${current.effective}); nothing replaced` };
  }
  const archivedVersion = (kb.archive ?? []).find((a) => a.info.id === id && a.info.version === n.version);
  if (archivedVersion) return { message: `${id} version ${n.version} is already archived (${archivedVersion.file}); nothing replaced` };
  return { id, target: join('documents', targetName), currentText, current, nextText: next.text, next: n };
}

/** Archives the current version (document and source) and puts the new one in its place; returns the archive file. */
function apply(root: string, p: Plan): string {
  const folder = join(ARCHIVE_DIR, p.id);
  mkdirSync(join(root, folder), { recursive: true });
  let slug = p.current.effective as string;
  for (let i = 2; existsSync(join(root, folder, `${slug}.yaml`)); i++) slug = `${p.current.effective}-${i}`;
  const source = join(folder, `${slug}.txt`);
  writeFileSync(join(root, source), readFileSync(join(root, p.current.source)));
  const archivedDoc = parseDocument(p.currentText);
  archivedDoc.setIn(['document', 'source'], source);
  const archived = join(folder, `${slug}.yaml`);
  writeFileSync(join(root, archived), archivedDoc.toString());
  writeAtomically(join(root, p.target), p.nextText);
  // The old source now lives in the archive; keep it in sources/ only while the new version uses it.
  if (p.next.source !== p.current.source && dirname(p.current.source) === 'sources') rmSync(join(root, p.current.source), { force: true });
  return join('knowledge', archived);
}

function readDocumentFile(file: string): { text: string; doc: DocumentFile } | { message: string } {
  let stat;
  try {
    stat = lstatSync(file);
  } catch {
    return { message: `no such file ${file}` };
  }
  if (!stat.isFile()) return { message: `${file} is not a regular file` };
  if (stat.size > MAX_DOCUMENT_FILE_BYTES) return { message: `${file} is larger than ${MAX_DOCUMENT_FILE_BYTES} bytes` };
  const text = readFileSync(file, 'utf8');
  // The loader's YAML reading: linear, aliases and nesting bounded, one line on failure.
  const yaml = parseYaml(text, DEFAULT_LIMITS);
  if (!yaml.ok) return { message: `${basename(file)} is not readable YAML: ${yaml.problems[0]}; nothing replaced` };
  const parsed = documentFileSchema.safeParse(yaml.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { message: `${basename(file)} is not a document file: ${issue?.path.join('.') || '(top level)'}: ${issue?.message}; nothing replaced` };
  }
  return { text, doc: parsed.data };
}

function documentIdOf(path: string): string | undefined {
  try {
    const yaml = parseYaml(readFileSync(path, 'utf8'), DEFAULT_LIMITS);
    return yaml.ok ? (yaml.data as { document?: { id?: string } } | null)?.document?.id : undefined;
  } catch {
    return undefined;
  }
}

function writeAtomically(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}
