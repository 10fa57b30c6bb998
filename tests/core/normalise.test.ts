import { describe, expect, it } from 'vitest';
import { compactText, normaliseText } from '../../src/core/normalise.js';
import { readFileSync } from 'node:fs';
import { toSimplified, traditionalCharsFile, traditionalFirstChars } from '../../src/core/traditional.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { knowledgeDir } from '../../src/knowledge/paths.js';

describe('normaliseText', () => {
  it('folds full-width latin, digits and brackets to half-width and lower-cases latin', () => {
    expect(normaliseText('ＫＴＶ陪酒１６岁（一）')).toBe('ktv陪酒16岁(一)');
  });

  it('turns traditional characters into simplified ones (OpenCC t2s)', () => {
    expect(normaliseText('歌廳陪侍由誰負責')).toBe('歌厅陪侍由谁负责');
    expect(toSimplified('婚姻登記與網絡兒童')).toBe('婚姻登记与网络儿童');
    // Beyond the old hand-written table.
    expect(toSimplified('懸賞撥打舉報電話，週末註冊')).toBe('悬赏拨打举报电话，周末注册');
    // By phrase where a character has two simplified forms.
    expect(toSimplified('頭髮乾淨，發現問題')).toBe('头发干净，发现问题');
  });

  it('leaves simplified text alone, the knowledge included', () => {
    for (const text of ['成效显著的部门', '什么人负责', '皇后', '只有', '干部']) expect(toSimplified(text)).toBe(text);
    for (const clause of loadKnowledgeBase(knowledgeDir()).clauses) expect(toSimplified(clause.text)).toBe(clause.text);
  });

  it('builds the characters that call for OpenCC into dist/ as computed from its dictionaries', () => {
    expect(readFileSync(traditionalCharsFile(), 'utf8')).toBe(traditionalFirstChars());
  });

  it('drops spaces inside Chinese text but keeps them between latin words', () => {
    expect(normaliseText('  婚 姻  登 记 谁 负 责 ')).toBe('婚姻登记谁负责');
    expect(normaliseText('hello  world 反拐')).toBe('hello world反拐');
  });

  it('compactText also drops punctuation of either width', () => {
    expect(compactText('“规范婚姻登记管理”，这条？')).toBe('规范婚姻登记管理这条');
  });
});
