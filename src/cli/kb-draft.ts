// `npm run kb -- draft <file.docx|file.pdf|file.txt>`: the document's text (Word and PDF extracted,
// plain text as it is) drafted into knowledge/drafts/, with its source under knowledge/sources/.
// Any refusal (unreadable, protected, scanned, not of the genre) is one line and writes nothing.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { formatDocumentYaml } from '../knowledge/document-yaml.js';
import { draftDocument, type Draft } from '../knowledge/draft.js';
import { extractDocumentText, type Extracted } from '../knowledge/extract/extract-text.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { createUnitRegistry } from '../knowledge/unit-registry.js';

type Out = { write(s: string): unknown };
type Flags = Record<string, string | undefined>;

export function draftCommand(dir: string, file: string, kb: KnowledgeBase, flags: Flags, out: Out, err: Out): number | Promise<number> {
  const extracted = extractDocumentText(file);
  const finish = (e: Extracted) => writeDraft(dir, file, kb, e, flags, out, err);
  return extracted instanceof Promise ? extracted.then(finish) : finish(extracted);
}

function writeDraft(dir: string, file: string, kb: KnowledgeBase, extracted: Extracted, flags: Flags, out: Out, err: Out): number {
  if (!extracted.ok) {
    err.write(`kb draft: ${extracted.message}\n`);
    return 1;
  }
  const { text } = extracted;
  const name = basename(file, extname(file));
  const id = (flags.id ?? name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '')) || 'draft';
  const result = draftDocument(text, { registry: createUnitRegistry(kb.units), idPrefix: flags.prefix ?? `${id}-` });
  if (!isOfTheGenre(result)) {
    err.write(
      `kb draft: ${basename(file)} is not a document of this genre: no numbered clauses (一、（一）1.（1）) with a ` +
        `responsibility annotation such as （责任单位：…负责，…配合） were found${extracted.notes.length ? ` (${extracted.notes.join('; ')})` : ''}; nothing written\n`,
    );
    return 1;
  }
  if (flags.effective !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(flags.effective)) {
    err.write(`kb draft: --effective must be a date such as 2023-05-01 (got ${flags.effective}); nothing written\n`);
    return 2;
  }
  const sourceRel = join('sources', sourceName(dir, basename(file), text));
  mkdirSync(join(dir, 'sources'), { recursive: true });
  writeFileSync(join(dir, sourceRel), text);
  const review = [...extracted.notes, ...result.review];
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '')?.trim() ?? name;
  const version = flags.version ?? documentNumber(text);
  const effective = flags.effective ?? effectiveDate(text);
  const yaml = formatDocumentYaml(
    {
      id,
      title: flags.title ?? firstLine,
      shortName: flags['short-name'] ?? flags.title ?? firstLine,
      level: flags.level ?? '县',
      source: sourceRel,
      ...(version ? { version } : {}),
      ...(effective ? { effective } : {}),
    },
    { ...result, review },
  );
  mkdirSync(join(dir, 'drafts'), { recursive: true });
  const target = join(dir, 'drafts', `${id}.yaml`);
  writeFileSync(target, yaml);
  out.write(`kb draft: ${result.clauses.length} clauses, ${result.sections.length} headings → ${target}\n`);
  out.write(`  source ${extname(file).toLowerCase() === '.txt' ? 'copied' : 'text extracted'} to knowledge/${sourceRel}\n`);
  out.write(
    version && effective
      ? `  version ${version}, effective ${effective}\n`
      : '  no 文号/version or effective date found: add version: and effective: under document: (or draft with --version and --effective); answers name the version, and `kb replace` needs both\n',
  );
  if (review.length === 0) {
    out.write('  nothing to review. Move the draft into knowledge/documents/ (or `npm run kb -- replace` it) and run `npm run kb -- check`.\n');
  } else {
    out.write(`  ${review.length} point(s) to review:\n`);
    for (const r of review) out.write(`  - ${r}\n`);
  }
  return 0;
}

/** At least one numbered clause carrying a responsibility annotation. */
function isOfTheGenre(draft: Draft): boolean {
  return draft.clauses.some((c) => c.responsibility !== null);
}

/** sources/<name>.txt, unless a different text is there already (the live document's): then a name of its own. */
function sourceName(dir: string, fileName: string, text: string): string {
  const base = basename(fileName, extname(fileName));
  const plain = `${base}.txt`;
  const existing = join(dir, 'sources', plain);
  if (!existsSync(existing) || readFileSync(existing, 'utf8') === text) return plain;
  return `${base}-${createHash('sha256').update(text).digest('hex').slice(0, 8)}.txt`;
}

/** A 文号 such as 闽政办〔2021〕80号 near the top of the document. */
function documentNumber(text: string): string | undefined {
  return /[\u4e00-\u9fa5]{1,12}〔\d{4}〕\d{1,4}号/.exec(text.slice(0, 2000))?.[0];
}

/** 自2023年5月1日起施行 → 2023-05-01 */
function effectiveDate(text: string): string | undefined {
  const m = /自\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日起?(?:施行|实施|执行|生效)/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  return `${y}-${(mo ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`;
}
