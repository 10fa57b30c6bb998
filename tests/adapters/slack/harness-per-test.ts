// A test file's Slack harnesses: the real handler is built once per file (it takes seconds, so
// outside the tests' timeouts) and each test's harness is stopped after it, whatever happened.
import { afterEach, beforeAll } from 'vitest';
import type { SlackAppOptions } from '../../../adapters/slack/index.js';
import type { MessageHandler } from '../../../src/chat/handler.js';
import { startHarness, type Harness } from './harness.js';
import { realHandler } from './real-handler.js';

export interface Harnesses {
  /** The real core behind the shared chat handler. */
  readonly handler: MessageHandler;
  /** A harness answering with `handler` (the real one by default), stopped after the test. */
  start(handler?: MessageHandler, overrides?: Partial<SlackAppOptions>): Promise<Harness>;
}

export function harnessPerTest(): Harnesses {
  let handler: MessageHandler | undefined;
  const started: Harness[] = [];
  beforeAll(() => {
    handler = realHandler();
  });
  afterEach(async () => {
    while (started.length) await started.pop()!.stop();
  });
  const real = () => {
    if (!handler) throw new Error('harnessPerTest() must be called at the top of a test file');
    return handler;
  };
  return {
    get handler() {
      return real();
    },
    async start(answering = real(), overrides = {}) {
      const h = await startHarness(answering, overrides);
      started.push(h);
      return h;
    },
  };
}
