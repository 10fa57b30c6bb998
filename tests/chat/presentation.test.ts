// One presentation model, three renderers: the rules a reply follows (the note for a clause without
// units, the label of a related clause from another document, the excerpt and its 全文 hint) come out
// the same in plain text, Slack blocks and markdown.
import { describe, expect, it } from 'vitest';
import { replyBlocks } from '../../adapters/slack/blocks.js';
import { renderChatReply } from '../../src/chat/create-chat-handler.js';
import { renderMarkdownClause, renderMarkdownReply } from '../../src/chat/render-markdown.js';
import { NO_UNITS_NOTE } from '../../src/core/reply-view.js';
import type { Reply } from '../../src/core/types.js';
import { marriageAnswer } from '../support/marriage-answer.js';

const renderers: Record<string, (reply: Reply) => string> = {
  text: renderChatReply,
  slack: (reply) => JSON.stringify(replyBlocks(reply)),
  markdown: (reply) => renderMarkdownReply(reply),
};

const unitless = marriageAnswer({ id: 'p2-2-2-3', path: '二（二）2（3）', lead: [], cooperate: [], responsibility: null });
const county = marriageAnswer({ id: 'c-1', document: 'county', documentName: '示例县细则', path: '二（一）1', lead: ['县民政局'], cooperate: [] });

describe('every renderer of a reply', () => {
  it.each(Object.keys(renderers))('%s: says 本条未标注责任单位 for a clause without units, and only then', (name) => {
    const render = renderers[name]!;
    expect(render({ question: 'q', intent: 'responsibility', answers: [unitless], related: [] })).toContain(NO_UNITS_NOTE);
    const withUnits = render({ question: 'q', intent: 'responsibility', answers: [marriageAnswer()], related: [] });
    expect(withUnits).not.toContain(NO_UNITS_NOTE);
    expect(withUnits).toContain('省民政厅');
    expect(withUnits).toContain('省公安厅');
  });

  it.each(Object.keys(renderers))('%s: names the document of a related clause from another document, not of one from the same', (name) => {
    const render = renderers[name]!;
    const sameDoc = marriageAnswer({ id: 'p2-1-3-5', path: '二（一）3（5）' });
    const out = render({ question: 'q', intent: 'responsibility', answers: [marriageAnswer()], related: [county, sameDoc] });
    expect(out).toContain('相关条款');
    expect(out).toContain('示例县细则 二（一）1');
    expect(out).not.toContain('省实施细则 二（一）3（5）');
    expect(out).toContain('二（一）3（5）');
  });
});

describe('every renderer of a unit digest and of a low-confidence answer', () => {
  const duties: Reply = {
    question: 'q',
    intent: 'unit-duties',
    unit: '省民政厅',
    answers: [marriageAnswer({ role: 'lead' }), marriageAnswer({ id: 'x', path: '二（一）2（2）', text: '强化娱乐服务场所经营管理和备案工作，完善名簿。', role: 'cooperate' })],
    related: [],
  };
  it.each(Object.keys(renderers))('%s: counts, one numbered line per clause with its opening words, and how to see one whole', (name) => {
    const out = renderers[name]!(duties);
    expect(out).toContain('省民政厅：负责 1 项，配合 1 项。');
    expect(out).toContain('1. 二（一）3（1） 规范婚姻登记管理');
    expect(out).toContain('2. 二（一）2（2） 强化娱乐服务场所经营管理和备案工作');
    expect(out).toContain('回复编号看全文');
    expect(out).not.toContain('应当及时制止');
  });

  it.each(Object.keys(renderers))('%s: a low-confidence answer says so in one line, a sure one does not', (name) => {
    const render = renderers[name]!;
    const note = '最接近的条款是 二（一）3（1），如果不对请回复「不对」。';
    expect(render({ question: 'q', intent: 'responsibility', answers: [marriageAnswer({ confidence: 'low' })], related: [] })).toContain(note);
    expect(render({ question: 'q', intent: 'responsibility', answers: [marriageAnswer()], related: [] })).not.toContain('最接近');
  });
});

describe('markdown', () => {
  it('cuts a long clause like the plain text does, with the same 全文 hint, and shows it whole for 全文', () => {
    const long = marriageAnswer({ text: `${'规范婚姻登记管理。'.repeat(30)}` });
    const reply: Reply = { question: 'q', intent: 'responsibility', answers: [long], related: [] };
    expect(renderMarkdownReply(reply)).toContain('全文请问「二（一）3（1）」');
    expect(renderChatReply(reply)).toContain('全文请问「二（一）3（1）」');
    expect(renderMarkdownClause(long)).toContain(long.text);
    expect(renderMarkdownClause(long)).not.toContain('全文请问');
  });

  it('bolds the clause heading and units, and escapes markdown in text from the knowledge files', () => {
    const starred = marriageAnswer({ text: '加强*重点*场所管理_网吧_。' });
    const md = renderMarkdownReply({ question: 'q', intent: 'responsibility', answers: [starred], related: [] });
    expect(md).toContain('**省实施细则 二（一）3（1）**');
    expect(md).toContain('**负责**：省民政厅');
    expect(md).toContain('加强\\*重点\\*场所管理\\_网吧\\_。');
  });
});
