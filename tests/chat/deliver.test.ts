import { describe, expect, it } from 'vitest';
import { deliver } from '../../src/chat/deliver.js';
import { createPacer } from '../../src/chat/pacer.js';

describe('deliver', () => {
  it('splits each outgoing message under the limit and sends the chunks in order', async () => {
    const sent: string[] = [];
    const long = Array.from({ length: 40 }, (_, i) => `第${i}条`).join('\n');
    await deliver(
      [
        { kind: 'answer', text: long },
        { kind: 'help', text: 'short' },
      ],
      { conversationId: 'c', limit: 60, pacer: createPacer(0), send: async (t) => sent.push(t) },
    );
    expect(sent.length).toBeGreaterThan(3);
    expect(sent.at(-1)).toBe('short');
    for (const s of sent) expect(s.length).toBeLessThanOrEqual(60);
  });
});
