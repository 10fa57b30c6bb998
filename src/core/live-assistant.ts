// The assistant being served, swappable while the bots run (`/kb reload`, SIGHUP). A reload reads
// knowledge/ as it is now and validates all of it on a worker thread (bounded in size and time, so
// chat goes on meanwhile), builds the new index off to the side, replays the saved questions of
// knowledge/regression.yaml, and only then swaps one reference; on any problem the old knowledge
// keeps serving and the problems are returned. One reload runs at a time.
import { checkKnowledge, type KnowledgeProblem, type KnowledgeReport } from '../knowledge/load.js';
import { compareClauses, unitsWithChangedDuties } from '../knowledge/clause-changes.js';
import { diffKnowledge, type KnowledgeDiff } from '../knowledge/diff.js';
import { KnowledgeError } from '../knowledge/load.js';
import { loadKnowledgeOffThread } from '../knowledge/load-off-thread.js';
import { writeServedSnapshot } from '../knowledge/served-snapshot.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { createAssistant, type Assistant } from './assistant.js';
import { checkRegression } from './regression.js';

export interface LiveAssistantOptions {
  knowledgeDir: string;
  /** Where the served snapshot goes (for `npm run kb -- diff`); none written when absent. */
  dataDir?: string;
  clock?: () => Date;
  /** Reads and fully validates the folder for the first load; defaults to checkKnowledge. */
  load?: (knowledgeDir: string) => KnowledgeReport;
  /** The first load's report when it was already made (openLiveAssistant loads it off the event loop). */
  initial?: KnowledgeReport;
  /** Reads and validates the folder for a reload; defaults to loadKnowledgeOffThread. */
  loadForReload?: (knowledgeDir: string) => Promise<KnowledgeReport>;
  /** Builds the assistant for a knowledge base; defaults to createAssistant. */
  build?: (kb: KnowledgeBase) => Assistant;
  /** Told when the snapshot cannot be written: serving goes on regardless. */
  onSnapshotError?: (error: unknown) => void;
}

export interface KbStatus {
  /** Content hash of the knowledge files. */
  version: string;
  clauses: number;
  loadedAt: Date;
  documents: Array<{ id: string; shortName: string; level: string; clauses: number }>;
}

export interface DiffSummary {
  added: number;
  removed: number;
  changed: number;
  documentsAdded: string[];
  documentsRemoved: string[];
  /** One line per clause added (+), removed (-) or changed (~), for a short reply. */
  lines: string[];
  /** Units whose duties changed: gained or lost a role in a clause, or in a clause added or removed. */
  units: string[];
  /** Documents whose recorded version changed, e.g. 省实施细则：2021年版 → 2023年版. */
  versions: string[];
}

export type ReloadResult =
  | { ok: true; previousVersion: string; status: KbStatus; diff: DiffSummary; detail: KnowledgeDiff }
  | { ok: false; problems: KnowledgeProblem[]; status: KbStatus; busy?: false }
  /** Another reload was still running: nothing was done. */
  | { ok: false; busy: true; problems: []; status: KbStatus };

export interface LiveAssistant extends Assistant {
  /** The knowledge base being served now. */
  kb(): KnowledgeBase;
  status(): KbStatus;
  /** Never rejects; resolves at once with busy: true while another reload runs. */
  reload(): Promise<ReloadResult>;
}

interface Served {
  kb: KnowledgeBase;
  assistant: Assistant;
  loadedAt: Date;
}

/** Loads the knowledge off the event loop, then serves it (rejects with KnowledgeError when not valid). */
export async function openLiveAssistant(options: LiveAssistantOptions): Promise<LiveAssistant> {
  const load = options.loadForReload ?? loadKnowledgeOffThread;
  return createLiveAssistant({ ...options, initial: options.initial ?? (await load(options.knowledgeDir)) });
}

