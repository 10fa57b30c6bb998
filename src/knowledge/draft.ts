// Turns a clean policy text of this genre into a draft in the curated format, with the points
// an administrator must review. The curated format's conventions apply: a heading whose title
// was lost is written as its bare number (（四）), a clause whose number was lost as （？）.
import { parseAnnotation, resolveAnnotation } from './annotation.js';
import { pathSegments } from './outline-path.js';
import { isAnnotation, leadingMarker, splitSentences, stripMarker } from './source-sentences.js';
import type { UnitRegistry } from './unit-registry.js';

export interface DraftSection {
  path: string;
  title: string | null;
}

export interface DraftClause {
  id: string;
  path: string;
  text: string;
  responsibility: string | null;
  lead: string[];
  cooperate: string[];
  provenance: number[];
}

export interface DraftSkipped {
  sentence: number;
  reason: string;
}

export interface Draft {
  sections: DraftSection[];
  clauses: DraftClause[];
  skipped: DraftSkipped[];
  /** Everything a person must look at before the draft goes live; empty for a clean document. */
  review: string[];
}

export interface DraftOptions {
  registry: UnitRegistry;
  /** Prepended to every clause id so ids stay unique across documents (e.g. "yx-"). */
  idPrefix?: string;
}

interface Node {
  path: string;
  depth: number;
  sentences: number[]; // indices into the source sentences, marker sentence first
  annotation: number | null;
  hasChildren: boolean;
}

const LEVELS: Array<[RegExp, number]> = [
  [/^[一二三四五六七八九十]+、$/, 1],
  [/^（[一二三四五六七八九十]+）$/, 2],
  [/^\d+\.$/, 3],
  [/^（(?:\d+|？)）$/, 4],
];
const LOST_NUMBER = /^（？）/;

export function draftDocument(text: string, options: DraftOptions): Draft {
  const sentences = splitSentences(text);
  const review: string[] = [];
  const skipped: DraftSkipped[] = [];
  const nodes: Node[] = [];
  const seen = new Map<string, number>();
  const stack: Array<{ node: Node; segment: string }> = [];
  let current: Node | null = null;

  sentences.forEach((raw, i) => {
    // A repeated sentence may come back with or without its number.
    // A bare number (a heading whose title is lost) is never a duplicate.
    const key = isAnnotation(raw) || stripLeading(raw) === '' ? raw : stripLeading(raw);
    const first = seen.get(key);
    // Two clauses may carry the same annotation text; only a repeated sentence is a duplicate.
    if (first !== undefined && !(isAnnotation(raw) && current?.annotation === null)) {
      skipped.push({ sentence: i, reason: `重复句（与第 ${first} 句相同）` });
      review.push(`sentence ${i} repeats sentence ${first} and was removed`);
      return;
    }
    seen.set(key, i);
    if (isAnnotation(raw)) {
      if (!current) {
        skipped.push({ sentence: i, reason: '标注前没有条目' });
        review.push(`annotation ${i} 「${raw}」 follows no clause`);
      } else if (current.annotation !== null) {
        skipped.push({ sentence: i, reason: '同一条目已有标注' });
        review.push(`annotation ${i} 「${raw}」 follows a clause (${current.path}) that already has one`);
      } else {
        current.annotation = i;
      }
      return;
    }
    const marker = markerOf(raw);
    const depth = marker ? LEVELS.find(([re]) => re.test(marker))?.[1] : undefined;
    if (!marker || depth === undefined) {
      if (current) current.sentences.push(i);
      else skipped.push({ sentence: i, reason: '正文前的标题、文号或序言' });
      return;
    }
    while (stack.length > 0 && (stack.at(-1)?.node.depth ?? 0) >= depth) stack.pop();
    const parent = stack.at(-1)?.node;
    if (parent) parent.hasChildren = true;
    const path = [...stack.map((s) => s.segment), segmentOf(marker)].join('');
    current = { path, depth, sentences: [i], annotation: null, hasChildren: false };
    stack.push({ node: current, segment: segmentOf(marker) });
    nodes.push(current);
  });

  const sections: DraftSection[] = [];
  const clauses: DraftClause[] = [];
  const seenPaths = new Set<string>();
  for (const node of nodes) {
    const [head, ...rest] = node.sentences.map((i) => sentences[i] as string);
    const headText = stripLeading(head ?? '');
    if (seenPaths.has(node.path)) review.push(`path ${node.path} appears twice`);
    seenPaths.add(node.path);
    if (node.hasChildren) {
      sections.push({ path: node.path, title: headText === '' ? null : headText.replace(/。$/, '') });
      // A heading whose title is lost is its bare number: nothing of it goes into a clause.
      if (headText === '') skipped.push({ sentence: node.sentences[0] as number, reason: '标题缺失，只有编号' });
      if (rest.length > 0) review.push(`heading ${node.path} has text of its own before its sub-items; check it`);
      if (node.annotation === null) continue;
    }
    if (!node.hasChildren && headText === '' && rest.length === 0) {
      review.push(`clause ${node.path} has a number but no text`);
      continue;
    }
    const body = [headText, ...rest].join('');
    const clause = buildClause(node, body, sentences, options, review);
    clauses.push(clause);
  }
  return { sections, clauses, skipped, review };
}

function buildClause(node: Node, body: string, sentences: string[], options: DraftOptions, review: string[]): DraftClause {
  const id = (options.idPrefix ?? '') + idFromPath(node.path);
  const provenance = [...node.sentences];
  let lead: string[] = [];
  let cooperate: string[] = [];
  let responsibility: string | null = null;
  if (node.annotation !== null) {
    responsibility = sentences[node.annotation] as string;
    provenance.push(node.annotation);
    const resolved = resolveAnnotation(responsibility, options.registry);
    if (!resolved || !parseAnnotation(responsibility, options.registry)) {
      review.push(`${id} (${node.path}): annotation 「${responsibility}」 could not be read`);
    } else {
      lead = resolved.lead;
      cooperate = resolved.cooperate;
      for (const u of resolved.unknown) review.push(`${id} (${node.path}): unknown unit 「${u}」 — add it to units.yaml`);
    }
  }
  if (LOST_NUMBER.test(sentences[node.sentences[0] as number] ?? '')) {
    review.push(`${id} (${node.path}): the clause number is lost; check where it belongs`);
  }
  return { id, path: node.path, text: body, responsibility, lead, cooperate, provenance };
}

function markerOf(sentence: string): string {
  return LOST_NUMBER.exec(sentence)?.[0] ?? leadingMarker(sentence);
}

function stripLeading(sentence: string): string {
  return LOST_NUMBER.test(sentence) ? sentence.replace(LOST_NUMBER, '') : stripMarker(sentence);
}

/** 一、 → 一, （一） → （一）, 3. → 3, （1） → （1）: the segment as written in a path. */
function segmentOf(marker: string): string {
  return marker.replace(/[、.]$/, '');
}

/** 二（一）3（1） → p2-1-3-1; a lost number becomes x. */
export function idFromPath(path: string): string {
  const digits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
  const num = (s: string) => {
    const inner = s.replace(/[（）]/g, '');
    if (inner === '？') return 'x';
    if (/^\d+$/.test(inner)) return inner;
    if (inner.length === 1) return String(digits[inner] ?? inner);
    // 十一 … 十九 and 二十 … in long documents
    const [a, b] = [...inner];
    if (a === '十') return String(10 + (digits[b ?? ''] ?? 0));
    return String((digits[a ?? ''] ?? 0) * 10 + (b === '十' ? 0 : digits[b ?? ''] ?? 0));
  };
  return 'p' + pathSegments(path).map(num).join('-');
}
