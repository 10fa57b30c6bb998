import { describe, expect, it } from 'vitest';
import { toSlackMessages } from '../../../adapters/slack/to-slack-messages.js';
import { MARRIAGE } from '../../chat/fake-assistant.js';
import { blockText } from './harness.js';

describe('toSlackMessages', () => {
  it('sends plain chat-layer texts (help, hints, errors) escaped, without blocks', () => {
    expect(toSlackMessages([{ kind: 'rejected', text: '没有 /foo 这个命令。<help> & more' }])).toEqual([
      { text: '没有 /foo 这个命令。&lt;help&gt; &amp; more' },
    ]);
  });

  it('splits a long plain text into several messages under the section limit', () => {
    const long = Array.from({ length: 300 }, (_, i) => `第${i}行：省民政厅负责。`).join('\n');
    const messages = toSlackMessages([{ kind: 'help', text: long }]);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.text.length).toBeLessThanOrEqual(3000);
    expect(messages.at(-1)!.text).toContain('第299行');
  });

  it('lays out a full clause (全文) as blocks holding the whole text', () => {
    const text = '条款'.repeat(2500) + '结尾。';
    const [message] = toSlackMessages([{ kind: 'full', text: 'plain', clause: { ...MARRIAGE, text } }]);
    const shown = blockText(message!.blocks);
    expect(shown.replace(/\n/g, '')).toContain(text);
    expect(message!.text).toBe('plain');
  });
});
