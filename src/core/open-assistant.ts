// The assistant over the project's knowledge folder (or KNOWLEDGE_DIR), for the command line.
import { loadKnowledgeBase } from '../knowledge/load.js';
import { knowledgeDir } from '../knowledge/paths.js';
import { createAssistant, type Assistant, type AssistantOptions } from './assistant.js';

export function openAssistant(
  options: Omit<AssistantOptions, 'kb'> & { dir?: string } = {},
  env: NodeJS.ProcessEnv = process.env,
): Assistant {
  const { dir, ...rest } = options;
  const kb = loadKnowledgeBase(knowledgeDir(dir ?? env.KNOWLEDGE_DIR));
  return createAssistant({ kb, ...rest });
}
