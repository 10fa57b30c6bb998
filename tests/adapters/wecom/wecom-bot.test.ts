// The WeCom adapter on its own, against the fake server: a reply longer than one message is split
// under WeCom's limits (a stream message holds 20480 bytes, a pushed markdown 4096) and paced.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWecomBot, WECOM_STREAM_CHARS } from '../../../adapters/wecom/index.js';
import type { ChatAdapter } from '../../../src/chat/adapter.js';
import type { MessageHandler } from '../../../src/chat/handler.js';
import { FakeWecom } from './fake-wecom.js';

const sentence = '县级以上人民政府应当建立健全反对拐卖人口工作协调机制，明确责任分工。';
const long = Array.from({ length: 800 }, (_, i) => `${i + 1}. ${sentence}`).join('\n');

let fake: FakeWecom;
let bot: ChatAdapter;
beforeEach(async () => {
  fake = new FakeWecom();
  await fake.start();
});
afterEach(async () => {
  await bot?.stop();
  await fake.stop();
});

const start = async (handler: MessageHandler, minSendIntervalMs = 200) => {
  bot = createWecomBot({ botId: fake.botId, secret: fake.secret, wsUrl: fake.url, handler, minSendIntervalMs });
  await bot.start();
};

describe('WeCom replies', () => {
  it('answers in one stream message under its byte limit, and continues in paced pushes under theirs, losing nothing', async () => {
    await start(async () => [{ kind: 'help', text: long }]);
    const reqId = fake.say('帮助', { userid: 'u1' });
    const first = await fake.reply(reqId);
    expect(first.length).toBeLessThanOrEqual(WECOM_STREAM_CHARS);
    expect(Buffer.byteLength(first)).toBeLessThanOrEqual(20480);
    await fake.waitFor(() => fake.pushed('u1').length > 0 && fake.pushed('u1').join('').includes('800. '), 20000);
    const pushes = fake.frames.filter((f) => f.cmd === 'aibot_send_msg');
    for (const p of pushes) expect(Buffer.byteLength(p.body!.markdown!.content)).toBeLessThanOrEqual(4096);
    // Numbered once, 1/n … n/n, across the stream message and the pushes.
    const parts = [first, ...fake.pushed('u1')];
    parts.forEach((part, i) => expect(part.slice(0, 12)).toMatch(new RegExp(`^\\(${i + 1}\\/${parts.length}\\)`, "u")));
    // Every numbered line arrived, in order.
    const all = [first, ...fake.pushed('u1')].join('\n');
    let at = 0;
    for (let i = 1; i <= 800; i++) {
      const next = all.indexOf(`${i}. `, at);
      expect(next, `line ${i}`).toBeGreaterThanOrEqual(at);
      at = next;
    }
  });

  it('pushes one post as one message, and paces posts into one conversation', async () => {
    await start(async () => [], 300);
    await bot.push('wrkOne', [
      { kind: 'quiz', text: '第1题答案：B' },
      { kind: 'quiz', text: '第2/3题' },
    ]);
    expect(fake.pushed('wrkOne')).toEqual(['第1题答案：B\n\n第2/3题']);
    await Promise.all(['one', 'two', 'three'].map((text) => bot.push('wrkPaced', [{ kind: 'quiz', text }])));
    expect(fake.pushed('wrkPaced')).toEqual(['one', 'two', 'three']);
    const times = fake.frames.filter((f) => f.cmd === 'aibot_send_msg' && f.body?.chatid === 'wrkPaced').map((f) => f.at!);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(250);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(250);
  });
});
