import { describe, expect, it } from 'vitest';
import { cleanInput, MAX_QUESTION_CHARS } from '../../src/chat/sanitize.js';

describe('cleanInput', () => {
  it('removes control and zero-width characters and folds whitespace', () => {
    expect(cleanInput('\u0000谁\u200b负责\t\n婚姻\u0007登记\u3000 ')).toEqual({ ok: true, text: '谁负责 婚姻登记' });
  });

  it('classifies bad input', () => {
    expect(cleanInput('')).toEqual({ ok: false, problem: 'empty' });
    expect(cleanInput('\u0001\u0002 \n')).toEqual({ ok: false, problem: 'empty' });
    expect(cleanInput('😀😀🎉')).toEqual({ ok: false, problem: 'no-words' });
    expect(cleanInput('？！…')).toEqual({ ok: false, problem: 'no-words' });
    expect(cleanInput('问'.repeat(MAX_QUESTION_CHARS + 1))).toEqual({ ok: false, problem: 'too-long' });
    expect(cleanInput('x'.repeat(100 * 1024))).toEqual({ ok: false, problem: 'too-long' });
  });
});
