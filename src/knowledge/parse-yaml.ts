// YAML text → plain data, in time linear in its length and with every failure one readable line.
// The `yaml` parser checks duplicate keys by comparing each new key with every earlier one (a
// 40,000-key mapping took half a minute), so that check is done here with a set instead; aliases
// are capped (an alias bomb expands exponentially) and so is nesting (the schemas need little).
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

export type YamlOutcome = { ok: true; data: unknown } | { ok: false; problems: string[] };

export interface YamlLimits {
  maxAliases: number;
  maxDepth: number;
}

/** At most this many YAML errors are listed per file; the first ones are the useful ones. */
const MAX_ERRORS = 5;

export function parseYaml(text: string, limits: YamlLimits): YamlOutcome {
  const lines = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { uniqueKeys: false, lineCounter: lines, prettyErrors: false });
  } catch (error) {
    return { ok: false, problems: [`cannot be read as YAML: ${firstLine(error)}`] };
  }
  if (doc.errors.length > 0) {
    const problems = doc.errors.slice(0, MAX_ERRORS).map((e) => {
      const at = lines.linePos(e.pos[0]);
      const message = firstLine(e.message).replace(/ at line \d+, column \d+:?.*$/, '');
      return `YAML error at line ${at.line}, column ${at.col}: ${message}`;
    });
    if (doc.errors.length > MAX_ERRORS) problems.push(`… and ${doc.errors.length - MAX_ERRORS} more YAML errors`);
    return { ok: false, problems };
  }
  const shape = checkShape(doc.contents, limits.maxDepth, lines);
  if (shape) return { ok: false, problems: [shape] };
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: limits.maxAliases }) };
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      return { ok: false, problems: [`uses YAML aliases too many times (more than ${limits.maxAliases}); write the values out`] };
    }
    return { ok: false, problems: [`cannot be read as YAML: ${firstLine(error)}`] };
  }
}

/** Walks the tree without recursion: the first duplicate key or too-deep nesting, or null. */
function checkShape(root: unknown, maxDepth: number, lines: LineCounter): string | null {
  const at = (node: unknown) => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? ` at line ${lines.linePos(range[0]).line}` : '';
  };
  const stack: Array<{ node: unknown; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (isMap(node) || isSeq(node)) {
      if (depth + 1 > maxDepth) return `is nested more than ${maxDepth} levels deep${at(node)}`;
      const keys = new Set<string>();
      for (const item of node.items) {
        if (isPair(item)) {
          if (isMap(node)) {
            // Only plain keys are compared; the schemas allow no other kind anyway.
            const key = isScalar(item.key) ? String(item.key.value) : isAlias(item.key) ? `*${item.key.source}` : null;
            if (key !== null && keys.has(key)) return `duplicate key 「${key.slice(0, 40)}」${at(item.key)}`;
            if (key !== null) keys.add(key);
          }
          stack.push({ node: item.key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
        } else stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return null;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').slice(0, 160);
}
