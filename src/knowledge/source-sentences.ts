// Splits a scraped policy text into the sentences that clauses are proven against.
// The same splitter numbers sentences for `npm run kb -- sentences` and for provenance,
// so changing it renumbers every provenance list: don't, without regenerating them.

// （责任单位：…负责，…配合） （牵头单位：…；配合单位：…） and the bare （…负责） / （…配合）
const ANNOTATION_SOURCE = String.raw`（(?:(?:责任单位|牵头单位)：[^）]*|[^（）：]*?(?:负责|配合))）`;
const ANNOTATION = new RegExp(ANNOTATION_SOURCE, 'g');
// Outline numbering at the start of a heading or clause: 一、 （一） 1. （1）
const MARKER_SOURCE = String.raw`(?:（[一二三四五六七八九十]+）|(?<!\d)\d+\.(?!\d)|（\d+）|[一二三四五六七八九十]+、)`;
const MARKER_ANYWHERE = new RegExp(MARKER_SOURCE, 'g');
// A clause whose number was lost is written （？） in a rendering: a marker at the start, never a boundary.
const LEADING_MARKER = new RegExp(`^(?:${MARKER_SOURCE}|（？）)`);

export function isAnnotation(sentence: string): boolean {
  return new RegExp(`^${ANNOTATION_SOURCE}$`).test(sentence);
}

/** The outline marker a sentence starts with (（1）, 2., （三）, 一、) or ''. */
export function leadingMarker(sentence: string): string {
  return LEADING_MARKER.exec(sentence)?.[0] ?? '';
}

export function stripMarker(sentence: string): string {
  return sentence.replace(LEADING_MARKER, '');
}

/**
 * Sentences in source order, duplicates kept (their numbers are what provenance cites).
 * Boundaries: line breaks, after 。！？；, around a responsibility annotation, and before an
 * outline marker (headings have no final punctuation, so the marker is their only boundary).
 */
export function splitSentences(source: string): string[] {
  const out: string[] = [];
  for (const line of source.split(/\r?\n/)) {
    for (const part of splitKeeping(line, ANNOTATION)) {
      if (isAnnotation(part)) {
        out.push(part);
        continue;
      }
      for (const piece of part.split(/(?<=[。！]|？(?!）))/)) {
        if (piece.trim() === '') continue;
        out.push(...splitBeforeMarkers(piece));
      }
    }
  }
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/** Splits clause text (markers already stripped) into sentences, the unit of faithfulness. */
export function splitClauseText(text: string): string[] {
  return text
    .split(/(?<=[。！]|？(?!）))/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function splitKeeping(text: string, pattern: RegExp): string[] {
  const parts: string[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    parts.push(text.slice(last, m.index), m[0]);
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return parts.filter((p) => p !== '');
}

function splitBeforeMarkers(piece: string): string[] {
  const cuts = [...piece.matchAll(MARKER_ANYWHERE)].map((m) => m.index).filter((i) => i > 0);
  const out: string[] = [];
  let prev = 0;
  for (const cut of cuts) {
    out.push(piece.slice(prev, cut));
    prev = cut;
  }
  out.push(piece.slice(prev));
  return out;
}
