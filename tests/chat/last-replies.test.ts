// Each conversation's last reply lives in one place: 全文 and 「不对」 read the same memory, which keeps
// platforms apart even when two of them use the same conversation id.
import { describe, expect, it } from 'vitest';
import { createFeedback } from '../../src/admin/feedback.js';
import { createChatHandler } from '../../src/chat/create-chat-handler.js';
import { createLastReplies } from '../../src/chat/last-replies.js';
import type { IncomingMessage } from '../../src/chat/types.js';
import { createMissStore } from '../../src/store/misses.js';
import { openDatabase } from '../../src/store/open-database.js';
import { fakeAssistant } from './fake-assistant.js';

const dm = (platform: string, text: string): IncomingMessage => ({
  platform,
  conversationId: 'same-id',
  isGroup: false,
  senderId: 'u1',
  text,
  mentioned: false,
  fromSelf: false,
});

function world() {
  const db = openDatabase(':memory:');
  const store = createMissStore(db);
  const feedback = createFeedback({ store });
  const lastReplies = createLastReplies();
  const handlerFor = () =>
    feedback.observe(createChatHandler({ assistant: fakeAssistant(), prefixes: [], lastReplies, interceptors: [feedback.interceptor] }));
  // Two platforms' handlers, as start.ts builds them: one memory between them.
  return { store, wecom: handlerFor(), dingtalk: handlerFor() };
}

describe('the last reply of a conversation', () => {
  it('全文 after an answer shows that clause; the same id on another platform has none', async () => {
    const { wecom, dingtalk } = world();
    await wecom(dm('wecom', '谁负责婚姻登记'));
    expect((await wecom(dm('wecom', '全文')))[0]?.text).toContain('规范婚姻登记管理');
    expect((await dingtalk(dm('dingtalk', '全文')))[0]?.text).toContain('用法');
  });

  it('「不对」 flags the last answer once, on its own platform only', async () => {
    const { wecom, dingtalk, store } = world();
    await wecom(dm('wecom', '谁负责婚姻登记'));
    expect((await dingtalk(dm('dingtalk', '不对')))[0]?.text).toContain('没有找到可以标记的回答');
    expect((await wecom(dm('wecom', '不对')))[0]?.text).toContain('谢谢指正');
    expect((await wecom(dm('wecom', '不对')))[0]?.text).toContain('没有找到可以标记的回答');
    // Flagging does not forget which clause 全文 shows.
    expect((await wecom(dm('wecom', '全文')))[0]?.text).toContain('规范婚姻登记管理');
    expect(store.summary({}).filter((m) => m.kind === 'flagged')).toHaveLength(1);
  });

  it('forgets the least recently used conversation beyond its limit', () => {
    const memory = createLastReplies(2);
    const reply = { question: 'q', intent: 'responsibility' as const, answers: [], related: [] };
    memory.answered({ platform: 'a', conversationId: '1' }, reply);
    memory.answered({ platform: 'a', conversationId: '2' }, reply);
    memory.get({ platform: 'a', conversationId: '1' });
    memory.showed({ platform: 'a', conversationId: '1' }, 'x');
    memory.answered({ platform: 'a', conversationId: '3' }, reply);
    expect(memory.get({ platform: 'a', conversationId: '2' })).toEqual({});
    expect(memory.get({ platform: 'a', conversationId: '1' }).clauseId).toBe('x');
  });
});
