// Resolves the names staff and documents use for a unit to its one canonical name.
import type { Unit } from './types.js';

export interface UnitRegistry {
  units: readonly Unit[];
  /** Canonical name for a canonical name, full name or alias; undefined when unknown. */
  resolve(name: string): string | undefined;
  /** Every (term, canonical) pair, longest term first — for finding units inside free text. */
  terms(): ReadonlyArray<readonly [string, string]>;
}

export function createUnitRegistry(units: readonly Unit[]): UnitRegistry {
  const byTerm = new Map<string, string>();
  for (const unit of units) {
    for (const term of [unit.name, unit.fullName, ...unit.aliases]) {
      if (term) byTerm.set(term, unit.name);
    }
  }
  const sortedTerms = [...byTerm.entries()].sort((a, b) => b[0].length - a[0].length);
  return {
    units,
    resolve: (name) => byTerm.get(name.trim()),
    terms: () => sortedTerms,
  };
}

/** Terms claimed by more than one unit: an alias must point to exactly one unit. */
export function conflictingTerms(units: readonly Unit[]): Array<{ term: string; units: string[] }> {
  const owners = new Map<string, Set<string>>();
  for (const unit of units) {
    for (const term of [unit.name, unit.fullName, ...unit.aliases]) {
      if (!term) continue;
      const set = owners.get(term) ?? new Set<string>();
      set.add(unit.name);
      owners.set(term, set);
    }
  }
  return [...owners.entries()]
    .filter(([, set]) => set.size > 1)
    .map(([term, set]) => ({ term, units: [...set] }));
}
