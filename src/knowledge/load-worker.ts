// The loading thread: reads, parses and validates knowledge/ (checkKnowledge) and posts the report
// back. Run by load-off-thread.ts; the main thread goes on answering meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import type { LoadLimits } from './limits.js';
import { checkKnowledge, type KnowledgeReport } from './load.js';

export interface LoadRequest {
  dir: string;
  limits: LoadLimits;
}

export type LoadMessage = { kind: 'started' } | { kind: 'done'; report: KnowledgeReport };

const { dir, limits } = workerData as LoadRequest;
const post = (m: LoadMessage) => parentPort!.postMessage(m);
post({ kind: 'started' });
let report: KnowledgeReport;
try {
  report = checkKnowledge(dir, limits);
} catch (error) {
  // checkKnowledge reports problems rather than throwing; this is the last line of defence.
  const message = error instanceof RangeError ? 'is nested too deeply to be read' : `cannot be loaded: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`;
  report = { kb: null, problems: [{ file: 'knowledge', message }] };
}
post({ kind: 'done', report });
