// Hit testing as text (`npm run kb -- test "问题"`, `/kb test 问题`): the route, the words searched
// by, and the ranked clauses with score, coverage and matched terms, so an administrator sees why.
import type { Explanation } from '../core/explanation.js';

const ROUTES: Record<Explanation['route'], string> = {
  empty: 'empty — nothing to ask',
  'clause-path': 'clause-path — an outline number, looked up directly',
  quote: 'quote — a sentence of the document, looked up directly',
  organisation: 'organisation — the joint meeting, searched within 一、组织机构',
  'unit-duties': 'unit-duties — a unit and no topic: every clause of that unit',
  'no-topic': 'no-topic — nothing to search by besides question words: refused',
  outside: 'outside — names a unit the document does not have, another province\'s rules or units, asks for facts it never gives, or holds an outside word: refused',
  search: 'search — ranked retrieval',
};

export function formatExplanation(e: Explanation, options: { maxHits?: number } = {}): string {
  const max = options.maxHits ?? 10;
  const lines = [`question: ${e.question}`, `normalised: ${e.normalised}`, `route: ${ROUTES[e.route]}`];
  if (e.level) {
    lines.push(`level: ${e.level.named}${e.level.restricted ? ' (searched only that level\'s documents)' : ' (no answer at that level: all documents searched)'}`);
  }
  if (e.outside) lines.push(`outside: ${e.outside.word} (${{ 'unknown-unit': 'a unit the document does not name', 'other-province': 'another province', 'other-level': 'a level below the province, which has its own joint meeting', facts: 'facts the document never gives', 'not-who': 'asks something other than who is responsible (how many, when, where to go, how to), and not who', 'outside-word': 'a neighbouring policy area (outside_words in vocabulary.yaml)', task: 'writing asked for, not a question about the document' }[e.outside.kind]})`);
  if (e.units.length) lines.push(`units: ${e.units.map((u) => (u.alias === u.unit ? u.unit : `${u.alias} → ${u.unit}`)).join(', ')}`);
  if (e.route === 'search' || e.route === 'organisation') {
    lines.push(`topic words: ${e.topicWords.join(' ') || '(none)'}`);
    lines.push(`threshold: a clause must cover ≥ ${e.minCoverage} of the topic words to be answered`);
    lines.push('', 'rank  score    coverage  clause');
    e.hits.slice(0, max).forEach((h, i) => {
      const terms = Object.entries(h.matched).map(([t, fields]) => `${t}[${fields.join(',')}]`).join(' ');
      lines.push(
        `${String(i + 1).padStart(4)}  ${h.score.toFixed(3).padStart(7)}  ${h.coverage.toFixed(3)}${h.passes ? ' ✓' : ' ✗'}   ${h.id} ${h.path} (${h.document})`,
        `        matched: ${terms || '(none)'}`,
        ...(h.example ? [`        like the staff example: ${h.example}`] : []),
      );
    });
    if (e.hits.length > max) lines.push(`  … ${e.hits.length - max} more`);
    if (e.hits.length === 0) lines.push('  (no clause matched any term)');
  }
  const r = e.reply;
  lines.push('', `answer: ${r.intent}`);
  if (r.answers.length === 0) lines.push('  refused (no clause reaches the threshold)');
  for (const a of r.answers.slice(0, max)) lines.push(`  ${a.id} ${a.documentName} ${a.path}${a.role ? ` [${a.role}]` : ''}`);
  if (r.answers.length > max) lines.push(`  … ${r.answers.length - max} more`);
  if (r.related.length) lines.push(`related: ${r.related.map((a) => `${a.id} ${a.documentName} ${a.path}`).join('; ')}`);
  return lines.join('\n');
}
