// Traditional → simplified, for the characters of the document and of typical staff questions.
// Written by hand (no network, no big dependency); one pair per entry: traditional then simplified.
// Ambiguous characters map to the sense the document uses (發/髮 → 发, 係/繫 → 系, 乾/幹 → 干).

const PAIRS = `
與与 專专 業业 兩两 嚴严 個个 為为 爲为 舉举 義义 樂乐 鄉乡 買买 親亲 褻亵 們们 價价 優优 會会 傳传
傷伤 偽伪 僞伪 體体 偵侦 償偿 兒儿 興兴 養养 關关 農农 決决 況况 淨净 準准 減减 擊击 則则 創创 別别
劃划 辦办 務务 動动 勞劳 勢势 勵励 協协 單单 賣卖 衛卫 衞卫 廳厅 厲厉 壓压 縣县 參参 雙双 發发 髮发 變变
臺台 檯台 颱台 員员 響响 問问 團团 園园 國国 場场 堅坚 塊块 處处 備备 復复 複复 頭头 獎奖 婦妇 娛娱
嬰婴 學学 寧宁 寶宝 實实 審审 憲宪 賓宾 對对 尋寻 導导 將将 歲岁 崗岗 鞏巩 師师 幫帮 幗帼 幹干 乾干
並并 併并 廣广 應应 開开 異异 棄弃 張张 強强 彊强 歸归 當当 錄录 徹彻 徵征 懷怀 態态 總总 懲惩 願愿
戰战 戶户 戸户 執执 擾扰 擴扩 撫抚 搶抢 護护 報报 擔担 擬拟 擁拥 擇择 擠挤 揮挥 撿捡 據据 數数 斷断
無无 時时 顯显 術术 機机 權权 殺杀 條条 來来 極极 構构 標标 樣样 檢检 檔档 歡欢 殘残 氣气 匯汇 彙汇
溝沟 沒没 洩泄 潔洁 濟济 測测 遊游 灣湾 滿满 滯滞 濾滤 災灾 點点 熱热 愛爱 牽牵 狀状 獄狱 獻献 環环
現现 電电 畫画 暢畅 療疗 監监 蓋盖 盜盗 碼码 確确 礙碍 禮礼 離离 種种 積积 稱称 竊窃 簽签 籤签 簡简
籌筹 類类 係系 繫系 紀纪 約约 級级 納纳 線线 組组 細细 織织 終终 紹绍 經经 結结 給给 絡络 統统 繼继
續续 維维 綜综 締缔 網网 罰罚 職职 聯联 脅胁 脫脱 臉脸 節节 範范 獲获 營营 慮虑 虛虚 補补 視视 規规
計计 認认 訓训 議议 記记 設设 訪访 證证 評评 識识 訴诉 誠诚 詢询 說说 請请 課课 調调 誰谁 負负 財财
責责 賬账 質质 販贩 貧贫 貫贯 貼贴 費费 資资 車车 轉转 較较 輟辍 輸输 邊边 達达 過过 運运 還还 這这
進进 違违 釋释 裡里 裏里 鑒鉴 鑑鉴 鐵铁 銷销 長长 門门 間间 聞闻 隊队 際际 險险 難难 順顺 頓顿 預预
領领 頻频 題题 風风 館馆 驗验 騙骗 齡龄 區区 醫医 華华 歷历 曆历 廠厂 號号 嗎吗 聽听 圍围 圖图 壞坏
聲声 夠够 奪夺 孫孙 寬宽 爾尔 層层 屬属 帶带 庫库 莊庄 驚惊 慣惯 憂忧 掃扫 揚扬 掛挂 損损 換换 擺摆
鬥斗 雜杂 槍枪 櫃柜 樹树 橋桥 夢梦 樓楼 畢毕 漢汉 漲涨 漸渐 漁渔 濕湿 滅灭 燈灯 靈灵 煩烦 燒烧 獨独
礎础 穩稳 窮穷 筆笔 築筑 緊紧 糾纠 紅红 紙纸 練练 綁绑 絕绝 績绩 綠绿 緣缘 編编 縮缩 膽胆 勝胜 腦脑
捨舍 薦荐 榮荣 藥药 藍蓝 雖虽 裝装 見见 觀观 覺觉 討讨 讓让 訊讯 講讲 許许 論论 診诊 詞词 譯译 試试
話话 該该 語语 誤误 讀读 談谈 謝谢 敗败 貨货 購购 貿贸 趕赶 輕轻 載载 輛辆 轄辖 遷迁 遠远 連连 遲迟
適适 選选 遺遗 郵邮 錢钱 銀银 錯错 閉闭 鬧闹 陽阳 陰阴 頁页 項项 須须 顧顾 飛飞 飯饭 齊齐 麼么 麽么
丟丢 擄掳 誘诱 拐拐 綁绑 婚婚 姻姻 養养 產产 託托 穢秽 猥猥 嫖嫖 娼娼 賭赌 毒毒 警警 務务 夥伙 僱雇
鎮镇 縣县 區区 鄰邻 幣币 衝冲 於于 後后 餘余 隻只 麵面 鐘钟 鍾钟 團团 衆众 眾众 傢家 啓启 啟启 廢废
戲戏 歌歌 廳厅 總总 吧吧 館馆 賓宾 媽妈 爺爷 孃娘 媳媳 買买 賣卖 離离 綫线 軟软 蘭兰 陸陆 陳陈 劉刘
楊杨 黃黄 鄭郑 趙赵 韓韩 蘇苏 閩闽 滬沪 臺台 護护 學学 輔辅 導导 諮咨 詢询 顧顾 問问 衛卫 獨独 寫写
聽听 讀读 說说 邏逻 輯辑 遞递 閱阅 覽览 賞赏 讚赞 贊赞 襲袭 觸触 權权 侶侣 戀恋 憑凭 鄉乡 紓纾 犧牺 牲牲
擬拟 儲储 濫滥 釐厘 錶表 鏈链 雲云 霧雾 頒颁 領领 額额 顏颜 驅驱 騷骚 鬱郁 鷄鸡 雞鸡 魚鱼 鳥鸟 龍龙
紛纷 絲丝 綱纲 網网 緝缉 綜综 緒绪 總总 縱纵 織织 繪绘 繳缴 纖纤 蹤踪 躍跃 踐践 辭辞 農农 邁迈 鄧邓
療疗 癥症 盡尽 盤盘 矯矫 磚砖 祿禄 禍祸 稅税 穌稣 竄窜 競竞 筍笋 範范 糧粮 緩缓 縣县 罷罢 羅罗 聖圣
肅肃 腳脚 膚肤 艱艰 衆众 蘋苹 處处 號号 蝦虾 衊蔑 補补 製制 複复 襪袜 覓觅 訂订 訟讼 詐诈 詳详 誕诞
誌志 諸诸 謀谋 謊谎 謠谣 謹谨 譜谱 豐丰 貝贝 貢贡 貪贪 貸贷 賠赔 賴赖 賢贤 趨趋 軌轨 輪轮 辯辩 遜逊
醬酱 針针 鋪铺 鍛锻 鎖锁 鏡镜 閑闲 閒闲 隱隐 隨随 隸隶 雙双 韋韦 飲饮 飽饱 駐驻 駕驾 麥麦 黨党
`;

const MAP: Map<string, string> = (() => {
  const map = new Map<string, string>();
  for (const pair of PAIRS.split(/\s+/)) {
    const [t, s] = Array.from(pair);
    if (t && s && t !== s) map.set(t, s);
  }
  return map;
})();

// No key is special inside a character class (each is one Chinese character).
const TRADITIONAL = new RegExp(`[${[...MAP.keys()].join('')}]`, 'gu');

export function toSimplified(text: string): string {
  // Most text has no traditional character at all: the regular expression finds that natively.
  return text.replace(TRADITIONAL, (ch) => MAP.get(ch)!);
}

/** Number of distinct traditional characters known (for tests and diagnostics). */
export const traditionalCharCount = MAP.size;
