// Parses a responsibility annotation into lead (负责) and cooperating (配合) unit names.
//
// Forms seen in this genre of document:
//   （责任单位：省人社厅、公安厅、残联负责，省市场监管局、广电局配合）
//   （省教育厅、公安厅负责）
//   （牵头单位：省民政厅；配合单位：省公安厅）
// In a list the administrative prefix carries over: 「省委宣传部、政法委」 is 省委宣传部 and
// 省委政法委; 「省司法厅负责，民政厅配合」 has 省民政厅 cooperating.
import type { UnitRegistry } from './unit-registry.js';

export interface ParsedAnnotation {
  /** Names as written, with the carried-over prefix applied. */
  lead: string[];
  cooperate: string[];
}

export interface ResolvedAnnotation {
  lead: string[];
  cooperate: string[];
  /** Names the registry does not know. */
  unknown: string[];
}

const PREFIXES = ['省委', '市委', '县委', '区委', '省', '市', '县', '区'] as const;

export function parseAnnotation(annotation: string, registry?: UnitRegistry): ParsedAnnotation | null {
  const body = annotation
    .trim()
    .replace(/^[（(]/, '')
    .replace(/[）)]$/, '')
    .replace(/^责任单位[：:]/, '');
  let leadPart: string;
  let coopPart = '';
  const split = /^牵头单位[：:](.*?)(?:[；;，,]配合单位[：:](.*))?$/.exec(body);
  if (split) {
    leadPart = split[1] ?? '';
    coopPart = split[2] ?? '';
  } else {
    const m = /^(.*?)负责(?:[，,；;](.*?)配合)?$/.exec(body);
    if (!m) return null;
    leadPart = m[1] ?? '';
    coopPart = m[2] ?? '';
  }
  // One pass over both lists so the prefix carries across the 负责/配合 boundary.
  const leadItems = listItems(leadPart);
  const all = expandPrefixes([...leadItems, ...listItems(coopPart)], registry);
  return { lead: all.slice(0, leadItems.length), cooperate: all.slice(leadItems.length) };
}

export function resolveAnnotation(annotation: string, registry: UnitRegistry): ResolvedAnnotation | null {
  const parsed = parseAnnotation(annotation, registry);
  if (!parsed) return null;
  const unknown: string[] = [];
  const resolve = (names: string[]) =>
    names.map((n) => {
      const canonical = registry.resolve(n);
      if (!canonical) unknown.push(n);
      return canonical ?? n;
    });
  return { lead: resolve(parsed.lead), cooperate: resolve(parsed.cooperate), unknown };
}

function listItems(list: string): string[] {
  return list
    .split(/[、，,；;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function expandPrefixes(items: string[], registry?: UnitRegistry): string[] {
  let prefix = '';
  return items.map((item) => {
    // 「省人社厅、市场监管局」: 市场监管局 is 省市场监管局, not a 市 unit — ask the registry first.
    if (prefix && registry?.resolve(prefix + item)) return prefix + item;
    const own = PREFIXES.find((p) => item.startsWith(p) && !item.startsWith('市场'));
    if (own) {
      prefix = own;
      return item;
    }
    // A name the registry knows as written (团省委, 民航福建监管局) takes no prefix.
    if (registry?.resolve(item) === item) return item;
    return prefix + item;
  });
}
