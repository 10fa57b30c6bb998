// The console as a ChatAdapter: stdin lines in, answers out; ends at the end of its input.
import type { AdapterFactory, ChatAdapter } from '../../src/chat/adapter.js';
import type { PushSend } from '../../src/chat/push.js';
import type { ConsoleSettings } from './config.js';
import { runConsoleChat } from './index.js';

export const createConsoleAdapter: AdapterFactory<ConsoleSettings> = (_settings, context) => {
  let send: PushSend | undefined;
  let resolveEnded!: () => void;
  const ended = new Promise<void>((resolve) => (resolveEnded = resolve));
  const adapter: ChatAdapter = {
    platform: 'console',
    ended,
    async start() {
      void runConsoleChat({
        handler: context.handler(),
        input: context.stdin,
        output: context.stdout,
        push: { register: (_platform, s) => (send = s) },
      }).then(resolveEnded, (error: unknown) => {
        context.logger.error('console chat failed', error);
        resolveEnded();
      });
    },
    async stop() {
      // Nothing to close: the input ends by itself, and the process exits after the other platforms stop.
    },
    async push(conversationId, outgoing) {
      await send?.(conversationId, outgoing);
    },
  };
  return adapter;
};
