// Questions the document cannot answer by construction, refused before any search: a unit it never
// names (省科技厅 would otherwise match 科技 in 科技手段), and another province's rules or units
// (广东的反拐实施细则, 浙江公安厅 — the Fujian clause or unit would be a wrong answer), and facts it
// never gives (反拐办值班电话多少, 主任是谁, 预算多少).

/** Provincial-level divisions other than Fujian, and 外省; the document names none of them. */
const OTHER_PROVINCES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '江西', '山东',
  '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西',
  '西藏', '宁夏', '新疆', '香港', '澳门', '外省',
];
/** Provinces by name (外省 names none: 外省的孩子 may be ours to help). */
const NAMED_PROVINCES = OTHER_PROVINCES.filter((p) => p !== '外省');
/** Fujian's cities: a city's own plan (厦门市的实施方案) is not the province's rules. */
const CITIES = ['福州', '厦门', '泉州', '漳州', '莆田', '三明', '南平', '龙岩', '宁德', '平潭'];
/** Large cities of other provinces, named without their province (深圳的志愿者, 上海救助站). */
const OTHER_CITIES = ['深圳', '广州', '东莞', '佛山', '杭州', '宁波', '温州', '南京', '苏州', '武汉', '成都', '西安', '长沙', '郑州', '济南', '青岛', '合肥', '南昌', '昆明', '贵阳', '南宁', '赣州', '汕头', '潮州'];
/** What a province's own rules are called. */
const RULES = '实施细则|细则|行动计划|实施方案|方案|规定|办法|条例|文件|政策';
const OWN_RULES = new RegExp(
  `(${OTHER_PROVINCES.join('|')})(省|市|自治区)?(的)?(反拐|打拐)?(工作)?(${RULES})|(${CITIES.join('|')})市?(的)?(今年|本年度?|年度)?(的)?(反拐|打拐)?(工作)?(年度)?(${RULES})`,
);
/** 广东那边的联席会议办公室 / 厦门市反拐联席会议办公室: another province's or a city's own joint meeting or office. */
const OWN_BODY = new RegExp(
  `(${[...NAMED_PROVINCES, ...CITIES].join('|')})(省|市|自治区)?(综合实验区|实验区|新区)?(那边|那里|那儿)?(的)?(省)?(反拐|打拐)?(工作)?(联席会议|办公室|反拐办|打拐办)`,
);
/** 广西的打拐经费 / 上海救助站: what belongs to another province or city. */
const OWNED = new RegExp(
  `(${[...NAMED_PROVINCES, ...OTHER_CITIES].join('|')})(省|市|自治区)?(的|(?=救助站|救助管理站|派出所|公安局|民政局|志愿者|福利院))`,
);
/** 浙江那边…是怎么做的: another province's practice. */
const PRACTICE = new RegExp(`(${NAMED_PROVINCES.join('|')})(省|市)?(那边|那里|那儿)?[^]{0,40}?(怎么做|是怎么|做法|经验)`);
/** 龙岩市教育局: a Fujian city's own bureau, not the province's. */
const CITY_BODY = new RegExp(`(${CITIES.join('|')})市?[\u4e00-\u9fff]{1,6}?(局|厅|委|办)`);
const PROVINCE_THEN = new RegExp(`(${OTHER_PROVINCES.join('|')})(省|市|自治区)?(的)?`, 'g');
/** A government body by its name's ending; village and street bodies are left to the search. */
const BODY = /^[\u4e00-\u9fff]{1,6}(厅|局|委|办|办公室)$/u;
/**
 * National bodies, and party departments the document never names: it is the province's, and
 * names no ministry nor the State Council's own bodies (国务院反拐部际联席会议), no 组织部 or
 * 统战部. 公安部门 is "the police", not the ministry.
 */
const NATIONAL = /国务院|部际联席|组织部|统战部|全国(妇联|总工会|残联|关工委|人大)|国家(卫健委|卫生健康委|移民管理局|民政部|发改委|市场监管总局|广电总局|网信办|医保局)|团中央|中央网信办|中央政法委|(?:公安|民政|教育|司法|人社|人力资源和社会保障|卫健|卫生健康|外交|商务|财政|文旅|文化和旅游)部(?!门)/;
const GRASSROOTS = /^(村|居|街道|社区|乡|镇)/;
/** The endings a bureau's name keeps when the segmenter cuts them off (自然资源|厅). */
const BUREAU_ENDING = ['厅', '局', '委'];
/** Rooms and halls, not bodies (婚姻登记大厅, 歌厅). */
const PLACE = /(大|餐|歌|舞|客|饭|展|门|咖啡|营业|服务|办事)厅$/;

/** The text without province names (to ask whether anything else is asked beside a unit). */
export const withoutProvinces = (text: string) => text.replace(PROVINCE_THEN, ' ');

