// The "done when", literally: `npm start` with only the WeCom and DingTalk variables set
// (pointing at local fakes) answers in both; and every platform — console, WeChat, Slack, WeCom,
// DingTalk — runs side by side in one process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { knowledgeDir } from '../../src/knowledge/paths.js';
import { lastQuestion } from '../quiz/solve.js';
import { startProcess, type StartedProcess } from '../support/start-process.js';
import { FakeDingtalk } from './dingtalk/fake-dingtalk.js';
import { eventBody, FakeSlack, mentionEvent, sendSigned, SIGNING_SECRET, blockText } from './slack/harness.js';
import { FakeWecom } from './wecom/fake-wecom.js';

const plain = (md: string) => md.replace(/ {2}\n/gu, '\n').replace(/\*\*/gu, '');
/** How long a message the bot should ignore is given to be (wrongly) answered. */
const QUIET_MS = 1500;

interface Platform {
  name: string;
  /** A group message, @-mentioning the bot or not; resolves with the reply, or undefined when none came. */
  group(text: string, user: string, at: boolean): Promise<string | undefined>;
  private(text: string, user: string): Promise<string>;
}

let wecom: FakeWecom;
let dingtalk: FakeDingtalk;

beforeAll(async () => {
  wecom = new FakeWecom();
  dingtalk = new FakeDingtalk();
  await Promise.all([wecom.start(), dingtalk.start()]);
});
afterAll(async () => {
  await Promise.all([wecom?.stop(), dingtalk?.stop()]);
});

/** The variables pointing both platforms at their fakes. */
const wecomAndDingtalk = () => ({
  WECOM_BOT_ID: wecom.botId,
  WECOM_BOT_SECRET: wecom.secret,
  WECOM_WS_URL: wecom.url,
  DINGTALK_CLIENT_ID: dingtalk.clientId,
  DINGTALK_CLIENT_SECRET: dingtalk.clientSecret,
  DINGTALK_GATEWAY_URL: dingtalk.gatewayUrl,
});

const platforms = (): Platform[] => [
  {
    name: 'WeCom',
    async group(text, user, at) {
      const reqId = wecom.say(at ? `@反拐助手 ${text}` : text, { userid: user, chatid: 'wrkGroupDone' });
      if (at) return plain(await wecom.reply(reqId));
      await new Promise((r) => setTimeout(r, QUIET_MS));
      return wecom.responsesTo(reqId).length > 0 ? 'answered' : undefined;
    },
    private: async (text, user) => plain(await wecom.reply(wecom.say(text, { userid: user }))),
  },
  {
    name: 'DingTalk',
    async group(text, user, at) {
      const msgId = dingtalk.say(text, { staffId: user, group: { id: 'cidGroupDone', title: '反拐工作群' }, atBot: at });
      if (at) return plain(await dingtalk.reply(msgId));
      await new Promise((r) => setTimeout(r, QUIET_MS));
      return dingtalk.repliesTo(msgId).length > 0 ? 'answered' : undefined;
    },
    private: async (text, user) => plain(await dingtalk.reply(dingtalk.say(text, { staffId: user }))),
  },
];

describe('npm start with only the WeCom and DingTalk variables set', () => {
  let bot: StartedProcess;
  beforeAll(async () => {
    bot = startProcess(wecomAndDingtalk());
    await bot.waitForStderr(/WeCom: connected/u);
    await bot.waitForStderr(/DingTalk: connected/u);
  }, 60000);
  afterAll(async () => {
    expect(await bot.stop()).toBe(0);
  });

  it.each(platforms().map((p) => [p.name, p] as const))('%s: answers 谁负责婚姻登记相关反拐措施 @-mentioned in a group with 省民政厅 / 省公安厅', async (_name, p) => {
    const reply = await p.group('谁负责婚姻登记相关反拐措施', 'u-asks', true);
    expect(reply).toContain('负责：省民政厅');
    expect(reply).toContain('配合：省公安厅');
  });

  // WeCom's server itself delivers only group messages that @ the bot (so each one that arrives is
  // answered, tests/adapters/wecom); DingTalk delivers all and says whether the bot was @-ed.
  it.each(platforms().filter((p) => p.name !== 'WeCom').map((p) => [p.name, p] as const))('%s: ignores a group message without @', async (_name, p) => {
    expect(await p.group('谁负责婚姻登记相关反拐措施', 'u-chats', false)).toBeUndefined();
  });

  it.each(platforms().map((p) => [p.name, p] as const))('%s: answers a private 民政厅负责哪些工作', async (_name, p) => {
    expect(await p.private('民政厅负责哪些工作', 'u-private')).toMatch(/省民政厅：负责 \d+ 项，配合 \d+ 项/u);
  });

  it.each(platforms().map((p) => [p.name, p] as const))('%s: runs a quiz round', async (_name, p) => {
    const kb = loadKnowledgeBase(knowledgeDir());
    const start = (await p.group('出题 1', 'u-quiz', true))!;
    const q = lastQuestion(start, kb);
    const answer = await p.group(q.right, 'u-quiz', true);
    expect(answer).toContain('正确');
    expect(answer).toContain('本轮1题结束');
  });

  it.each(platforms().map((p) => [p.name, p] as const))('%s: refuses an admin reload to a non-admin', async (_name, p) => {
    expect(await p.group('/kb reload', 'u-not-admin', true)).toContain('这个命令只有管理员可以用');
  });
});

describe('every platform in one process', () => {
  it('console, WeChat, Slack, WeCom and DingTalk run side by side, each answering, and stop together', async () => {
    const slack = new FakeSlack();
    await slack.start();
    const bot = startProcess({
      CONSOLE: '1',
      WECHATY_PUPPET: 'wechaty-puppet-mock',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${slack.url}/api/`,
      PORT: '0',
      ...wecomAndDingtalk(),
    });
    try {
      await bot.waitForStderr(/DingTalk: connected/u, 60000);
      expect(bot.stderr).toContain('WeChat started with wechaty-puppet-mock');
      expect(bot.stderr).toMatch(/WeCom: connected/u);

      bot.child.stdin.write('谁负责婚姻登记相关反拐措施\n');
      const port = Number(/listening for events on port (\d+)/u.exec(bot.stderr)?.[1]);
      const sent = await sendSigned(`http://127.0.0.1:${port}/slack/events`, eventBody(mentionEvent('谁负责婚姻登记相关反拐措施')));
      expect(sent.status).toBe(200);
      const [wecomReply, dingtalkReply] = await Promise.all([
        wecom.reply(wecom.say('@反拐助手 谁负责婚姻登记相关反拐措施', { userid: 'mix', chatid: 'wrkMix' })),
        dingtalk.reply(dingtalk.say('谁负责婚姻登记相关反拐措施', { staffId: 'mix', group: { id: 'cidMix', title: 'mix' }, atBot: true })),
      ]);
      for (const reply of [wecomReply, dingtalkReply]) expect(plain(reply)).toContain('省民政厅');
      const until = Date.now() + 20000;
      while (!(slack.posts().length > 0 && bot.stdout.includes('负责：省民政厅'))) {
        if (Date.now() > until) throw new Error(`no Slack post or console answer; stdout: ${bot.stdout}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(blockText(slack.posts()[0]!.params.blocks)).toContain('省民政厅');
    } finally {
      expect(await bot.stop()).toBe(0);
      await slack.stop();
    }
  }, 120000);
});
