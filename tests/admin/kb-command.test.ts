// /kb in chat through the shared handler: administrators (ADMIN_IDS, per platform; the console)
// see status, reload and hit testing; anyone else is refused and nothing is reloaded.
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createKbCommand } from '../../src/admin/kb-command.js';
import { createChatHandler } from '../../src/chat/create-chat-handler.js';
import type { MessageHandler } from '../../src/chat/handler.js';
import type { IncomingMessage } from '../../src/chat/types.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createLiveAssistant, type LiveAssistant } from '../../src/core/live-assistant.js';
import { knowledgeCopy } from '../knowledge/helpers.js';
import { NEW_MARRIAGE, OLD_MARRIAGE, PROVINCIAL, reviseMarriageClause, unknownLeadUnit } from './knowledge-edits.js';

let dir: string;
let live: LiveAssistant;
let handler: MessageHandler;
const reloads: string[] = [];

beforeEach(() => {
  dir = knowledgeCopy();
  live = createLiveAssistant({ knowledgeDir: dir, clock: () => new Date('2026-05-01T00:00:00Z') });
  reloads.length = 0;
  handler = createChatHandler({
    assistant: live,
    prefixes: ['反拐'],
    adminIds: loadConfig({ ADMIN_IDS: 'wechat:wxid_boss,slack:UBOSS' }).adminIds,
    commands: [createKbCommand({ live, onReload: (r, by) => reloads.push(`${by} ${r.ok}`) })],
  });
});

const dm = (platform: IncomingMessage['platform'], senderId: string, text: string, over: Partial<IncomingMessage> = {}): IncomingMessage => ({
  platform,
  conversationId: senderId,
  isGroup: false,
  senderId,
  text,
  mentioned: false,
  fromSelf: false,
  ...over,
});
const say = async (msg: IncomingMessage) => (await handler(msg)).map((o) => o.text).join('\n');
const marriageText = async () => say(dm('wechat', 'wxid_alice', '谁负责婚姻登记相关反拐措施'));

describe('/kb reload', () => {
  it('puts an edited clause live for an administrator', async () => {
    expect(await marriageText()).toContain(OLD_MARRIAGE);
    reviseMarriageClause(dir);
    const reply = await say(dm('wechat', 'wxid_boss', '/kb reload'));
    expect(reply).toContain('知识库已重新加载');
    expect(reply).toContain('修改 1');
    expect(reply).toContain('二（一）3（1）（p2-1-3-1）');
    expect(await marriageText()).toContain(NEW_MARRIAGE);
    expect(reloads).toEqual(['wechat:wxid_boss true']);
  });

  it('refuses anyone not in ADMIN_IDS for that platform, politely, and reloads nothing', async () => {
    reviseMarriageClause(dir);
    const version = live.status().version;
    for (const msg of [
      dm('wechat', 'wxid_alice', '/kb reload'),
      // UBOSS is an administrator on Slack, not on WeChat.
      dm('wechat', 'UBOSS', '/kb reload'),
      // A WeChat sender whose id is literally the Slack administrator's platform:id.
      dm('wechat', 'slack:UBOSS', '/kb reload'),
      dm('slack', 'wxid_boss', '/kb reload'),
      dm('wechat', 'wxid_alice', '@反拐助手\u2005/kb reload', { isGroup: true, conversationId: 'room@chatroom', mentioned: true, mentionTokens: ['@反拐助手'] }),
    ]) {
      const out = await handler(msg);
      expect(out).toEqual([{ kind: 'rejected', text: expect.stringContaining('只有管理员可以用') }]);
    }
    expect(reloads).toEqual([]);
    expect(live.status().version).toBe(version);
    expect(await marriageText()).not.toContain(NEW_MARRIAGE);
  });

  it('lets the Slack administrator and the console user reload', async () => {
    expect(await say(dm('slack', 'UBOSS', '/kb reload'))).toContain('知识库已重新加载');
    expect(await say(dm('console', 'console', '/kb reload', { admin: true }))).toContain('知识库已重新加载');
  });

  it('answers a broken edit with the error and keeps the old knowledge', async () => {
    reviseMarriageClause(dir);
    unknownLeadUnit(dir);
    const reply = await say(dm('slack', 'UBOSS', '/kb reload'));
    expect(reply).toContain('重新加载失败，仍在使用原来的知识库');
    expect(reply).toContain(`${join('knowledge', PROVINCIAL)} [p2-1-3-1]: lead unit 「省婚姻登记局」 is not in units.yaml`);
    expect(await marriageText()).toContain(OLD_MARRIAGE);
    expect(await marriageText()).toContain('负责：省民政厅');
  });
});

describe('/kb status and /kb test', () => {
  it('shows version, clause count, load time and documents', async () => {
    const reply = await say(dm('wechat', 'wxid_boss', '/kb status'));
    const s = live.status();
    expect(reply).toContain(`知识库版本 ${s.version}，共 ${s.clauses} 条条款，加载于 `);
    expect(reply).toContain(`省实施细则（fujian-provincial，省级）${s.clauses} 条`);
  });

  it('shows the ranking behind an answer', async () => {
    const reply = await say(dm('wechat', 'wxid_boss', '/kb test 婚姻登记谁负责'));
    expect(reply).toMatch(/p2-1-3-1 二（一）3（1）/);
    expect(reply).toContain('matched:');
  });

  it('is refused to others too', async () => {
    expect(await say(dm('slack', 'U0ALICE', '/kb status'))).toContain('只有管理员可以用');
  });
});

describe('ADMIN_IDS', () => {
  it('takes platform:id entries and rejects an unknown platform', () => {
    expect(loadConfig({ ADMIN_IDS: 'wechat:wxid_a, slack:U123' }).adminIds).toEqual(['wechat:wxid_a', 'slack:U123']);
    expect(() => loadConfig({ ADMIN_IDS: 'wechat:wxid_a,slak:U123' })).toThrow(/ADMIN_IDS.*platform:id/);
  });

  it('stops start-up on a bare id, naming ADMIN_IDS', () => {
    expect(() => loadConfig({ ADMIN_IDS: 'wechat:wxid_a,UBOSS' })).toThrow(/ADMIN_IDS.*platform:id.*bare id/);
  });
});

describe('/kb with an unknown subcommand', () => {
  it('says the subcommand is unknown, lists the right ones, and reloads nothing', async () => {
    reviseMarriageClause(dir);
    const reply = await say(dm('wechat', 'wxid_boss', '/kb relaod'));
    expect(reply.split('\n')[0]).toBe('没有这个命令：/kb relaod');
    expect(reply).toContain('/kb reload');
    expect(reloads).toEqual([]);
    expect(await marriageText()).toContain(OLD_MARRIAGE);
  });
});
