// The assistant being served, swappable while the bots run (`/kb reload`, SIGHUP). A reload reads
// knowledge/ as it is now, validates all of it, builds the new index off to the side and only then
// swaps one reference; on any problem the old knowledge keeps serving and the problems are returned.
import { checkKnowledge, type KnowledgeProblem, type KnowledgeReport } from '../knowledge/load.js';
import { compareClauses, unitsWithChangedDuties } from '../knowledge/clause-changes.js';
import { diffKnowledge, type KnowledgeDiff } from '../knowledge/diff.js';
import { KnowledgeError } from '../knowledge/load.js';
import { writeServedSnapshot } from '../knowledge/served-snapshot.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { createAssistant, type Assistant } from './assistant.js';

export interface LiveAssistantOptions {
  knowledgeDir: string;
  /** Where the served snapshot goes (for `npm run kb -- diff`); none written when absent. */
  dataDir?: string;
  clock?: () => Date;
  /** Reads and fully validates the folder; defaults to checkKnowledge (a cache may stand in at start-up). */
  load?: (knowledgeDir: string) => KnowledgeReport;
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
  | { ok: false; problems: KnowledgeProblem[]; status: KbStatus };

export interface LiveAssistant extends Assistant {
  /** The knowledge base being served now. */
  kb(): KnowledgeBase;
  status(): KbStatus;
  reload(): ReloadResult;
}

interface Served {
  kb: KnowledgeBase;
  assistant: Assistant;
  loadedAt: Date;
}

/** Loads the knowledge once (throws KnowledgeError when it is not valid) and serves it. */
export function createLiveAssistant(options: LiveAssistantOptions): LiveAssistant {
  const clock = options.clock ?? (() => new Date());
  const build = options.build ?? ((kb: KnowledgeBase) => createAssistant({ kb }));
  const load = options.load ?? checkKnowledge;

  /** Everything a reload needs, or the problems; nothing is swapped here. */
  const prepare = (): { served: Served } | { problems: KnowledgeProblem[] } => {
    let report;
    try {
      report = load(options.knowledgeDir);
    } catch (error) {
      return { problems: [{ file: options.knowledgeDir, message: `cannot read: ${(error as Error).message}` }] };
    }
    if (!report.kb || report.problems.length > 0) return { problems: report.problems };
    try {
      return { served: { kb: report.kb, assistant: build(report.kb), loadedAt: clock() } };
    } catch (error) {
      return { problems: [{ file: options.knowledgeDir, message: `cannot build the index: ${(error as Error).message}` }] };
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

  const first = prepare();
  if ('problems' in first) throw new KnowledgeError(first.problems);
  let current: Served = first.served;
  snapshot(current);

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
      const next = prepare();
      if ('problems' in next) return { ok: false, problems: next.problems, status: status() };
      const previous = current;
      current = next.served;
      snapshot(current);
      const detail = diffKnowledge(previous.kb, current.kb);
      return { ok: true, previousVersion: previous.kb.version, status: status(), diff: summarise(detail, previous.kb, current.kb), detail };
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
