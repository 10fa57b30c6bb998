// The question set and how the assistant is scored on it (`npm run eval`).
//
// *.jsonl, one object a line (lines starting with # are comments):
//   {"question", "lead": [...], "cooperate": [...]}   who-is-responsible: top answer's units
//   {"question", "unit": "省民政厅", "ids": [...]}     unit duties: every listed clause returned
//   {"question", "id": "p1-2"}                         clause number / quote / organisation
// *.txt, one out-of-scope question a line: must be refused (answers []).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Assistant } from './assistant.js';

export interface ResponsibilityCase { kind: 'responsibility'; question: string; lead: string[]; cooperate: string[]; file: string }
export interface UnitCase { kind: 'unit'; question: string; unit: string; ids: string[]; file: string }
export interface LookupCase { kind: 'lookup'; question: string; id: string; file: string }
export interface RefusalCase { kind: 'refusal'; question: string; file: string }
export type EvalCase = ResponsibilityCase | UnitCase | LookupCase | RefusalCase;

export function loadEvalSet(dir: string): EvalCase[] {
  const cases: EvalCase[] = [];
  for (const file of readdirSync(dir).sort()) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n').map((l) => l.trim());
    const content = lines.filter((l) => l && !l.startsWith('#'));
    if (file.endsWith('.txt')) {
      for (const question of content) cases.push({ kind: 'refusal', question, file });
    } else if (file.endsWith('.jsonl')) {
      for (const line of content) {
        const o = JSON.parse(line) as Record<string, unknown>;
        const question = String(o.question);
        if (typeof o.unit === 'string') cases.push({ kind: 'unit', question, unit: o.unit, ids: o.ids as string[], file });
        else if (typeof o.id === 'string') cases.push({ kind: 'lookup', question, id: o.id, file });
        else cases.push({ kind: 'responsibility', question, lead: o.lead as string[], cooperate: (o.cooperate ?? []) as string[], file });
      }
    }
  }
  return cases;
}

export interface Rate { correct: number; total: number; rate: number }
export interface Failure { question: string; expected: string; got: string }
export interface Figures {
  lead: Rate;
  cooperate: Rate;
  refusal: Rate;
  unitCompleteness: Rate;
  lookup: Rate;
  /** In-scope questions wrongly refused. */
  falseRefusals: number;
  failures: Failure[];
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('、') === [...b].sort().join('、');
const rate = (correct: number, total: number): Rate => ({ correct, total, rate: total ? correct / total : 1 });
const list = (xs: readonly string[]) => `[${xs.join('、')}]`;

export function evaluate(assistant: Assistant, cases: readonly EvalCase[]): Figures {
  const n = { lead: [0, 0], coop: [0, 0], refusal: [0, 0], unit: [0, 0], lookup: [0, 0] };
  let falseRefusals = 0;
  const failures: Failure[] = [];
  for (const c of cases) {
    const reply = assistant.ask(c.question);
    const top = reply.answers[0];
    if (c.kind !== 'refusal' && !top) falseRefusals++;
    switch (c.kind) {
      case 'responsibility': {
        const leadOk = !!top && sameSet(top.lead, c.lead);
        const coopOk = !!top && sameSet(top.cooperate, c.cooperate);
        n.lead[1]++; n.coop[1]++;
        if (leadOk) n.lead[0]++;
        if (coopOk) n.coop[0]++;
        if (!leadOk || !coopOk) {
          failures.push({
            question: c.question,
            expected: `负责${list(c.lead)} 配合${list(c.cooperate)}`,
            got: top ? `${top.path} 负责${list(top.lead)} 配合${list(top.cooperate)}` : '(refused)',
          });
        }
        break;
      }
      case 'unit': {
        const got = new Set(reply.answers.map((a) => a.id));
        const ok = reply.unit === c.unit && c.ids.every((id) => got.has(id));
        n.unit[1]++;
        if (ok) n.unit[0]++;
        else failures.push({ question: c.question, expected: `${c.unit} ${c.ids.length} clauses`, got: `${reply.unit ?? reply.intent} ${c.ids.filter((id) => got.has(id)).length} of them` });
        break;
      }
      case 'lookup': {
        const ok = top?.id === c.id;
        n.lookup[1]++;
        if (ok) n.lookup[0]++;
        else failures.push({ question: c.question, expected: c.id, got: top ? `${top.id} (${reply.intent})` : '(refused)' });
        break;
      }
      case 'refusal': {
        const ok = reply.answers.length === 0;
        n.refusal[1]++;
        if (ok) n.refusal[0]++;
        else failures.push({ question: c.question, expected: '(refused)', got: top ? `${top.path} (${reply.intent}, ${top.score})` : '' });
        break;
      }
    }
  }
  return {
    lead: rate(n.lead[0], n.lead[1]),
    cooperate: rate(n.coop[0], n.coop[1]),
    refusal: rate(n.refusal[0], n.refusal[1]),
    unitCompleteness: rate(n.unit[0], n.unit[1]),
    lookup: rate(n.lookup[0], n.lookup[1]),
    falseRefusals,
    failures,
  };
}
