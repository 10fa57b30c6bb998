import { describe, expect, it } from 'vitest';
import { createMessageHandler, type MessageHandlerOptions } from '../../src/chat/handler.js';
import type { IncomingMessage } from '../../src/chat/types.js';
import { fakeAssistant, MARRIAGE, renderClause, renderReply } from './fake-assistant.js';

function setup(over: Partial<MessageHandlerOptions> = {}) {
  const assistant = fakeAssistant();
  const handler = createMessageHandler({
    assistant,
    trigger: { prefixes: ['反拐', '/fanguai'] },
    renderReply,
    renderClause,
    ...over,
  });
  return { assistant, handler };
}

const group = (text: string, over: Partial<IncomingMessage> = {}): IncomingMessage => ({
  platform: 'wechat',
  conversationId: 'room1',
  conversationName: '反拐工作群',
  isGroup: true,
  senderId: 'alice',
  text,
  mentioned: false,
  fromSelf: false,
  mentionTokens: ['@助手'],
  ...over,
});
const dm = (text: string, over: Partial<IncomingMessage> = {}) => group(text, { isGroup: false, conversationId: 'alice', ...over });

describe('createMessageHandler', () => {
  it('answers a mention with the core reply, mention stripped', async () => {
    const { assistant, handler } = setup();
    const out = await handler(group('@助手\u2005谁负责婚姻登记相关反拐措施', { mentioned: true }));
    expect(assistant.questions).toEqual(['谁负责婚姻登记相关反拐措施']);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: 'answer' });
    expect(out[0].text).toContain('省民政厅');
    expect(out[0].reply?.answers[0]?.id).toBe(MARRIAGE.id);
  });

  it('stays silent on unaddressed group chatter and its own messages', async () => {
    const { assistant, handler } = setup();
    expect(await handler(group('谁负责婚姻登记'))).toEqual([]);
    expect(await handler(dm('谁负责婚姻登记', { fromSelf: true }))).toEqual([]);
    expect(assistant.questions).toEqual([]);
  });

  it('answers prefixed group messages and every private message', async () => {
    const { handler } = setup();
    expect((await handler(group('反拐 谁负责婚姻登记')))[0].text).toContain('省公安厅');
    expect((await handler(dm('谁负责婚姻登记')))[0].text).toContain('省公安厅');
  });

  it('gives help and full text, the bare 全文 meaning the last answer here', async () => {
    const { handler } = setup();
    expect((await handler(dm('/help')))[0]).toMatchObject({ kind: 'help' });
    expect((await handler(group('帮助', { mentioned: true })))[0].text).toContain('@我');
    expect((await handler(dm('全文')))[0].text).toContain('用法');
    await handler(dm('谁负责婚姻登记'));
    const full = await handler(dm('全文'));
    expect(full[0]).toMatchObject({ kind: 'full', clause: MARRIAGE });
    expect(full[0].text).toContain(MARRIAGE.text);
    expect((await handler(dm('/full p2-3-1')))[0].clause).toEqual(MARRIAGE);
    // An outline path works too, through the core's clause lookup.
    expect((await handler(dm('/full 二（三）1')))[0].clause).toEqual(MARRIAGE);
    expect((await handler(dm('/full 九九')))[0].text).toContain('没有找到');
  });

  it('answers reserved and unknown commands without asking the core', async () => {
    const { assistant, handler } = setup();
    expect((await handler(dm('/quiz start')))[0].text).toContain('尚未开放');
    expect((await handler(dm('/kb status', { admin: true })))[0].text).toContain('尚未开放');
    expect((await handler(group('/kb status', { mentioned: true })))[0].text).toContain('管理员');
    expect((await handler(dm('/nonsense')))[0].text).toContain('/help');
    expect(assistant.questions).toEqual([]);
  });

  it('lets administrators (ADMIN_IDS, the console) run admin commands and refuses anyone else', async () => {
    const { handler } = setup({ adminIds: ['wechat:boss'] });
    // Past the administrator check, to the command itself (here not plugged in, so reserved).
    expect((await handler(dm('/kb', { senderId: 'boss' })))[0].text).toBe('/kb 功能尚未开放。');
    expect((await handler(dm('/kb', { admin: true })))[0].text).toBe('/kb 功能尚未开放。');
    expect((await handler(dm('/kb', { senderId: 'alice' })))[0].text).toBe('这个命令只有管理员可以用。');
  });

  it('runs plugged-in commands and interceptors (hooks for /quiz)', async () => {
    const seen: string[] = [];
    const { handler } = setup({
      commands: [{ name: 'quiz', aliases: ['出题'], run: (ctx) => [{ kind: 'quiz', text: `quiz ${ctx.command.args}` }], help: ['· /quiz'] }],
      interceptors: [
        (ctx) => {
          seen.push(`${ctx.addressed}:${ctx.text}`);
          return ctx.text === 'B' ? [{ kind: 'quiz', text: '正确' }] : undefined;
        },
      ],
    });
    expect((await handler(group('出题 3', { mentioned: true })))[0].text).toBe('quiz 3');
    expect((await handler(group('B')))[0].text).toBe('正确');
    expect(await handler(group('随便聊'))).toEqual([]);
    expect((await handler(dm('/help')))[0].text).toContain('/quiz');
    expect(seen).toEqual(['true:出题 3', 'false:B', 'false:随便聊', 'true:/help']);
  });

  it('turns bad input into a short reply or none, and never throws', async () => {
    const { assistant, handler } = setup();
    expect(await handler(dm(''))).toEqual([]);
    expect((await handler(group('@助手', { mentioned: true })))[0].kind).toBe('rejected');
    expect((await handler(dm('x'.repeat(100 * 1024))))[0].text).toContain('太长');
    expect((await handler(dm('😀😀😀')))[0].text).toContain('文字');
    expect((await handler(dm('\u0000\u0001\u0002')))).toEqual([]);
    expect((await handler(dm('\u0007谁负责\u0000婚姻登记')))[0].kind).toBe('answer');
    expect(assistant.questions).toEqual(['谁负责婚姻登记']);
  });

  it('answers with an apology when the core throws, and stays silent if unaddressed', async () => {
    const assistant = fakeAssistant({
      ask: () => {
        throw new Error('index broken');
      },
    });
    const errors: string[] = [];
    const logger = { debug() {}, info() {}, warn() {}, error: (m: string) => errors.push(m) };
    const handler = createMessageHandler({ assistant, trigger: { prefixes: [] }, renderReply, renderClause, logger,
      interceptors: [(ctx) => { if (ctx.text === 'boom') throw new Error('quiz broken'); return undefined; }] });
    expect((await handler(dm('谁负责')))[0]).toMatchObject({ kind: 'error' });
    expect(await handler(group('boom'))).toEqual([]);
    expect(errors).toHaveLength(2);
  });
});