/** Loads the knowledge once (throws KnowledgeError when it is not valid) and serves it. */
export function createLiveAssistant(options: LiveAssistantOptions): LiveAssistant {
  const clock = options.clock ?? (() => new Date());
  const build = options.build ?? ((kb: KnowledgeBase) => createAssistant({ kb }));
  const load = options.load ?? checkKnowledge;
  const loadForReload = options.loadForReload ?? ((dir: string) => loadKnowledgeOffThread(dir));

  /** Everything a reload needs, or the problems; nothing is swapped here. */
  const prepare = (report: KnowledgeReport): { served: Served } | { problems: KnowledgeProblem[] } => {
    if (!report.kb || report.problems.length > 0) return { problems: report.problems };
    let served: Served;
    try {
      served = { kb: report.kb, assistant: build(report.kb), loadedAt: clock() };
    } catch (error) {
      return { problems: [{ file: 'knowledge', message: `cannot build the index: ${(error as Error).message.split('\n')[0]}` }] };
    }
    const broken = checkRegression(report.regression ?? [], served.assistant);
    return broken.length > 0 ? { problems: broken } : { served };
  };

  const loadNow = (): KnowledgeReport => {
    try {
      return load(options.knowledgeDir);
    } catch (error) {
      return { kb: null, problems: [{ file: 'knowledge', message: `cannot be read: ${(error as Error).message.split('\n')[0]}` }] };
    }
  };

  const snapshot = (s: Served) => {
    if (!options.dataDir) return;
    try {
      writeServedSnapshot(s.kb, options.dataDir, s.loadedAt);
    } catch (error) {
      options.onSnapshotError?.(error);
    }
  };

  const first = prepare(options.initial ?? loadNow());
  if ('problems' in first) throw new KnowledgeError(first.problems);
  let current: Served = first.served;
  snapshot(current);
  let reloading: Promise<ReloadResult> | undefined;

  const status = (): KbStatus => {
    const { kb, loadedAt } = current;
    return {
      version: kb.version,
      clauses: kb.clauses.length,
      loadedAt,
      documents: kb.documents.map((d) => ({
        id: d.id,
        shortName: d.shortName,
        level: d.level,
        clauses: kb.clauses.filter((c) => c.document === d.id).length,
      })),
    };
  };

  return {
    // Each call reads `current` once, so a question is answered wholly by one knowledge base.
    ask: (question) => current.assistant.ask(question),
    getClause: (id) => current.assistant.getClause(id),
    topicWords: (question) => current.assistant.topicWords(question),
    more: (question, shown) => current.assistant.more(question, shown),
    roleWords: () => current.assistant.roleWords(),
    explain: (question) => current.assistant.explain(question),
    kb: () => current.kb,
    status,
    reload() {
      if (reloading) return Promise.resolve({ ok: false, busy: true, problems: [], status: status() });
      reloading = (async (): Promise<ReloadResult> => {
        let report: KnowledgeReport;
        try {
          report = await loadForReload(options.knowledgeDir);
        } catch (error) {
          report = { kb: null, problems: [{ file: 'knowledge', message: `cannot be read: ${(error as Error).message.split('\n')[0]}` }] };
        }
        const next = prepare(report);
        if ('problems' in next) return { ok: false, problems: next.problems, status: status() };
        const previous = current;
        current = next.served;
        snapshot(current);
        const detail = diffKnowledge(previous.kb, current.kb);
        return { ok: true, previousVersion: previous.kb.version, status: status(), diff: summarise(detail, previous.kb, current.kb), detail };
      })().finally(() => {
        reloading = undefined;
      });
      return reloading;
    },
  };
}

function summarise(d: KnowledgeDiff, before: KnowledgeBase, after: KnowledgeBase): DiffSummary {
  const versions = after.documents.flatMap((doc) => {
    const old = before.documents.find((o) => o.id === doc.id);
    return old && old.version !== doc.version ? [`${doc.shortName}：${old.version ?? '未记版本'} → ${doc.version ?? '未记版本'}`] : [];
  });
  return {
    units: unitsWithChangedDuties(compareClauses(before.clauses, after.clauses)),
    versions,
    added: d.added.length,
    removed: d.removed.length,
    changed: d.changed.length,
    documentsAdded: d.documentsAdded,
    documentsRemoved: d.documentsRemoved,
    lines: [
      ...d.added.map((c) => `+ ${c.path}（${c.id}）`),
      ...d.removed.map((c) => `- ${c.path}（${c.id}）`),
      ...d.changed.map((c) => `~ ${c.path}（${c.id}）：${c.changes.join('；')}`),
    ],
  };
}