export interface OutsideScopeOptions {
  /** A unit of the knowledge base by this word, or a word the vocabulary knows (歌厅 is a place). */
  isKnown: (word: string) => boolean;
  /** The word stands in the documents' text. */
  inDocuments: (word: string) => boolean;
  /** Words of neighbouring policy areas the vocabulary lists (outside_words). */
  outsideWords?: readonly string[];
}

/** What the assistant already knows of the question when it asks. */
export interface OutsideQuestion {
  /** The normalised question with staff words read in context. */
  text: string;
  /** Before staff words were read in context (电话 may have become 举报). */
  asTyped: string;
  /** Its topic words with the known units cut out. */
  topicWords: readonly string[];
  /** Where the units it names start in `text`. */
  unitStarts: readonly number[];
  /** A unit and nothing else is asked (worked out only when a province is named). */
  unitQuestion: () => boolean;
}

export type OutsideReason = {
  kind: 'unknown-unit' | 'other-province' | 'other-level' | 'facts' | 'not-who' | 'outside-word' | 'task';
  word: string;
};
/**
 * Facts the document never gives, whatever else is asked: contact details and office holders
 * (值班电话多少, 主任是谁, 哪位副县长), money, scores and counts (预算多少, 补贴一次给多少, 开了几次, 扣分标准),
 * dates and other documents (啥时候开全体会议, 2022年的年度实施方案, 和上一版有哪些变化), standards and
 * sentencing (立案标准是啥, 判几年, 案例), and which hospital. (负责人是谁 is how staff ask who is responsible.)
 */
const FACTS = new RegExp(
  [
    // contacts and office holders
    '(电话|号码|手机号|热线号|地址|网址|邮箱|微信号)(是|为)?(多少|几号|啥|什么|在哪|哪里)|(主任|局长|厅长|处长|科长|主席|书记|组长)(现在|目前)?(是谁|叫什么|叫啥|是哪位)|(打|拨)(哪个|什么|啥)(电话|号码)|哪位(副)?(省长|市长|县长|区长|主任|局长|厅长|书记|领导)|联络员(名单|是谁|有哪些)|联系人|对接人',
    // money, scores and numbers
    '(预算|经费|拨款|资金)(有|是|为)?(多少|几)|开(了|过)?几次|(占|扣|加|算)(几|多少)分|分值(是|为)?(多少|几)|(补贴|补助|奖励|奖金|报酬|工资)(一般|大概|大约|能)?(有|是|为|拿|标准)?(多少|几)|(一次|每次|每人|每月|一个月)(给|发)(多少|几)|多少钱|(扣分|评分|打分|计分)(标准|细则|办法)|编号规则|报销(多少|几)|比例(是)?多少|报销比例|编号(是)?(怎么|如何|咋)|(什么|啥)级别',
    // dates and other documents
    '(什么|啥)时候(开(?![展学始放])|召开|举行|出台|印发|发布|公布)|(哪天|几号|几月份?)(开(?![展学始放])|召开|举行)|20\\d\\d年?(的|度)?[^，,。？?]{0,8}?(实施方案|工作要点|工作计划)|名义(发|印发|下发)|(和|跟|与)(之前|以前|上一版|旧版|老版)[^]{0,30}?(变化|区别|不同)|有(哪些|什么|啥)(变化|区别|不同)|(会议|常务会|常委会)通过|有没有自己的',
    // standards, sentencing and cases
    '标准(是|为|有)?(啥|什么|多少|怎样|怎么样|如何)|(什么|啥|哪些)标准|判(几|多少)年|判多久|怎么判(?![断定别])|量刑|案例|判例|字段|(管|持续|关|坚持)几年',
    // places
    '(哪家|哪个|哪几家)医院',
  ].join('|'),
);
/**
 * What a question asks when it is not who is responsible: how many (全省破了多少起), how long and when
 * (多长时间, 什么时候发的), where to go and what to bring (去哪办, 要带啥, 什么条件), how to (怎么识别;
 * not 咋办 or 怎么处理, which staff ask of the rules themselves),
 * and judgements (靠谱吗, 判了没, 为什么). The document answers none of these; asked beside who is
 * responsible (户口去哪办，哪个部门负责), the who part is answered.
 */
