// Questions about what the document cannot hold (a unit it never names, another province's rules
// or units) are refused, on the real knowledge base; questions that only mention such a thing
// in passing, or name two real units side by side, are still answered.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssistant, type Assistant } from '../../src/core/assistant.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { knowledgeDir } from '../../src/knowledge/paths.js';

let assistant: Assistant;
beforeAll(() => {
  assistant = createAssistant({ kb: loadKnowledgeBase(knowledgeDir()) });
});

describe('outside the document', () => {
  it.each([
    ['省科技厅在反拐里管啥', '科技厅'],
    ['应急管理厅负责哪些反拐工作', '应急管理厅'],
    ['邮政管理局要配合反拐吗', '邮政管理局'],
    ['广东的反拐实施细则谁牵头', '广东'],
    ['省反拐办值班电话多少', '电话多少'],
    ['反拐办主任是谁', '主任是谁'],
    ['联席会议今年开了几次', '开了几次'],
    ['广西的打拐经费怎么保障的', '广西'],
    ['浙江公安厅负责哪些工作', '浙江'],
    ['广东省民政厅管啥', '广东'],
    ['台湾事务办公室在反拐里要出力吗', '台湾事务办公室'],
    ['国务院反拐部际联席会议有多少个成员单位', '国务院'],
    ['公安部在反拐里牵头哪些', '公安部'],
    ['反拐考核在平安建设里占几分', '占几分'],
    ['省自然资源厅在反拐里有任务吗', '自然资源厅'],
    ['反拐志愿者有没有补贴，一次给多少', '一次给多少'],
    ['组织部在反拐里要管啥吗', '组织部'],
    ['省反拐联席会议今年啥时候开全体会议', '啥时候开'],
    ['广东那边打拐联席会议办公室设在哪个单位', '广东'],
    ['厦门市反拐联席会议办公室具体设在哪个科室', '厦门'],
    ['厦门市今年的反拐年度实施方案出了没', '厦门'],
    ['被拐妇女申请司法救助金能拿多少钱', '多少钱'],
    ['拐卖儿童一般判几年啊', '判几年'],
    ['反拐工作考核的扣分标准是怎样的', '扣分标准'],
    ['拐卖案件的立案标准是啥', '标准是啥'],
    ['反拐先进个人奖金一般多少', '奖金一般多少'],
    ['帮我写几条反拐宣传标语呗', '帮我写'],
    ['今年全省破了多少起拐卖案件', '多少'],
    ['亲子鉴定去哪里做比较靠谱', '去哪'],
    ['残疾人就业保障金怎么征收', '怎么征收'],
    ['农民工工资被老板拖着不给，找哪个部门', '农民工工资'],
  ])('refuses %s, naming %s as the reason in hit testing', (question, word) => {
    expect(assistant.ask(question).answers).toEqual([]);
    const e = assistant.explain(question);
    expect(e.route).toBe('outside');
    // The word as the segmenter cut it (应急 | 管理厅): part of the name, at least two characters.
    expect(word).toContain(e.outside?.word);
    expect(e.outside?.word.length).toBeGreaterThanOrEqual(2);
  });

  it('knows a unit whose name ends like an unknown one (通信管理局 beside 邮政管理局), and a verb ending in 办 (侦办)', () => {
    expect(assistant.ask('通信管理局要配合哪些工作').intent).toBe('unit-duties');
    expect(assistant.explain('谁负责侦办拐卖案件').route).not.toBe('outside');
  });

  it('reads a hall as a place, not a body (婚姻登记大厅)', () => {
    expect(assistant.explain('婚姻登记大厅发现被拐妇女谁管').route).not.toBe('outside');
  });

  it('answers the joint meeting\'s own office by any name, and 公安部门 as the police', () => {
    for (const q of ['联席会议办公室在哪个单位', '反拐办公室设在哪']) expect(assistant.explain(q).route, q).toBe('organisation');
    expect(assistant.ask('公安部门负责哪些').intent).toBe('unit-duties');
  });

  it('answers a question that names another province only as a route, or its police as partners', () => {
    expect(assistant.explain('跟外省警察一起抓人贩子谁负责').route).not.toBe('outside');
    expect(assistant.explain('从广东拐来的孩子谁管').route).not.toBe('outside');
    expect(assistant.explain('外省的孩子被拐到福建谁负责解救').route).not.toBe('outside');
    expect(assistant.explain('婚姻登记这块负责人是谁').route).not.toBe('outside');
  });

  it('does not take a known place word ending like a unit (歌厅) for an unknown unit', () => {
    expect(assistant.ask('歌厅陪侍由谁负责').answers[0]?.lead).toContain('省文旅厅');
  });

  it('reads two units written side by side (法院检察院) as two units, not as the document\'s own words', () => {
    const reply = assistant.ask('法院检察院一起负责的有哪些');
    expect(reply.intent).toBe('unit-duties');
    expect(reply.answers.length).toBeGreaterThan(0);
    for (const a of reply.answers) expect(a.lead).toEqual(expect.arrayContaining(['省法院', '省检察院']));
  });
});

