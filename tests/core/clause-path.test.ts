import { describe, expect, it } from 'vitest';
import { findPath, pathCovers, pathKey } from '../../src/core/clause-path.js';

describe('findPath', () => {
  it.each([
    ['二（一）3（1）', '二(一)3(1)'],
    ['二(一)3(1)是什么', '二(一)3(1)'],
    ['二、(一)3.(1)', '二(一)3(1)'],
    ['查一下 二 (三) 2 (1)', '二(三)2(1)'],
    ['第二部分（五）2讲的什么', '二(五)2'],
    ['一（二）', '一(二)'],
  ])('reads %s', (q, key) => {
    expect(findPath(q)).toBe(key);
  });

  it('does not take ordinary numbers for a clause number', () => {
    expect(findPath('避免二次伤害谁负责')).toBeNull();
    expect(findPath('16岁以上的受害人')).toBeNull();
  });

  it('matches the knowledge base spelling and covers sub-clauses only at a boundary', () => {
    expect(pathKey('二（一）3（1）')).toBe('二(一)3(1)');
    expect(pathCovers('二(一)3', '二(一)3(1)')).toBe(true);
    expect(pathCovers('二(一)1', '二(一)10')).toBe(false);
  });
});
