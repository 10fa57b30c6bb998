// Knowledge loading bounded against careless and hostile files, each proven with the real thing:
// a FIFO, a link to /dev/zero, a link out of knowledge/, an oversized file, an alias bomb, deep
// nesting, 40,000 unknown keys, bytes that are not UTF-8, a source path climbing out with ../.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkKnowledge, formatProblem } from '../../src/knowledge/load.js';
import { projectRoot } from '../../src/knowledge/paths.js';
import { knowledgeCopiesPerTest, provincialFile } from './helpers.js';

const copy = knowledgeCopiesPerTest();
const lines = (dir: string) => checkKnowledge(dir).problems.map(formatProblem);
const mkfifo = (path: string) => {
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
};

/** A file of `n` entries each pointing at the previous nine times: 9^n values when expanded. */
const aliasBomb = (n: number) =>
  ['a0: &a0 [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: n }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`)].join('\n') + '\n';

describe('only regular files are read', { timeout: 30_000 }, () => {
  it('reports a FIFO in documents/ instead of waiting on it forever', () => {
    const dir = copy();
    mkfifo(join(dir, 'documents', 'county.yaml'));
    expect(lines(dir)).toEqual(['knowledge/documents/county.yaml: is a FIFO (named pipe); only regular files are read']);
  });

  it('reports a link to /dev/zero instead of reading without end', () => {
    const dir = copy();
    symlinkSync('/dev/zero', join(dir, 'units.yaml.zero'));
    rmSync(join(dir, 'units.yaml'));
    symlinkSync('/dev/zero', join(dir, 'units.yaml'));
    expect(lines(dir)[0]).toBe('knowledge/units.yaml: leads outside knowledge/ (a symbolic link); only links within knowledge/ are followed');
  });

  it('follows a link that stays inside knowledge/', () => {
    const dir = copy();
    mkdirSync(join(dir, 'kept'));
    writeFileSync(join(dir, 'kept', 'units.yaml'), readFileSync(join(dir, 'units.yaml')));
    rmSync(join(dir, 'units.yaml'));
    symlinkSync(join('kept', 'units.yaml'), join(dir, 'units.yaml'));
    expect(lines(dir)).toEqual([]);
  });

  it('refuses a file over the size limit without reading it', () => {
    const dir = copy();
    writeFileSync(join(dir, 'documents', 'huge.yaml'), 'x'.repeat(3 * 1024 * 1024));
    expect(lines(dir)).toEqual(['knowledge/documents/huge.yaml: is larger than the limit of 2 MB per file']);
  });

  it('refuses files that are small one by one but too large together', () => {
    const dir = copy();
    const limits = { maxFileBytes: 100_000, maxTotalBytes: 60_000, maxDocuments: 100, maxAliases: 100, maxDepth: 16, timeoutMs: 10_000, maxHeapMb: 512 };
    const found = checkKnowledge(dir, limits).problems.map(formatProblem);
    expect(found.some((l) => /does not fit: the knowledge files may hold 59 KB in all$/.test(l))).toBe(true);
  });
});

describe('the document source stays in knowledge/sources/', () => {
  it('refuses a source path with ../, and quotes nothing from outside', () => {
    const dir = copy(provincialFile, (t) => t.replace('source: sources/fujian-provincial-2021.txt', 'source: sources/../../../../../../etc/passwd'));
    const found = lines(dir);
    expect(found).toEqual([
      'knowledge/documents/fujian-provincial.yaml: source sources/../../../../../../etc/passwd must be a file under knowledge/sources/, such as sources/name.txt',
    ]);
  });

  it('refuses a source that is a link leading out of sources/, and quotes nothing from it', () => {
    const dir = copy();
    rmSync(join(dir, 'sources', 'fujian-provincial-2021.txt'));
    symlinkSync('/etc/passwd', join(dir, 'sources', 'fujian-provincial-2021.txt'));
    const found = lines(dir);
    expect(found).toEqual([
      'knowledge/documents/fujian-provincial.yaml: source file sources/fujian-provincial-2021.txt leads outside knowledge/sources/ (a symbolic link); only links within knowledge/sources/ are followed',
    ]);
    expect(found.join('\n')).not.toMatch(/root:|nologin/);
  });
});

describe('YAML and schemas', { timeout: 60_000 }, () => {
  it('names an unknown key (a misspelt field) instead of ignoring it', () => {
    const dir = copy(provincialFile, (t) => t.replace('    cooperate: [省公安厅]\n    provenance: [112', '    coopreate: [省公安厅]\n    provenance: [112'));
    expect(lines(dir)).toContain(
      'knowledge/documents/fujian-provincial.yaml [p2-1-3-1]: clauses.14: unknown key coopreate (a misspelt field? only the documented fields are allowed)',
    );
  });

  it('sums up 40,000 unknown keys in one short line, in seconds', () => {
    const dir = copy();
    appendFileSync(join(dir, 'units.yaml'), Array.from({ length: 40_000 }, (_, i) => `key${i}: value`).join('\n') + '\n');
    const found = lines(dir);
    expect(found).toEqual([
      'knowledge/units.yaml: (top level): unknown keys key0, key1, key2, key3, key4 and 39995 more (a misspelt field? only the documented fields are allowed)',
    ]);
  });

  it('still reports a duplicate key', () => {
    const dir = copy('units.yaml', (t) => `${t}units: []\n`);
    expect(lines(dir)).toEqual([expect.stringMatching(/^knowledge\/units\.yaml: duplicate key 「units」 at line \d+$/)]);
  });

  it('stops an alias bomb with one line', () => {
    const dir = copy();
    writeFileSync(join(dir, 'units.yaml'), aliasBomb(8));
    expect(lines(dir)).toEqual(['knowledge/units.yaml: uses YAML aliases too many times (more than 100); write the values out']);
  });

  it('stops deep nesting with one line', () => {
    const dir = copy();
    writeFileSync(join(dir, 'units.yaml'), `units: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    const found = lines(dir);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((l) => l.startsWith('knowledge/units.yaml: ') && !l.includes('\n'))).toBe(true);
    writeFileSync(join(dir, 'units.yaml'), `units:${Array.from({ length: 40 }, (_, i) => `\n${'  '.repeat(i + 1)}- `).join('')}x\n`);
    expect(lines(dir)).toEqual(['knowledge/units.yaml: is nested more than 16 levels deep at line 17']);
  });

  it('refuses bytes that are not UTF-8 in an alias or a note, naming the line', () => {
    const dir = copy();
    const units = readFileSync(join(dir, 'units.yaml'), 'utf8');
    const at = units.indexOf('aliases: [') + 'aliases: ['.length;
    writeFileSync(join(dir, 'units.yaml'), Buffer.concat([Buffer.from(units.slice(0, at)), Buffer.from([0xc3, 0x28]), Buffer.from(units.slice(at))]));
    const line = units.slice(0, at).split('\n').length;
    expect(lines(dir)).toEqual([expect.stringMatching(new RegExp(`^knowledge/units\\.yaml: is not valid UTF-8 at line ${line}, column \\d+ \\(byte ${Buffer.byteLength(units.slice(0, at))}\\); save it as UTF-8$`))]);

    const dir2 = copy();
    const doc = readFileSync(join(dir2, provincialFile), 'utf8');
    const note = doc.indexOf('note: ') + 'note: '.length;
    writeFileSync(join(dir2, provincialFile), Buffer.concat([Buffer.from(doc.slice(0, note)), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(doc.slice(note))]));
    expect(lines(dir2)).toEqual([expect.stringMatching(/^knowledge\/documents\/fujian-provincial\.yaml: is not valid UTF-8 at line \d+/)]);
  });
});

describe('npm run kb -- check on hostile files (the real command)', { timeout: 60_000 }, () => {
  const kb = (dir: string) =>
    spawnSync(process.execPath, [join(projectRoot(), 'dist', 'src', 'cli', 'kb.js'), 'check', '--dir', dir], { encoding: 'utf8', timeout: 30_000 });

  it.each([
    ['an alias bomb', (dir: string) => writeFileSync(join(dir, 'units.yaml'), aliasBomb(8))],
    ['deep nesting', (dir: string) => writeFileSync(join(dir, 'units.yaml'), `units: ${'['.repeat(20000)}${']'.repeat(20000)}\n`)],
    ['a FIFO and a link to /dev/zero', (dir: string) => {
      mkfifo(join(dir, 'documents', 'fifo.yaml'));
      symlinkSync('/dev/zero', join(dir, 'documents', 'zero.yaml'));
    }],
  ])('prints one line per problem for %s, never a stack trace', (_label, plant) => {
    const dir = copy();
    plant(dir);
    const run = kb(dir);
    expect(run.status).toBe(1);
    const out = run.stderr.trimEnd().split('\n');
    expect(out.at(-1)).toMatch(/^kb check: \d+ problem\(s\); the knowledge base is not valid$/);
    for (const line of out.slice(0, -1)) expect(line).toMatch(/^knowledge\/\S+: /);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
