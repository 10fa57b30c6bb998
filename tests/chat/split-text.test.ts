import { describe, expect, it } from 'vitest';
import { splitText, WECHAT_TEXT_LIMIT } from '../../src/chat/split-text.js';

describe('splitText', () => {
  it('leaves short text whole and drops empty text', () => {
    expect(splitText('负责：省民政厅\n配合：省公安厅', 2000)).toEqual(['负责：省民政厅\n配合：省公安厅']);
    expect(splitText('  \n', 2000)).toEqual([]);
  });

  it('splits at line boundaries under the limit and numbers the parts', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `第${i}行：省民政厅负责，省公安厅配合。`);
    const parts = splitText(lines.join('\n'), WECHAT_TEXT_LIMIT);
    expect(parts.length).toBeGreaterThan(1);
    for (const [i, part] of parts.entries()) {
      expect(part.length).toBeLessThanOrEqual(WECHAT_TEXT_LIMIT);
      expect(part.startsWith(`(${i + 1}/${parts.length})\n`)).toBe(true);
    }
    // Every line arrives whole, in order.
    const rejoined = parts.map((p) => p.replace(/^\(\d+\/\d+\)\n/, '')).join('\n');
    expect(rejoined).toBe(lines.join('\n'));
  });

  it('cuts an overlong line after a sentence end, never inside a surrogate pair', () => {
    const line = '句子。'.repeat(100);
    const parts = splitText(line, 50);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(50);
    expect(parts.map((p) => p.replace(/^\(\d+\/\d+\)\n/, '')).join('')).toBe(line);

    const emoji = '😀'.repeat(60);
    const cut = splitText(emoji, 51).map((p) => p.replace(/^\(\d+\/\d+\)\n/, ''));
    expect(cut.join('')).toBe(emoji);
    for (const p of cut) expect(p).not.toMatch(/[\ud800-\udbff]$/);
  });
});
