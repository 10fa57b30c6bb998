// "What changed" in chat, through the real console process: before a revision there is nothing to
// report; after `kb replace` and /kb reload, the reload reply summarises the change, the chat
// answers 「这个文件最近改了什么」 and 「二（一）3（1）改过吗」 with exactly the edits, and answers
// name the version they quote.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createChangesInterceptor } from '../../src/admin/changes-chat.js';
import { createLastReplies } from '../../src/chat/last-replies.js';
import { runKb } from '../../src/cli/kb.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { projectRoot } from '../../src/knowledge/paths.js';
import { startConsole, type ConsoleProcess } from '../admin/console-process.js';
import { knowledgeCopy } from '../knowledge/helpers.js';
import { EDITS, draftRevisedProvincial, resolveReviewPoints, updateSavedQuestions } from './provincial-edition.js';

let bot: ConsoleProcess | undefined;
const dirs: string[] = [];

afterEach(async () => {
  if (bot && bot.child.exitCode === null) await bot.stop();
  bot = undefined;
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('what changed, in chat', () => {
  it('answers with the edits of the replaced provincial document, after a reload that summarises them', async () => {
    const dir = knowledgeCopy();
    const work = mkdtempSync(join(tmpdir(), 'chat-edition-'));
    dirs.push(dir, work);
    bot = startConsole(dir);
    const before = await bot.say('这个文件最近改了什么', /\n\n|没有修改记录\n/);
    expect(before).toContain('省实施细则 2021年版（2021-11-03 起施行） 目前只有这一个版本，没有修改记录。');
    expect(await bot.say('谁负责婚姻登记相关反拐措施', /健全完善当事人身份情况/)).toContain('省实施细则（2021年版） 二（一）3（1）');

    resolveReviewPoints(await draftRevisedProvincial(dir, work));
    let stderr = '';
    const code = await runKb(['replace', join(dir, 'drafts/fujian-provincial.yaml'), '--dir', dir], { write: () => true }, { write: (s: string) => (stderr += s) });
    expect(stderr).toBe('');
    expect(code).toBe(0);

    updateSavedQuestions(dir);
    const reload = await bot.say('/kb reload', /知识库已重新加载[\s\S]*\n\n/);
    expect(reload).toContain('新版本：省实施细则：2021年版 → 2023年版');
    expect(reload).toContain('条款：新增 1，删除 1，修改 2。');
    expect(reload).toContain('职责有变化的单位：省公安厅、省商务厅、省妇联');

    const changes = await bot.say('这个文件最近改了什么？', /全部变化：[^\n]*\n/);
    expect(changes).toContain('省实施细则：2021年版（2021-11-03 起施行） → 2023年版（2023-06-01 起施行）');
    expect(changes).toContain('新增 1 条，删除 1 条，修改 2 条（其中责任单位变化 1 条）');
    const items = changes.split('\n').filter((l) => l.startsWith('· '));
    expect(items).toHaveLength(4);
    expect(items[0]).toBe(`· ${EDITS.units.path} 负责：增加省公安厅（现为：省民政厅、省公安厅）；配合：增加省妇联、去掉省公安厅（现为：省妇联）`);
    expect(items[1]).toContain(`· ${EDITS.added.path} `);
    expect(items[2]).toContain(`· ${EDITS.removed.path} `);
    expect(items[3]).toContain(`· ${EDITS.text.path} 文字：加入「${EDITS.text.added}」`);

    const clause = await bot.say('二(一)3(1)改过吗', /现行：[^\n]*\n/);
    expect(clause).toContain('省实施细则 二（一）3（1） 改过 1 次。');
    expect(clause).toContain('· 2023年版（2023-06-01 起施行），现行：负责：增加省公安厅');
    const unchanged = await bot.say('二（一）1有没有改过', /\n\n|相同）。\n/);
    expect(unchanged).toContain('省实施细则 二（一）1 没有改过（2021年版、2023年版 都相同）。');

    const answer = await bot.say('谁负责婚姻登记相关反拐措施', /健全完善当事人身份情况/);
    expect(answer).toContain('省实施细则（2023年版） 二（一）3（1）');
    expect(answer).toContain('负责：省民政厅、省公安厅');
    expect(answer).toContain('配合：省妇联');
  }, 120_000);
});

describe('the changes interceptor', () => {
  const kb = loadKnowledgeBase(knowledgeCopy());
  const take = createChangesInterceptor({ getKnowledge: () => kb });
  const ask = (text: string, addressed = true) =>
    take({ msg: { platform: 'console', conversationId: 'c', isGroup: false, senderId: 'u', text, mentioned: false, fromSelf: false }, addressed, text, isAdmin: false, lastReplies: createLastReplies() });

  it('takes questions about changes, typed several ways', () => {
    for (const q of ['这个文件最近改了什么', '细则有哪些变化', '省里的文件修改了哪些', '二（一）3（1）改过吗', '二(一)3(1)有没有修改', '二（一）1变了没有']) {
      expect(ask(q), q).toBeDefined();
    }
    expect(ask('这个文件最近改了什么', false)).toBeUndefined();
  });

  it('leaves every question of the evaluation set to the core', () => {
    const evalDir = join(projectRoot(), 'tests/fixtures/eval');
    const questions = ['staff-questions.jsonl', 'staff-unit-questions.jsonl', 'staff-lookup.jsonl', 'dev-questions.jsonl']
      .flatMap((f) => readFileSync(join(evalDir, f), 'utf8').split('\n'))
      .filter((l) => l.startsWith('{'))
      .map((l) => (JSON.parse(l) as { question: string }).question)
      .concat(['staff-out-of-scope.txt', 'dev-out-of-scope.txt'].flatMap((f) => readFileSync(join(evalDir, f), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'))));
    expect(questions.length).toBeGreaterThan(150);
    expect(questions.filter((q) => ask(q) !== undefined)).toEqual([]);
  });
});
