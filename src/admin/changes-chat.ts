// 「这个文件最近改了什么」 / 「二（一）3（1）改过吗」 in chat: what changed between a document's
// versions, or in one clause across them. An interceptor (like the quiz's and the 「不对」 flag's),
// so the core's intents stay as they are; it takes only questions that ask about changes.
import type { Interceptor } from '../chat/handler.js';
import { findPath } from '../core/clause-path.js';
import { normaliseText } from '../core/normalise.js';
import type { DocumentInfo, KnowledgeBase } from '../knowledge/types.js';
import { clauseHistories, documentVersions, versionChanges } from '../knowledge/versions.js';
import { formatVersionChanges, summariseClauseHistory, versionLabel } from './format-changes.js';

export interface ChangesChatOptions {
  /** The knowledge being served now (live.kb()), archive included. */
  getKnowledge: () => KnowledgeBase;
}

// 「改了什么」「有哪些变化」「修改了哪些」「变动是什么」 — a question about what changed.
const WHAT_CHANGED =
  /(?:改|修改|修订|变|变动|调整|更新)了(?:些)?(?:什么|哪些|啥|哪里|哪儿|哪几条)|有(?:什么|哪些|啥)(?:变化|改动|修改|变动|修订)|(?:变化|改动|修改|变动|修订)(?:是什么|有哪些|在哪)|新旧(?:版本)?(?:对比|比较|区别)|(?:哪些|什么)(?:地方)?(?:变了|改了)/u;
// 「改过吗」「有没有改」「变了没有」「修改过没」 — a yes/no question about a change.
const WAS_CHANGED =
  /(?:改|修改|修订|变|调整|更新|变化|改动)(?:过|了)?(?:吗|么|没有|没)|有没有(?:改|修改|修订|变|调整|更新|变化|改动)|(?:改|变)没(?:改|变)|有(?:变化|改动|修改|调整)(?:吗|么)?$/u;
/** Chat replies list this many clauses of each kind; `npm run kb -- changes` shows all. */
const MAX_PER_GROUP = 8;

export function createChangesInterceptor(options: ChangesChatOptions): Interceptor {
  return (ctx) => {
    if (!ctx.addressed) return undefined;
    const text = normaliseText(ctx.text);
    const path = findPath(text);
    if (path && (WAS_CHANGED.test(text) || WHAT_CHANGED.test(text))) return [{ kind: 'changes', text: clauseReply(options.getKnowledge(), path, text) }];
    if (!path && (WHAT_CHANGED.test(text) || (WAS_CHANGED.test(text) && /文件|细则|文档|版本|规定|知识库/.test(text)))) {
      return [{ kind: 'changes', text: documentReply(options.getKnowledge(), text) }];
    }
    return undefined;
  };
}

function clauseReply(kb: KnowledgeBase, path: string, text: string): string {
  const histories = clauseHistories(kb, path).filter((h) => namedDocuments(kb, text).some((d) => d.id === h.document.id));
  if (histories.length === 0) return `没有找到 ${path} 这一条（任何版本里都没有）。`;
  return histories.map(summariseClauseHistory).join('\n\n');
}

function documentReply(kb: KnowledgeBase, text: string): string {
  const named = namedDocuments(kb, text);
  const withHistory = named.filter((d) => documentVersions(kb, d.id).length > 1);
  if (withHistory.length === 0) {
    const only = named.map((d) => `${d.shortName} ${versionLabel(d)}`).join('、');
    return `${only} 目前只有这一个版本，没有修改记录。`;
  }
  // 「这个文件」 with several revised documents: the most recently revised one.
  const latest = [...withHistory].sort((a, b) => (b.effective ?? '').localeCompare(a.effective ?? ''))[0] as DocumentInfo;
  const changes = versionChanges(kb, latest.id);
  if ('error' in changes) return changes.error;
  return `${formatVersionChanges(changes, { maxPerGroup: MAX_PER_GROUP })}\n（全部变化：npm run kb -- changes ${latest.id}）`;
}

/** The documents a question names by short name or level (省里 / 县里), else all of them. */
function namedDocuments(kb: KnowledgeBase, text: string): DocumentInfo[] {
  const byName = kb.documents.filter((d) => text.includes(normaliseText(d.shortName)));
  if (byName.length > 0) return byName;
  const byLevel = kb.documents.filter((d) => new RegExp(`${d.level}(?:里|级|的|实施|细则|文件)`, 'u').test(text));
  return byLevel.length > 0 ? byLevel : kb.documents;
}
