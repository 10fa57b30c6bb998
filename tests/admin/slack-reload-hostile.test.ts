// /kb reload in Slack (the real Bolt app over HTTP, signed requests) against hostile knowledge
// files: a FIFO, a link to /dev/zero, a 40,000-key file, a 1 MB clause, a source leading to
// /etc/passwd. The reload must answer with a short error, the old knowledge must keep answering,
// and ordinary questions must be acked and answered while the reload runs.
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RELOAD_BUSY } from '../../src/admin/format-kb.js';
import { directMessageEvent, eventBody, mentionEvent, sendSigned, waitFor, type Harness } from '../adapters/slack/harness.js';
import { provincialFile } from '../knowledge/helpers.js';
import { posted, startReloadBot } from './slack-bot.js';

const QUESTION = '谁负责婚姻登记相关反拐措施';
const FAILED = '重新加载失败，仍在使用原来的知识库';
let h: Harness | undefined;
let dir: string | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function startBot() {
  const bot = await startReloadBot();
  h = bot.h;
  dir = bot.dir;
  return bot;
}

let seq = 0;
const ts = () => `17200000${String(++seq).padStart(2, '0')}.000100`;
const reloadByAdmin = (h: Harness) => sendSigned(h.eventsUrl, eventBody(directMessageEvent('kb reload', { user: 'UBOSS', channel: 'D0UBOSS', ts: ts() })));
const ask = (h: Harness) => sendSigned(h.eventsUrl, eventBody(mentionEvent(QUESTION, { ts: ts() })));
/** With RELIABILITY_FIGURES set, prints a measured figure (the README's Reliability table). */
const figure = (line: string) => {
  if (process.env.RELIABILITY_FIGURES) process.stdout.write(`${line}\n`);
};
const postsTo = (h: Harness, channel: string) => h.slack.posts().filter((p) => p.params.channel === channel);

/** The old knowledge still answers the marriage question with its units. */
async function stillAnswers(h: Harness): Promise<void> {
  const before = postsTo(h, 'C0TRAINING').length;
  await ask(h);
  await waitFor(() => postsTo(h, 'C0TRAINING').length === before + 1, 'the answer');
  const p = postsTo(h, 'C0TRAINING').at(-1)!.params;
  expect(JSON.stringify(p.blocks ?? p.text)).toContain('省民政厅');
}

describe('Slack: /kb reload over hostile files', { timeout: 60_000 }, () => {
  it.each([
    ['a FIFO', (path: string) => expect(spawnSync('mkfifo', [path]).status).toBe(0), 'is a FIFO (named pipe); only regular files are read'],
    ['a /dev/zero link', (path: string) => symlinkSync('/dev/zero', path), 'leads outside knowledge/'],
  ])('answers %s in documents/ with an error, and the old knowledge keeps answering', async (label, plant, problem) => {
    const { h, dir } = await startBot();
    plant(join(dir, 'documents', 'county.yaml'));
    const started = Date.now();
    await reloadByAdmin(h);
    await waitFor(() => postsTo(h, 'D0UBOSS').length === 1, 'the reload reply', 15_000);
    figure(`/kb reload over ${label}: error reply after ${Date.now() - started} ms`);
    const reply = String(postsTo(h, 'D0UBOSS')[0]!.params.text);
    expect(reply).toContain(FAILED);
    expect(reply).toContain(`knowledge/documents/county.yaml: ${problem}`);
    await stillAnswers(h);
  });

  it('acks and answers an ordinary mention while a 40,000-key file is being loaded', async () => {
    const { h, dir } = await startBot();
    appendFileSync(join(dir, provincialFile), Array.from({ length: 40_000 }, (_, i) => `key${i}: value`).join('\n') + '\n');
    const started = Date.now();
    await reloadByAdmin(h);
    const sent = Date.now();
    const ack = await ask(h);
    const acked = Date.now();
    expect(ack.status).toBe(200);
    await waitFor(() => postsTo(h, 'C0TRAINING').length === 1, 'the answer');
    const answered = Date.now();
    // The answer came while the reload was still running: it has not replied yet.
    expect(postsTo(h, 'D0UBOSS')).toHaveLength(0);
    expect(JSON.stringify(postsTo(h, 'C0TRAINING')[0]!.params.blocks)).toContain('省民政厅');
    await waitFor(() => postsTo(h, 'D0UBOSS').length === 1, 'the reload reply', 30_000);
    const reloaded = Date.now();
    const reply = String(postsTo(h, 'D0UBOSS')[0]!.params.text);
    expect(reply).toContain(FAILED);
    expect(reply).toContain('knowledge/documents/fujian-provincial.yaml: (top level): unknown keys key0, key1, key2, key3, key4 and 39995 more');
    figure(`mention during a 40,000-key reload: acked in ${acked - sent} ms, answered in ${answered - sent} ms; reload replied after ${reloaded - started} ms`);
  });

  it('tells a second reload request that one is running', async () => {
    const { h, dir } = await startBot();
    appendFileSync(join(dir, provincialFile), Array.from({ length: 40_000 }, (_, i) => `key${i}: value`).join('\n') + '\n');
    await reloadByAdmin(h);
    await reloadByAdmin(h);
    await waitFor(() => postsTo(h, 'D0UBOSS').length === 1, 'the busy reply');
    expect(String(postsTo(h, 'D0UBOSS')[0]!.params.text)).toBe(RELOAD_BUSY);
    await waitFor(() => postsTo(h, 'D0UBOSS').length === 2, 'the reload reply', 30_000);
    expect(String(postsTo(h, 'D0UBOSS')[1]!.params.text)).toContain(FAILED);
  });
});

