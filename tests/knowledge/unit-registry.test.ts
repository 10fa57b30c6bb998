import { describe, expect, it } from 'vitest';
import { conflictingTerms, createUnitRegistry } from '../../src/knowledge/unit-registry.js';
import { loadUnits } from './helpers.js';

const units = loadUnits();
const registry = createUnitRegistry(units);

describe('unit registry', () => {
  it.each([
    ['民政厅', '省民政厅'],
    ['民政', '省民政厅'],
    ['省民政厅', '省民政厅'],
    ['网信办', '省委网信办'],
    ['团委', '团省委'],
    ['共青团', '团省委'],
    ['公安', '省公安厅'],
    ['公安厅', '省公安厅'],
    ['警方', '省公安厅'],
    ['法院', '省法院'],
    ['妇联', '省妇联'],
    ['福建省卫生健康委员会', '省卫健委'],
    ['省反拐联席会议各成员单位', '省反拐工作联席会议各成员单位'],
  ])('resolves %s to %s', (alias, canonical) => {
    expect(registry.resolve(alias)).toBe(canonical);
  });

  it('does not resolve a misspelled unit', () => {
    expect(registry.resolve('省卫建委')).toBeUndefined();
  });

  it('lists every member unit of the joint meeting named in 一（二）', () => {
    const members =
      '省委宣传部 省委政法委 省委网信办 省人大常委会法工委 省发改委 省教育厅 省民族宗教厅 省公安厅 省民政厅 省司法厅 省财政厅 省人社厅 省住建厅 省交通运输厅 省农业农村厅 省商务厅 省文旅厅 省卫健委 省外办 省市场监管局 省广电局 省信访局 省法院 省检察院 省总工会 团省委 省妇联 省残联 省关工委 省妇儿工委办公室 省通信管理局 民航福建监管局 中国铁路南昌局集团有限公司'.split(
        ' ',
      );
    for (const m of members) expect(registry.resolve(m), m).toBe(m);
  });

  it('gives every alias to one unit only', () => {
    expect(conflictingTerms(units)).toEqual([]);
    expect(conflictingTerms([...units, { name: '省公安局', aliases: ['公安'] }])).toEqual([
      { term: '公安', units: ['省公安厅', '省公安局'] },
    ]);
  });
});
