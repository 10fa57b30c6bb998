import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createConsoleSession, runConsoleChat } from '../../../adapters/console/index.js';
import { createMessageHandler } from '../../../src/chat/handler.js';
import { fakeAssistant, renderClause, renderReply } from '../../chat/fake-assistant.js';

const handler = createMessageHandler({
  assistant: fakeAssistant(),
  trigger: { prefixes: ['反拐'] },
  renderReply,
  renderClause,
});

describe('console adapter', () => {
  it('is a private administrator conversation (usable as a test double)', async () => {
    const session = createConsoleSession({ handler });
    expect((await session.say('谁负责婚姻登记'))[0]).toContain('省民政厅');
    // Admin-only commands are allowed on the console: past the check, to the (here reserved) command.
    expect((await session.say('/kb'))[0]).toBe('/kb 功能尚未开放。');
    expect(await session.say('')).toEqual([]);
  });

  it('answers piped lines in order and resolves at the end of input', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    const done = runConsoleChat({ handler, input, output, interactive: false });
    input.end('谁负责婚姻登记\n\n/help\r\n火星探测\n');
    await done;
    const marriage = printed.indexOf('省民政厅');
    const help = printed.indexOf('命令');
    const none = printed.indexOf('没有找到：火星探测');
    expect(marriage).toBeGreaterThanOrEqual(0);
    expect(help).toBeGreaterThan(marriage);
    expect(none).toBeGreaterThan(help);
    expect(printed).not.toContain('> ');
  });
});
