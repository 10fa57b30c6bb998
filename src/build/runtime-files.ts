// Run by `npm run build` after tsc (and so by `prepare` on every install): the files the compiled
// program needs besides its code — the trimmed dictionary, the characters that call for OpenCC,
// the knowledge cache, an executable bin.
import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadCachedKnowledge } from '../cli/cached-assistant.js';
import { trimmedDictionaryDir } from '../core/tokenizer.js';
import { traditionalCharsFile, traditionalFirstChars } from '../core/traditional.js';
import { projectRoot } from '../knowledge/paths.js';
import { buildDictionary, describeDictionary } from './trim-dictionary.js';

process.stdout.write(describeDictionary(buildDictionary(trimmedDictionaryDir())) + '\n');
const charsFile = traditionalCharsFile();
mkdirSync(dirname(charsFile), { recursive: true });
writeFileSync(`${charsFile}.tmp`, traditionalFirstChars());
renameSync(`${charsFile}.tmp`, charsFile);
try {
  await loadCachedKnowledge();
} catch (error) {
  // Broken knowledge must not break the build: `npm run kb -- check` says what is wrong.
  process.stdout.write(`knowledge not cached: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
}
chmodSync(join(projectRoot(), 'dist', 'src', 'cli', 'fanguai.js'), 0o755);
