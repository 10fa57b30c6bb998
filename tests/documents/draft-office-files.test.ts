// `kb draft` on real Word and PDF files the test writes itself: the county document comes out as
// the plain-text fixture does, and `kb check` accepts it once its review points are resolved.
// Every bad file — protected, damaged, scanned, of another genre, not a regular file, too big —
// gets one line and nothing is written.
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKb } from '../../src/cli/kb.js';
import { readDocumentFile } from '../../src/knowledge/extract/read-document-file.js';
import { projectRoot } from '../../src/knowledge/paths.js';
import { knowledgeCopy } from '../knowledge/helpers.js';
import { DOC_NUMBER, EFFECTIVE, countyLines, writeAutoNumberedDocx, writeCountyPdf, writeDocx } from './generated-files.js';

const root = projectRoot();
let work: string;
const dirs: string[] = [];

async function kb(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runKb(args, { write: (s: string) => (stdout += s) }, { write: (s: string) => (stderr += s) });
  return { code, stdout, stderr };
}

/** A knowledge copy with the county's units registered, as the README tells administrators. */
function countyKnowledge(): string {
  const dir = knowledgeCopy();
  dirs.push(dir);
  appendFileSync(join(dir, 'units.yaml'), readFileSync(join(root, 'tests/fixtures/county/units-addition.yaml'), 'utf8'));
  return dir;
}

