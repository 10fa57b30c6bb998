import { describe, expect, it } from 'vitest';
import { parseAnnotation, resolveAnnotation } from '../../src/knowledge/annotation.js';
import { createUnitRegistry } from '../../src/knowledge/unit-registry.js';
import { loadUnits } from './helpers.js';

const registry = createUnitRegistry(loadUnits());

describe('parseAnnotation', () => {
  it('splits 负责 from 配合 and carries the 省 prefix through both lists', () => {
    expect(parseAnnotation('（责任单位：省人社厅、公安厅、残联负责，省市场监管局、广电局、总工会、妇联配合）', registry)).toEqual({
      lead: ['省人社厅', '省公安厅', '省残联'],
      cooperate: ['省市场监管局', '省广电局', '省总工会', '省妇联'],
    });
  });

  it('carries the prefix across the 负责/配合 boundary (省司法厅负责，民政厅配合)', () => {
    expect(parseAnnotation('（责任单位：省司法厅负责，民政厅配合）', registry)).toEqual({
      lead: ['省司法厅'],
      cooperate: ['省民政厅'],
    });
  });

  it('carries 省委 to the units that follow it until another prefix appears', () => {
    const parsed = parseAnnotation('（责任单位：省委宣传部、政法委、网信办，省人大常委会法工委、教育厅负责）', registry);
    expect(parsed?.lead).toEqual(['省委宣传部', '省委政法委', '省委网信办', '省人大常委会法工委', '省教育厅']);
  });

  it('does not read 市场监管局 as a 市-level unit after a 省委 unit', () => {
    const parsed = parseAnnotation('（责任单位：省公安厅负责，省委网信办、省市场监管局、通信管理局配合）', registry);
    expect(parsed?.cooperate).toEqual(['省委网信办', '省市场监管局', '省通信管理局']);
    const afterShort = parseAnnotation('（责任单位：省公安厅、文旅厅负责，省人社厅、市场监管局、妇联配合）', registry);
    expect(afterShort?.cooperate).toEqual(['省人社厅', '省市场监管局', '省妇联']);
  });

  it('keeps names that carry no prefix of their own (团省委, 民航福建监管局)', () => {
    const parsed = parseAnnotation('（责任单位：省民政厅、团省委、妇联负责，民航福建监管局配合）', registry);
    expect(parsed).toEqual({ lead: ['省民政厅', '团省委', '省妇联'], cooperate: ['民航福建监管局'] });
  });

  it('reads the other annotation forms of the genre', () => {
    expect(parseAnnotation('（省教育厅、公安厅负责）', registry)).toEqual({ lead: ['省教育厅', '省公安厅'], cooperate: [] });
    expect(parseAnnotation('（牵头单位：省民政厅；配合单位：省公安厅、妇联）', registry)).toEqual({
      lead: ['省民政厅'],
      cooperate: ['省公安厅', '省妇联'],
    });
  });

  it('returns null for text that is not an annotation', () => {
    expect(parseAnnotation('（此件主动公开）', registry)).toBeNull();
  });
});

describe('resolveAnnotation', () => {
  it('resolves both spellings of the joint meeting to one unit', () => {
    const a = resolveAnnotation('（责任单位：省反拐联席会议各成员单位负责）', registry);
    const b = resolveAnnotation('（责任单位：省反拐工作联席会议各成员单位负责）', registry);
    expect(a?.lead).toEqual(['省反拐工作联席会议各成员单位']);
    expect(b?.lead).toEqual(a?.lead);
    expect(a?.unknown).toEqual([]);
  });

  it('reports a unit the registry does not know', () => {
    const r = resolveAnnotation('（责任单位：省卫建委负责，省公安厅配合）', registry);
    expect(r?.unknown).toEqual(['省卫建委']);
    expect(r?.cooperate).toEqual(['省公安厅']);
  });
});
