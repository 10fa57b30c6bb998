// The adapter seam: every platform is one registry line whose definition is light (no SDK is loaded
// until the platform is configured) and whose variables are documented for administrators.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, PLATFORMS } from '../../adapters/index.js';

const root = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const imports = (source: string) => [...source.matchAll(/^import\s[^'"]*['"]([^'"]+)['"]/gmu)].map((m) => m[1]!);

describe('the adapter registry', () => {
  it('lists each platform once, and IncomingMessage platforms are exactly these names', () => {
    expect(new Set(PLATFORMS).size).toBe(PLATFORMS.length);
    expect(PLATFORMS).toContain('console');
  });

  it('imports no chat SDK, statically, from the registry or any platform settings file', () => {
    const files = ['adapters/index.ts', ...PLATFORMS.map((p) => `adapters/${p}/config.ts`)];
    for (const file of files) {
      for (const spec of imports(read(file))) {
        // Relative files and zod only: the SDKs come in through each definition's load().
        expect(spec.startsWith('.') || spec === 'zod', `${file} imports ${spec}`).toBe(true);
      }
    }
  });

  it('documents every variable of every platform in .env.example and the README', () => {
    const example = read('.env.example');
    const readme = read('README.md');
    for (const adapter of ADAPTERS) {
      for (const variable of Object.keys(adapter.env)) {
        expect(example, `${variable} in .env.example`).toMatch(new RegExp(`^#?\\s*${variable}=`, 'mu'));
        expect(readme.includes(variable), `${variable} in README.md`).toBe(true);
      }
    }
  });

  it('loads each platform factory lazily', async () => {
    for (const adapter of ADAPTERS) expect(typeof (await adapter.load())).toBe('function');
  });
});
