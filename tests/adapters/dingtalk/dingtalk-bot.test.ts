// The DingTalk adapter on its own, against the fake gateway: a reply longer than one message is split
// under the markdown limit, numbered once, paced, and every part goes to the message's sessionWebhook.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDingtalkBot, DINGTALK_MARKDOWN_CHARS } from '../../../adapters/dingtalk/index.js';
import type { ChatAdapter } from '../../../src/chat/adapter.js';
import { FakeDingtalk } from './fake-dingtalk.js';

const sentence = '县级以上人民政府应当建立健全反对拐卖人口工作协调机制，明确责任分工。';
const long = Array.from({ length: 400 }, (_, i) => `${i + 1}. ${sentence}`).join('\n');

let fake: FakeDingtalk;
let bot: ChatAdapter;
beforeEach(async () => {
  fake = new FakeDingtalk();
  await fake.start();
});
afterEach(async () => {
  await bot?.stop();
  await fake.stop();
});

describe('DingTalk replies', () => {
  it('split a long reply under the limit into numbered, paced parts, all to the sessionWebhook, losing nothing', async () => {
    bot = createDingtalkBot({ clientId: fake.clientId, clientSecret: fake.clientSecret, gatewayUrl: fake.gatewayUrl, handler: async () => [{ kind: 'help', text: long }], minSendIntervalMs: 200 });
    await bot.start();
    const msgId = fake.say('帮助', { staffId: 'u1' });
    await fake.waitFor(() => fake.repliesTo(msgId).join('').includes('400. '), 20000);
    const parts = fake.repliesTo(msgId);
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((part, i) => {
      expect(part.length).toBeLessThanOrEqual(DINGTALK_MARKDOWN_CHARS);
      expect(part.slice(0, 12)).toMatch(new RegExp(`^\\(${i + 1}/${parts.length}\\)`, 'u'));
    });
    expect(fake.posted.filter((p) => p.to === msgId).every((p) => p.via === 'webhook')).toBe(true);
    const all = parts.join('\n');
    let at = 0;
    for (let i = 1; i <= 400; i++) {
      const next = all.indexOf(`${i}. `, at);
      expect(next, `line ${i}`).toBeGreaterThanOrEqual(at);
      at = next;
    }
    const times = fake.posted.filter((p) => p.to === msgId).map((p) => p.at);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(150);
  });
});
