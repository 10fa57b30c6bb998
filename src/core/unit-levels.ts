// The same office at another level: 省民政厅 and 县民政局 are both 民政. Staff say 「县里民政局」
// and mean the county's, though the alias 民政局 belongs to the province's unit.
import type { Unit } from '../knowledge/types.js';

/** 省 / 市 / 县 for a unit named with its level (省公安厅, 团县委), else undefined. */
export function unitLevel(name: string): string | undefined {
  const m = /^(?:团)?([省市县])/u.exec(name);
  return m?.[1];
}

/**
 * What is left of a name without its level and its kind of office: 省公安厅 / 县公安局 → 公安,
 * 团省委 / 团县委 → 团. Two units with the same stem at different levels are the same office.
 */
export function unitStem(name: string): string {
  const level = unitLevel(name);
  if (!level) return name;
  const without = name.replace(level, '');
  return without.length > 1 ? without.replace(/[厅局委]$/u, '') : without;
}

export interface UnitLevels {
  /** The unit's counterpart at `level`, or the unit itself when there is none. */
  at(unit: string, level: string): string;
}

export function createUnitLevels(units: readonly Unit[]): UnitLevels {
  const byStemAndLevel = new Map<string, string>();
  for (const u of units) {
    const level = unitLevel(u.name);
    if (level) byStemAndLevel.set(`${unitStem(u.name)}|${level}`, u.name);
  }
  return {
    at(unit, level) {
      if (unitLevel(unit) === level) return unit;
      return byStemAndLevel.get(`${unitStem(unit)}|${level}`) ?? unit;
    },
  };
}