/** Everything under a folder, to prove a refusal wrote nothing. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: false }) as string[];
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kb-office-'));
  await writeDocx(join(work, 'shixian.docx'));
  await writeCountyPdf(join(work, 'shixian.pdf'));
  // Two pages, so the running header and the page numbers recur as on an office PDF.
  expect(readFileSync(join(work, 'shixian.pdf'), 'latin1').match(/\/Type \/Page\b/g)?.length).toBe(2);
}, 60_000);

afterAll(() => {
  for (const d of [work, ...dirs]) rmSync(d, { recursive: true, force: true });
});

describe('kb draft from Word and PDF', () => {
  for (const kind of ['docx', 'pdf'] as const) {
    it(`drafts the county document from a .${kind} as from its plain text, and kb check accepts it`, async () => {
      const dir = countyKnowledge();
      const fromText = await kb(['draft', join(root, 'tests/fixtures/county/shixian-2022.txt'), '--dir', dir, '--id', 'plain', '--prefix', 'sx-']);
      expect(fromText.code).toBe(0);
      const r = await kb(['draft', join(work, `shixian.${kind}`), '--dir', dir, '--id', 'shixian', '--prefix', 'sx-', '--short-name', '示例县细则']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('5 clauses, 4 headings');
      expect(r.stdout).toContain(`version ${DOC_NUMBER}, effective ${EFFECTIVE}`);
      expect(r.stdout).toContain('nothing to review');

      const source = readFileSync(join(dir, 'sources/shixian.txt'), 'utf8');
      // Headers, footers and page numbers gone; brackets full-width; each clause on one line.
      expect(source).not.toMatch(/人民政府办公室文件|- \d+ -|\(|\)/);
      expect(source.split('\n').filter((l) => l !== '')).toEqual(countyLines());

      const clauses = (file: string) => readFileSync(join(dir, 'drafts', file), 'utf8').split('clauses:')[1];
      expect(clauses('shixian.yaml')).toBeDefined();
      // The same clauses, numbers, annotations and units as the plain text gives (provenance aside: two more preamble lines).
      const strip = (s: string | undefined) => (s ?? '').split('skipped:')[0]?.replace(/provenance: \[[^\]]*\]/g, '');
      expect(strip(clauses('shixian.yaml'))).toBe(strip(clauses('plain.yaml')));
      expect(readFileSync(join(dir, 'drafts/shixian.yaml'), 'utf8')).toContain(`version: "${DOC_NUMBER}"\n  effective: "${EFFECTIVE}"`);

      renameSync(join(dir, 'drafts/shixian.yaml'), join(dir, 'documents/shixian.yaml'));
      const check = await kb(['check', '--dir', dir]);
      expect(check.stderr).toBe('');
      expect(check.stdout).toMatch(/OK — 2 document\(s\), 50 clauses/);
    }, 60_000);
  }

  it('lists the points to review when the county units are not registered yet; resolving them makes kb check pass', async () => {
    const dir = knowledgeCopy();
    dirs.push(dir);
    const r = await kb(['draft', join(work, 'shixian.pdf'), '--dir', dir, '--id', 'shixian', '--prefix', 'sx-']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/point\(s\) to review/);
    expect(r.stdout).toContain('unknown unit 「县民政局」 — add it to units.yaml');
    renameSync(join(dir, 'drafts/shixian.yaml'), join(dir, 'documents/shixian.yaml'));
    expect((await kb(['check', '--dir', dir])).code).toBe(1);
    appendFileSync(join(dir, 'units.yaml'), readFileSync(join(root, 'tests/fixtures/county/units-addition.yaml'), 'utf8'));
    // The draft read the units before they were known: draft again, as the review point says.
    rmSync(join(dir, 'documents/shixian.yaml'));
    const again = await kb(['draft', join(work, 'shixian.pdf'), '--dir', dir, '--id', 'shixian', '--prefix', 'sx-']);
    expect(again.stdout).toContain('nothing to review');
    renameSync(join(dir, 'drafts/shixian.yaml'), join(dir, 'documents/shixian.yaml'));
    expect((await kb(['check', '--dir', dir])).stdout).toMatch(/OK — 2 document\(s\)/);
  }, 60_000);
});

describe('kb draft refuses bad files with one line and writes nothing', () => {
  const cases: Array<[string, () => Promise<string>, RegExp]> = [
    ['a scanned PDF (no text layer)', async () => writeAndReturn('scan.pdf', (p) => writeCountyPdf(p, { scanned: true })), /no text layer/],
    ['a password-protected PDF', async () => writeAndReturn('locked.pdf', (p) => writeCountyPdf(p, { userPassword: 'secret' })), /password-protected/],
    ['a damaged PDF', async () => writeAndReturn('broken.pdf', async (p) => writeFileSync(p, (await pdfBytes()).subarray(0, 600))), /cannot be read/],
    ['a password-protected Word file (an OLE container)', async () => writeAndReturn('locked.docx', async (p) => writeFileSync(p, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]))), /password-protected/],
    ['a damaged Word file', async () => writeAndReturn('broken.docx', async (p) => writeFileSync(p, readFileSync(join(work, 'shixian.docx')).subarray(0, 400))), /cannot be read/],
    ['a PDF named .docx', async () => writeAndReturn('pdf-inside.docx', async (p) => writeFileSync(p, await pdfBytes())), /not a Word \.docx file/],
    ['a Word file of another genre', async () => writeAndReturn('minutes.docx', (p) => writeDocx(p, ['会议纪要', '一、会议听取了工作汇报。', '二、会议研究了下一步工作。'])), /not a document of this genre/],
    ['a Word file whose outline numbers are automatic numbering (not in the text)', async () => writeAndReturn('auto.docx', (p) => writeAutoNumberedDocx(p)), /not a document of this genre.*automatic numbering/],
    ['a text file that is not UTF-8', async () => writeAndReturn('gbk.txt', async (p) => writeFileSync(p, Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xff, 0xfe]))), /not UTF-8/],
    ['a spreadsheet', async () => writeAndReturn('units.xlsx', async (p) => writeFileSync(p, 'x')), /only \.docx, \.pdf and \.txt/],
  ];
  for (const [what, make, message] of cases) {
    it(what, async () => {
      const dir = countyKnowledge();
      const before = listing(dir);
      const r = await kb(['draft', await make(), '--dir', dir]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(listing(dir)).toEqual(before);
    }, 30_000);
  }

  it('a FIFO, a planted symlink and an oversized file are not read', () => {
    const fifo = join(work, 'pipe.pdf');
    execFileSync('mkfifo', [fifo]);
    expect(readDocumentFile(fifo)).toMatchObject({ ok: false, message: expect.stringMatching(/not a regular file/) });
    const link = join(work, 'link.docx');
    symlinkSync(join(work, 'shixian.docx'), link);
    expect(readDocumentFile(link)).toMatchObject({ ok: false, message: expect.stringMatching(/not a regular file/) });
    expect(readDocumentFile(join(work, 'shixian.docx'), 1000)).toMatchObject({ ok: false, message: expect.stringMatching(/more than the 1000/) });
    expect(readDocumentFile(join(work, 'shixian.docx'))).toMatchObject({ ok: true, kind: 'docx' });
  });
});

async function writeAndReturn(name: string, write: (path: string) => Promise<unknown>): Promise<string> {
  const path = join(work, name);
  if (!existsSync(path)) await write(path);
  return path;
}

async function pdfBytes(): Promise<Buffer> {
  return readFileSync(join(work, 'shixian.pdf'));
}
