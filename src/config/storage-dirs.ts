// DATA_DIR and KNOWLEDGE_DIR as every command reads them (empty means unset, relative means from the
// working directory), without the chat settings the knowledge and quiz tools do not need.
import { resolve } from 'node:path';
import { knowledgeDir } from '../knowledge/paths.js';
import { z } from 'zod';
import { ConfigError } from './config-error.js';
import { optionalText } from './env-schema.js';

export interface StorageDirs {
  dataDir: string;
  knowledgeDir: string;
}

const storageSchema = z.object({ DATA_DIR: optionalText, KNOWLEDGE_DIR: optionalText });

export function storageDirs(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): StorageDirs {
  const parsed = storageSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue?.path[0] ?? 'environment'), issue?.message ?? 'is invalid');
  }
  const e = parsed.data;
  return {
    dataDir: resolve(cwd, e.DATA_DIR ?? 'data'),
    knowledgeDir: e.KNOWLEDGE_DIR ? resolve(cwd, e.KNOWLEDGE_DIR) : knowledgeDir(),
  };
}

/** DATA_DIR and KNOWLEDGE_DIR, or undefined after writing the one line naming the bad one (exit 2). */
export function storageDirsOrSay(env: NodeJS.ProcessEnv, err: { write(s: string): unknown }): StorageDirs | undefined {
  try {
    return storageDirs(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    err.write(`${error.message}\n`);
    return undefined;
  }
}
