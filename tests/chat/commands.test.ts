import { describe, expect, it } from 'vitest';
import { BUILTIN_COMMANDS, looksLikeSlashCommand, parseCommand } from '../../src/chat/commands.js';

const specs = [...BUILTIN_COMMANDS, { name: 'quiz', aliases: ['出题'] }];

describe('parseCommand', () => {
  it('parses slash commands and Chinese aliases with arguments', () => {
    expect(parseCommand('/help', specs)).toEqual({ name: 'help', invokedAs: '/help', args: '' });
    expect(parseCommand('帮助', specs)).toMatchObject({ name: 'help' });
    expect(parseCommand('/full p2-3-1', specs)).toEqual({ name: 'full', invokedAs: '/full', args: 'p2-3-1' });
    expect(parseCommand('全文 二（三）1', specs)).toMatchObject({ name: 'full', args: '二（三）1' });
    expect(parseCommand('全文', specs)).toMatchObject({ name: 'full', args: '' });
    expect(parseCommand('/QUIZ start 5', specs)).toMatchObject({ name: 'quiz', args: 'start 5' });
  });

  it('accepts a Chinese alias glued to an id-like argument', () => {
    expect(parseCommand('全文p2-3-1', specs)).toMatchObject({ name: 'full', args: 'p2-3-1' });
    expect(parseCommand('出题5', specs)).toMatchObject({ name: 'quiz', args: '5' });
  });

  it('does not mistake questions that start with an alias for commands', () => {
    expect(parseCommand('帮助被拐妇女的工作谁负责', specs)).toBeUndefined();
    expect(parseCommand('全文一共有多少条', specs)).toBeUndefined();
    expect(parseCommand('/fullness', specs)).toBeUndefined();
    expect(parseCommand('谁负责婚姻登记', specs)).toBeUndefined();
  });

  it('recognises unknown slash commands', () => {
    expect(looksLikeSlashCommand('/foo bar')).toBe(true);
    expect(looksLikeSlashCommand('/ 谁负责')).toBe(false);
    expect(looksLikeSlashCommand('谁负责')).toBe(false);
  });
});
