// The console chat: stdin lines in, answers out, with the same handler as the groups. Works on a
// terminal (prompt) and on a pipe (no prompt, answers only); resolves at the end of input.
import { createInterface } from 'node:readline';
import type { MessageHandler } from '../../src/chat/handler.js';
import type { PushRegistry } from '../../src/chat/push.js';
import { EXAMPLE_QUESTION } from '../../src/chat/messages.js';
import { createConsoleSession } from './console-session.js';

export { createConsoleSession, type ConsoleSession, type ConsoleSessionOptions } from './console-session.js';

export interface ConsoleChatOptions {
  handler: MessageHandler;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Show a banner and a prompt; defaults to whether input is a terminal. */
  interactive?: boolean;
  /** Where the console registers its push sender (quiz reveals): it prints like a reply. */
  push?: Pick<PushRegistry, 'register'>;
}

export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = options.interactive ?? Boolean((input as { isTTY?: boolean }).isTTY);
  const session = createConsoleSession({ handler: options.handler });
  const rl = createInterface({ input, ...(interactive ? { output, terminal: true } : { terminal: false }), crlfDelay: Infinity });
  // One person, one conversation: every push is for this console, whatever the id.
  options.push?.register('console', async (_conversationId, outgoing) => {
    for (const o of outgoing) output.write(`${interactive ? '\n' : ''}${o.text}\n\n`);
    if (interactive) rl.prompt();
  });
  rl.setPrompt('> ');
  if (interactive) {
    output.write(`反拐实施细则问答（控制台）。例如：${EXAMPLE_QUESTION}。/help 查看用法，Ctrl+D 退出。\n`);
    rl.prompt();
  }
  // Lines are answered one at a time, in order, even when a pipe delivers them all at once.
  for await (const line of rl) {
    if (line.trim() !== '') {
      const replies = await session.say(line);
      for (const text of replies) output.write(`${text}\n\n`);
    }
    if (interactive) rl.prompt();
  }
  if (interactive) output.write('\n');
}
