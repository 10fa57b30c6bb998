// The real core over the real knowledge folder, behind the shared chat handler — what start.ts runs.
import { createChatHandler } from '../../../src/chat/create-chat-handler.js';
import type { MessageHandler } from '../../../src/chat/handler.js';
import { createAssistant } from '../../../src/core/assistant.js';
import { loadKnowledgeBase } from '../../../src/knowledge/load.js';
import { knowledgeDir } from '../../../src/knowledge/paths.js';

let cached: MessageHandler | undefined;

export function realHandler(): MessageHandler {
  cached ??= createChatHandler({
    assistant: createAssistant({ kb: loadKnowledgeBase(knowledgeDir()) }),
    prefixes: ['反拐', '/fanguai'],
  });
  return cached;
}