describe('asking something other than who is responsible', () => {
  it('is answered when who is asked beside it, or when staff ask the rules with 咋办 / 怎么办', () => {
    expect(assistant.ask('滞留救助站的被拐人员户口去哪办，哪个部门负责').answers[0]?.id).toBe('p2-3-1-5');
    expect(assistant.ask('出租屋里有陪侍怎么办').answers[0]?.id).toBe('p2-1-2-2');
    // 好几天 tells a story; it asks no number.
    expect(assistant.ask('民宿老板发现一个中年男带着个不像亲生的小女孩住了好几天，该报警吗').answers.length).toBe(1);
  });

  it('refuses a question that asks something of a topic, but neither who nor what the rules require', () => {
    for (const q of ['代孕是不是违法的', '人贩子一般用什么手段', 'KTV陪唱算不算违法', '捡到的孩子自己养着可以吗', '一长三包的专案组要配几个民警', '净网行动具体是哪几个月开展']) {
      expect(assistant.ask(q).answers, q).toEqual([]);
      expect(assistant.explain(q).outside?.kind, q).toBe('not-who');
    }
  });

  it('refuses personal advice, legality and opinions, another city\'s bodies, and which counties', () => {
    for (const [q, kind] of [
      ['我表姐好像被人骗去缅甸了 怎么办啊', 'not-who'],
      ['把收养不诚信纳入信用体系合不合法', 'not-who'],
      ['谁签发的这个文件', 'not-who'],
      ['拐卖案件高发地区是哪几个县啊', 'not-who'],
      ['龙岩市教育局的反拐教育计划谁在做', 'other-level'],
      ['深圳的反拐志愿者是怎么管理的', 'other-province'],
      ['上海救助站被拐儿童是怎么安置的', 'other-province'],
      ['浙江那边儿童失踪快速查找是怎么做的呀', 'other-province'],
      ['平潭综合实验区反拐联席会议办公室设在哪', 'other-province'],
      ['今年反拐宣传公益广告在哪几个台播出', 'not-who'],
      ['私下抱养亲戚家的孩子违法不', 'not-who'],
      ['在团圆系统上怎么发布孩子走失信息', 'not-who'],
      ['细则和之前那版福建的反拐办法比有哪些变化', 'facts'],
      ['拐卖儿童判死刑的案例有哪些', 'facts'],
      ['刑满释放的拐卖罪犯动态管控要管几年', 'facts'],
      ['你能干啥呀，介绍下自己', 'task'],
      ['省关工委主任现在是谁', 'facts'],
      ['我们县指定给被拐受害人看病的是哪家医院', 'facts'],
      ['火车站看到个小孩一直哭跟着一个大人，我要不要报警', 'not-who'],
      ['国家卫健委对孕妇人脸识别有什么文件要求', 'unknown-unit'],
    ] as const) {
      expect(assistant.ask(q).answers, q).toEqual([]);
      expect(assistant.explain(q).outside?.kind, q).toBe(kind);
    }
  });

  it('answers a unit\'s part in a topic and the joint meeting\'s member list', () => {
    expect(assistant.ask('住建厅在街面救助里干啥').answers[0]?.id).toBe('p2-3-1-1');
    expect(assistant.ask('联席会议成员单位名单有哪些').answers[0]?.id).toBe('p1-2');
  });

  it('answers what the rules require, how staff ask them to be carried out, and a bare topic', () => {
    for (const [q, id] of [['反拐考核不达标会一票否决吗', 'p3-3'], ['跨境拐卖的受害人怎么遣送', 'p2-5-3'], ['医院发现孩子被拐要报告吗', 'p2-1-5'], ['婚姻登记', 'p2-1-3-1'], ['反拐先进集体表彰是哪条规定的', 'p3-3']]) {
      expect(assistant.ask(q).answers[0]?.id, q).toBe(id);
    }
  });

  it('a question refused for what it asks is not read again for typos', () => {
    const e = assistant.explain('帮忙总结一下这个细则的主要内容');
    expect(e.outside?.kind).toBe('task');
    expect(e.reply.answers).toEqual([]);
  });
});

describe('a level below the province', () => {
  it('has its own joint meeting: refused unless the province\'s is asked too', () => {
    const county = assistant.explain('我们县反拐联席会议的召集人是谁');
    expect(county.route).toBe('outside');
    expect(county.outside?.kind).toBe('other-level');
    expect(assistant.ask('省反拐联席会议的召集人是谁').answers.length).toBeGreaterThan(0);
    expect(assistant.ask('我们县里要搭反拐联席会议的班子，听说省里的让市县参照执行，那省里这个会是咋组成的呀').answers[0]?.id).toBe('p1-2');
  });
});
