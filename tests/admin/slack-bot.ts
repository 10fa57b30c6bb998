// The Slack bot as start.ts builds it for a knowledge copy: the live assistant, /kb for the
// administrator slack:UBOSS, the 「回答有误」 feedback — behind the real Bolt app over HTTP.
import { createFeedback } from '../../src/admin/feedback.js';
import { createKbCommand } from '../../src/admin/kb-command.js';
import { createChatHandler } from '../../src/chat/create-chat-handler.js';
import { createLiveAssistant, type LiveAssistant } from '../../src/core/live-assistant.js';
import { createMissStore, type MissStore } from '../../src/store/misses.js';
import { openDatabase } from '../../src/store/open-database.js';
import { blockText, startHarness, type Harness } from '../adapters/slack/harness.js';
import { knowledgeCopy } from '../knowledge/helpers.js';

export interface ReloadBot {
  h: Harness;
  dir: string;
  store: MissStore;
  live: LiveAssistant;
}

export async function startReloadBot(dir = knowledgeCopy()): Promise<ReloadBot> {
  const live = createLiveAssistant({ knowledgeDir: dir });
  const store = createMissStore(openDatabase(':memory:'));
  const feedback = createFeedback({ store, version: () => live.kb().version });
  const handler = feedback.observe(
    createChatHandler({
      assistant: live,
      prefixes: ['反拐'],
      adminIds: ['slack:UBOSS'],
      commands: [createKbCommand({ live })],
      interceptors: [feedback.interceptor],
    }),
  );
  const h = await startHarness(handler, {
    onFlagWrong: (f) => feedback.flag({ platform: 'slack', conversation: f.conversation, question: f.question, answerIds: f.answerIds }),
  });
  return { h, dir, store, live };
}

/** Text of the n-th chat.postMessage (blocks, or the plain text). */
export const posted = (h: Harness, n: number): string => {
  const p = h.slack.posts()[n]!.params;
  return p.blocks ? blockText(p.blocks) : String(p.text);
};
