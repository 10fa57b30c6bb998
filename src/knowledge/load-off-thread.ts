// checkKnowledge on a worker thread, with a time limit and a heap limit: while it reads and parses
// (a 40,000-key file takes seconds) the main thread goes on acking and answering chat messages,
// and a load that runs too long or too large is stopped with one readable problem line.
import { Worker } from 'node:worker_threads';
import { DEFAULT_LIMITS, type LoadLimits } from './limits.js';
import type { KnowledgeReport } from './load.js';
import type { LoadMessage, LoadRequest } from './load-worker.js';

/** Starting the thread (loading its code) has its own, generous allowance. */
const START_ALLOWANCE_MS = 60_000;

function startWorker(request: LoadRequest): Worker {
  const options = { workerData: request, resourceLimits: { maxOldGenerationSizeMb: request.limits.maxHeapMb } };
  const self = import.meta.url;
  if (self.endsWith('.ts')) {
    // Running from the TypeScript sources (vitest): the thread runs the built worker, which the
    // tests' global set-up has just compiled from these same sources into dist/.
    return new Worker(new URL('../../dist/src/knowledge/load-worker.js', self), options);
  }
  return new Worker(new URL('./load-worker.js', self), options);
}

const failed = (message: string): KnowledgeReport => ({ kb: null, problems: [{ file: 'knowledge', message }] });

/** The report of checkKnowledge(dir), computed off the event loop; never rejects. */
export function loadKnowledgeOffThread(dir: string, limits: LoadLimits = DEFAULT_LIMITS): Promise<KnowledgeReport> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = startWorker({ dir, limits });
    } catch (error) {
      resolve(failed(`cannot start the loading thread: ${(error as Error).message}`));
      return;
    }
    let settled = false;
    const finish = (report: KnowledgeReport) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(report);
      void worker.terminate();
    };
    const stopAfter = (ms: number, message: string) => setTimeout(() => finish(failed(message)), ms);
    let timer = stopAfter(START_ALLOWANCE_MS, 'the loading thread did not start');
    const seconds = Math.round(limits.timeoutMs / 100) / 10;
    worker.on('message', (m: LoadMessage) => {
      if (m.kind === 'started') {
        clearTimeout(timer);
        timer = stopAfter(limits.timeoutMs, `loading took longer than ${seconds} s and was stopped (a file too large or too complex?)`);
      } else finish(m.report);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      finish(
        failed(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `loading needed more than ${limits.maxHeapMb} MB of memory and was stopped`
            : `cannot be loaded: ${error.message.split('\n')[0]}`,
        ),
      );
    });
    worker.on('exit', () => finish(failed('the loading thread stopped without a result')));
  });
}
