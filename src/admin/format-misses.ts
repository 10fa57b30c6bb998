// `npm run kb -- misses`: what to add or fix, most frequent first.
import type { MissSummary } from '../store/misses.js';

const KIND = { unanswered: 'no answer', flagged: 'flagged wrong' } as const;

export function formatMisses(list: MissSummary[], since?: Date): string {
  const scope = since ? ` since ${since.toISOString().slice(0, 10)}` : '';
  if (list.length === 0) return `no unanswered or flagged questions${scope}`;
  const lines = [`${list.length} question(s)${scope}, most frequent first:`, ''];
  for (const m of list) {
    lines.push(`${String(m.count).padStart(4)}×  [${KIND[m.kind]}]  ${m.question}`);
    const details = [`last ${m.lastAt}`, m.platforms.join('/')];
    if (m.answerIds.length) details.push(`answered with ${m.answerIds.join(', ')}`);
    lines.push(`       ${details.join(' · ')}`);
    for (const r of m.remarks) lines.push(`       「${r}」`);
  }
  return lines.join('\n');
}
