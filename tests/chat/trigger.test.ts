import { describe, expect, it } from 'vitest';
import { decideTrigger, shouldAnswer, stripMentions, stripPrefix } from '../../src/chat/trigger.js';
import type { IncomingMessage } from '../../src/chat/types.js';

const rules = { prefixes: ['反拐', '/fanguai'] };

function msg(over: Partial<IncomingMessage>): IncomingMessage {
  return {
    platform: 'wechat',
    conversationId: 'room1',
    conversationName: '反拐工作群',
    isGroup: true,
    senderId: 'alice',
    text: '',
    mentioned: false,
    fromSelf: false,
    ...over,
  };
}

describe('decideTrigger', () => {
  it('answers a group message only when mentioned or prefixed', () => {
    expect(shouldAnswer(msg({ text: '谁负责婚姻登记' }), rules)).toBe(false);
    expect(decideTrigger(msg({ text: '@助手\u2005谁负责婚姻登记', mentioned: true, mentionTokens: ['@助手'] }), rules)).toEqual({
      answer: true,
      text: '谁负责婚姻登记',
      via: 'mention',
    });
    expect(decideTrigger(msg({ text: '反拐 谁负责婚姻登记' }), rules)).toMatchObject({ answer: true, text: '谁负责婚姻登记', via: 'prefix' });
    expect(decideTrigger(msg({ text: '/fanguai 谁负责婚姻登记' }), rules)).toMatchObject({ text: '谁负责婚姻登记', via: 'prefix' });
  });

  it('always answers in private, never its own messages', () => {
    expect(decideTrigger(msg({ isGroup: false, text: '谁负责婚姻登记' }), rules)).toMatchObject({ answer: true, via: 'private' });
    expect(decideTrigger(msg({ isGroup: false, text: 'x', fromSelf: true }), rules)).toEqual({ answer: false, reason: 'self' });
    expect(decideTrigger(msg({ text: 'x', mentioned: true, fromSelf: true }), rules)).toEqual({ answer: false, reason: 'self' });
  });

  it('applies the group allowlist, by conversation id, to groups only', () => {
    const allow = { ...rules, groupAllowlist: ['train@chatroom'] };
    expect(decideTrigger(msg({ text: 'x', mentioned: true }), allow)).toEqual({ answer: false, reason: 'not-allowed' });
    expect(shouldAnswer(msg({ text: 'x', mentioned: true, conversationId: 'train@chatroom' }), allow)).toBe(true);
    // A group merely named like an allowed entry is not it.
    expect(shouldAnswer(msg({ text: 'x', mentioned: true, conversationId: 'other@chatroom', conversationName: 'train@chatroom' }), allow)).toBe(false);
    expect(shouldAnswer(msg({ text: 'x', isGroup: false, conversationName: undefined }), allow)).toBe(true);
  });
});

describe('stripMentions / stripPrefix', () => {
  it('removes WeChat and Slack mention tokens anywhere', () => {
    expect(stripMentions('@反拐助手\u2005谁负责', ['@反拐助手'])).toBe('谁负责');
    expect(stripMentions('<@U123> 谁负责', ['<@U123>'])).toBe('谁负责');
    expect(stripMentions('请问 @助手 谁负责', ['@助手'])).toBe('请问   谁负责');
  });

  it('keeps a question that merely starts with the prefix word', () => {
    expect(stripPrefix('反拐工作联席会议由哪些单位组成', ['反拐'])).toBe('反拐工作联席会议由哪些单位组成');
    expect(stripPrefix('反拐：谁负责', ['反拐'])).toBe('谁负责');
    expect(stripPrefix('反拐', ['反拐'])).toBe('');
  });

  it('requires a word boundary after a slash prefix, case-insensitively', () => {
    expect(stripPrefix('/fanguaix 谁', ['/fanguai'])).toBeUndefined();
    expect(stripPrefix('/FanGuai 谁', ['/fanguai'])).toBe('谁');
    expect(stripPrefix('随便说说', ['/fanguai', '反拐'])).toBeUndefined();
  });
});
