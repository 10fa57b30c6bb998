// The memory behind follow-ups: per conversation and per group member, bounded, forgotten on time.
import { describe, expect, it } from 'vitest';
import { conversationKey, createConversationMemory } from '../../src/chat/conversation-memory.js';

describe('conversation memory', () => {
  it('forgets an entry once its time is up, on the injected clock', () => {
    let now = 0;
    const memory = createConversationMemory<string>({ ttlMs: 1000, now: () => now });
    memory.set('a', 'x');
    now = 999;
    expect(memory.get('a')).toBe('x');
    now = 1000;
    expect(memory.get('a')).toBeUndefined();
    expect(memory.size()).toBe(0);
  });

  it('keeps at most `limit` conversations, forgetting the least recently answered', () => {
    let now = 0;
    const memory = createConversationMemory<number>({ limit: 2, now: () => now });
    memory.set('a', 1);
    now++;
    memory.set('b', 2);
    now++;
    memory.set('a', 3); // a is now the most recent
    now++;
    memory.set('c', 4);
    expect(memory.get('b')).toBeUndefined();
    expect(memory.get('a')).toBe(3);
    expect(memory.get('c')).toBe(4);
    expect(memory.size()).toBe(2);
  });

  it('keys a group by member and a private chat by conversation', () => {
    const base = { platform: 'wechat' as const, conversationId: 'room1', senderId: 'alice' };
    expect(conversationKey({ ...base, isGroup: true })).not.toBe(conversationKey({ ...base, isGroup: true, senderId: 'bob' }));
    expect(conversationKey({ ...base, isGroup: false })).toBe(conversationKey({ ...base, isGroup: false, senderId: 'bob' }));
  });
});
