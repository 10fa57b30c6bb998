import { describe, expect, it } from 'vitest';
import { compactText, normaliseText } from '../../src/core/normalise.js';
import { toSimplified } from '../../src/core/traditional.js';

describe('normaliseText', () => {
  it('folds full-width latin, digits and brackets to half-width and lower-cases latin', () => {
    expect(normaliseText('ＫＴＶ陪酒１６岁（一）')).toBe('ktv陪酒16岁(一)');
  });

  it('turns traditional characters into simplified ones', () => {
    expect(normaliseText('歌廳陪侍由誰負責')).toBe('歌厅陪侍由谁负责');
    expect(toSimplified('婚姻登記與網絡兒童')).toBe('婚姻登记与网络儿童');
  });

  it('drops spaces inside Chinese text but keeps them between latin words', () => {
    expect(normaliseText('  婚 姻  登 记 谁 负 责 ')).toBe('婚姻登记谁负责');
    expect(normaliseText('hello  world 反拐')).toBe('hello world反拐');
  });

  it('compactText also drops punctuation of either width', () => {
    expect(compactText('“规范婚姻登记管理”，这条？')).toBe('规范婚姻登记管理这条');
  });
});