const ASKS_OTHER = new RegExp(
  [
    '多少(?!条|项|款|个单位|个部门|家单位|家部门)',
    '(?<![好十])几(起|例|次|人|名|个人|天|年|岁|小时|分钟|号|月|场|课时|节)|哪几个(?!部门|单位)|哪些人|(?<![好十])几个[\u4e00-\u9fff]{0,6}([？?吗呢啊呀]|$)',
    '多长时间|多久|什么时候|啥时候|何时|哪年|哪天',
    '去哪|到哪(里|儿)?(去|办|做|查)',
    '(带|交|准备|提交|提供)(啥|什么|哪些)',
    '(什么|啥|哪些)(条件|窗口|许可证|许可|证件|执照)|条件是',
    '(怎么|怎样|如何|咋)(识别|分辨|教|上传|提交|申请|办理|征收|缴纳|报销|领取|领|认定|评定|收费|报名|申报|操作|判断|查询|维权|索赔|起诉|处分|追责|算|填|预约|点|下载|打印|登录|注册|写(?!的)|迁|发布|投诉|查|评分)|(哪些|什么|啥)(活动)?内容|(哪些|什么)评(优|先)|按钮|(什么|啥|哪些)(处分|处罚|惩戒|惩罚|级别)|会(被)?(处分|判刑|坐牢)|(哪些|哪个|什么)平台|有新(规定|政策|文件)',
    '(什么|啥|哪些)(程序|手续|流程|表|格式)|名单|名录|哪几个(县|市|乡|镇|村|区|地方)|判得(轻|重)|判多重|(能|可以)?(拿到|要到|获得|得到)(赔偿|补偿)|哪几个月|判了没|判了吗|判没判|(有|给)(补贴|补助|奖金)吗',
    '靠谱|可靠吗|有用吗|管用吗|判刑吗',
    '(啥|什么)(特征|方法|办法|技巧|窍门|好办法)|好方法|为什么|为啥',
  ].join('|'),
);
/**
 * Asked whatever else the question says: personal advice (我表姐被骗去缅甸了怎么办), legality and
 * opinions (合不合法, 你觉得), a template, and who signed the document.
 */
const ADVICE_OR_OPINION =
  /^(我|俺)(?!们)[^]{0,60}?(怎么办|咋办)|我(该|应该)(先)?(干嘛|做啥|做什么|怎么办|咋办|找谁|找哪)|合不合法|合法吗|(违法|合法|犯法|犯罪)(不|没)$|违不违法|违法吗|犯法吗|犯不犯法|是不是违法|算不算违法|是不是犯罪|算不算犯罪|算犯罪吗|你觉得|你认为|您觉得|模板|是什么意思|什么意思|啥意思|是指(什么|啥|哪)|指的是(什么|啥|哪)|最重要|最关键|(清单|名单)(谁有|有没有|能发|发一下|发下|给一份)|网上(怎么|能|可以)|系统(里|上)?(怎么|咋)|怎么操作|要回来|还能用吗|能用吗|我(要不要|该不该|需不需要)|是真的吗|是不是真的|真的假的|(要求|索要|索取)[\u4e00-\u9fff]{0,4}赔偿|(太|过于)(严|松|宽)了|谁(签发|起草|编写|印发|发布|签)的/;
/** Who is asked: a unit, a role, a responsibility (哪个部门, 归谁, 谁牵头, 责任单位). */
const ASKS_WHO = /谁|哪个(部门|单位|厅|局|机关|口子?)|哪些(部门|单位)|哪几(个|家)?(部门|单位)|哪几家|哪家|(什么|啥)(部门|单位)|归口|归哪|(?<!理)管(?!理|控)|负责|牵头|配合|主管|职责|分工|责任/;
/**
 * A question: a question mark, a particle or a question word (是不是, 够不够, 几). Not 怎么/咋/哪,
 * which staff use of the rules themselves (怎么遣送, 咋落户, 送哪里).
 */
const ASKS = /[?？]|吗|么$|是不是|算不算|能不能|可不可以|可以吗|有没有|什么|啥|几|多少|为什么|为啥|([\u4e00-\u9fff])[不没]\1/;
/**
 * Asking who or which clause in other words than ASKS_WHO: a unit, the rules (哪条规定的, 原文), and
 * 怎么办 / 咋处理, which staff ask of the rules themselves.
 */
const ASKS_WHO_TOO = /单位|部门|哪条|哪一条|第几条|条款|(哪|什么|啥)条?规定|规定的|出处|写在|哪里写|原文|全文|找谁|找哪|对接|怎么办|咋办|咋整|(怎么|咋|如何)(处理|弄|搞|管)|该咋/;

/** What the rules require (要不要, 会一票否决吗, 得进课堂吗, 文件咋说): the clause that says it answers. */
const RULE_ASKED = /要|需要|得|应该|应当|该|必须|会|能|纳入|列入|包括|有.{0,6}吗|有没有|怎么说|咋说|怎么规定|分几/;

/**
 * A question that asks something (代孕是不是违法的, 人贩子一般用什么手段, 细则有纸质版的吗) but not who
 * is responsible nor which clause: ranked search would answer its topic, not what it asks. (A topic
 * alone, 婚姻登记, asks nothing and is searched.)
 */