describe('Slack: reload errors are bounded and quote nothing from outside knowledge/', { timeout: 60_000 }, () => {
  it('keeps a reload over a 1 MB clause to one short reply: ≤ 10 problems of ≤ 200 characters, ≤ 4,000 in all', async () => {
    const { h, dir } = await startBot();
    // Thousands of sentences that are not in the source, and one of 100,000 characters: ≈1 MB.
    const many = Array.from({ length: 20_000 }, (_, i) => `第${i}句不在原文里的话。`).join('');
    const text = `${many}${'长'.repeat(100_000)}`;
    const doc = readFileSync(join(dir, provincialFile), 'utf8');
    writeFileSync(join(dir, provincialFile), doc.replace(/text: "规范婚姻登记管理[^"\n]*"/, `text: "${text}"`));
    await reloadByAdmin(h);
    await waitFor(() => postsTo(h, 'D0UBOSS').length >= 1, 'the reload reply', 30_000);
    await new Promise((r) => setTimeout(r, 300)); // any further part of a split reply
    const parts = postsTo(h, 'D0UBOSS').map((p) => String(p.params.text));
    const reply = parts.join('');
    expect(parts.length).toBeLessThanOrEqual(2);
    expect(reply.length).toBeLessThanOrEqual(4000);
    const problems = reply.split('\n').filter((l) => l.startsWith('· '));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.length).toBeLessThanOrEqual(10);
    for (const l of problems) expect([...l].length).toBeLessThanOrEqual(200);
    expect(reply).toMatch(/……另有 \d+ 个问题/);
    expect(problems[0]).toContain('[p2-1-3-1]: sentence not in the source');
    await stillAnswers(h);
  });

  it('never puts pieces of /etc/passwd into the reply, through ../ or a linked source', async () => {
    const { h, dir } = await startBot();
    const doc = join(dir, provincialFile);
    writeFileSync(doc, readFileSync(doc, 'utf8').replace('source: sources/fujian-provincial-2021.txt', 'source: sources/../../../../../../../etc/passwd'));
    await reloadByAdmin(h);
    await waitFor(() => postsTo(h, 'D0UBOSS').length === 1, 'the first reload reply', 15_000);
    writeFileSync(doc, readFileSync(doc, 'utf8').replace('source: sources/../../../../../../../etc/passwd', 'source: sources/passwd.txt'));
    symlinkSync('/etc/passwd', join(dir, 'sources', 'passwd.txt'));
    await reloadByAdmin(h);
    await waitFor(() => postsTo(h, 'D0UBOSS').length === 2, 'the second reload reply', 15_000);
    const replies = postsTo(h, 'D0UBOSS').map((p) => String(p.params.text));
    expect(replies[0]).toContain('must be a file under knowledge/sources/');
    expect(replies[1]).toContain('leads outside knowledge/sources/');
    for (const r of replies) expect(r).not.toMatch(/root:|nologin|daemon/);
    await stillAnswers(h);
  });
});