export function asksOtherThanWho(question: string, roleWords: readonly string[]): boolean {
  return ASKS.test(question) && !asksWho(question, roleWords) && !ASKS_WHO_TOO.test(question) && !RULE_ASKED.test(question);
}

/** Asks who: 归谁管, 哪个部门, or one of the vocabulary's role words (牵头, 打下手). */
export function asksWho(text: string, roleWords: readonly string[]): boolean {
  return ASKS_WHO.test(text) || roleWords.some((w) => text.includes(w));
}

/** Writing asked for (帮我写几条宣传标语): not a question about the document. */
const TASK = /帮(我|忙)?(写|起草|拟|编|总结|概括|归纳|翻译)|介绍(一?下)?(你)?自己|你(能|会)(干|做)(啥|什么)|你是谁|(总结|概括|归纳|翻译)(一下|下)|(写|拟|编)(几|一)(条|篇|段|份|个)/;

export function createOutsideScope(o: OutsideScopeOptions) {
  return {
    /**
     * A province named as a trafficking route (从广东拐来的) is no reason, nor its police in a question
     * about working with them (跟外省警察一起抓): only its rules, or its unit's own duties, are.
     */
    find(q: OutsideQuestion): OutsideReason | null {
      const { text, topicWords } = q;
      const facts = FACTS.exec(q.asTyped);
      if (facts) return { kind: 'facts', word: facts[0] };
      const advice = ADVICE_OR_OPINION.exec(q.asTyped);
      if (advice) return { kind: 'not-who', word: advice[0] };
      const task = TASK.exec(q.asTyped);
      if (task) return { kind: 'task', word: task[0] };
      const listed = o.outsideWords?.find((w) => q.asTyped.includes(w));
      if (listed) return { kind: 'outside-word', word: listed };
      const national = NATIONAL.exec(q.asTyped);
      if (national) return { kind: 'unknown-unit', word: national[0] };
      const rules = OWN_RULES.exec(q.asTyped) ?? OWN_BODY.exec(q.asTyped) ?? OWNED.exec(q.asTyped);
      if (rules) return { kind: 'other-province', word: rules[1] ?? rules[7]! };
      const practice = PRACTICE.exec(q.asTyped);
      if (practice) return { kind: 'other-province', word: practice[1]! };
      const cityBody = CITY_BODY.exec(q.asTyped);
      if (cityBody) return { kind: 'other-level', word: cityBody[0] };
      const provinces = q.unitStarts.length ? [...text.matchAll(PROVINCE_THEN)] : [];
      if (provinces.length && q.unitQuestion()) {
        const starts = new Set(q.unitStarts);
        // 广东省民政厅: the unit's own name may begin with the 省 that follows the province.
        const m = provinces.find((p) => starts.has(p.index + p[0].length) || starts.has(p.index + p[1]!.length));
        if (m) return { kind: 'other-province', word: m[1]! };
      }
      // 管理局 alone stands in the document (通信管理局), 邮政管理局 does not: a bureau's name is read
      // with the topic word written right before it.
      const unknown = (w: string, i: number): string | undefined => {
        if (!(BODY.test(w) || w === '办公室') || GRASSROOTS.test(w) || PLACE.test(w) || o.isKnown(w)) return undefined;
        if (!o.inDocuments(w)) return w;
        const before = topicWords[i - 1];
        // An office (办公室) is the joint meeting's own unless named by what the document never says (台湾事务办公室).
        const office = w === '办公室' && before !== undefined && !o.inDocuments(before);
        const named =
          before !== undefined && (/..(局|厅)$/.test(w) || office) && text.includes(before + w) && !o.inDocuments(before + w) && !o.isKnown(before + w);
        return named ? before + w : undefined;
      };
      // The segmenter may cut a bureau's ending off (自然资源|厅): the word with the 厅/局/委 written
      // right after it is the name.
      const glued = (w: string): string | undefined => {
        let at = text.indexOf(w);
        while (at >= 0 && !BUREAU_ENDING.includes(text[at + w.length] ?? '')) at = text.indexOf(w, at + 1);
        if (at < 0) return undefined;
        const name = w + text[at + w.length];
        return !GRASSROOTS.test(w) && !PLACE.test(name) && !o.isKnown(name) && !o.inDocuments(name) && !o.inDocuments(name + '长') ? name : undefined;
      };
      for (const [i, w] of topicWords.entries()) {
        const word = unknown(w, i) ?? glued(w);
        if (word) return { kind: 'unknown-unit', word };
      }
      // Last: any named reason above says more than what is asked.
      const other = ASKS_OTHER.exec(q.asTyped);
      if (other && !ASKS_WHO.test(q.asTyped) && !ASKS_WHO_TOO.test(q.asTyped)) return { kind: 'not-who', word: other[0] };
      return null;
    },
  };
}
