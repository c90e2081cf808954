/**
 * Hand-made matching rules on top of the division data. Every entry says why it exists:
 * a wrong city is worse than no city (the story is still in 滚动 and its sections), so when in
 * doubt a name only matches in its full form.
 */

/** How a short form (a full name without its 区/县/市) that is not safe in running text is treated. */
export interface SuffixOnlyRule {
  /** Why the bare short form must not match inside running text. */
  readonly reason: string;
  /**
   * True when the bare form is still safe as a whole tag or as the place of a headline's
   * 「山东X：」 (the portal writes 「山东惠民：」), i.e. the trap is only a substring one.
   */
  readonly asWholeName: boolean;
}

/**
 * Short forms that only match with their suffix in running text. One-character short forms
 * (单, 莒, 费, 曹, 冠, 莘) never exist: the short form needs at least two characters.
 */
export const SUFFIX_ONLY: ReadonlyMap<string, SuffixOnlyRule> = new Map<string, SuffixOnlyRule>([
  // 济南
  ['市中', { reason: '市中心; 市中区 is also in 枣庄 (and in Sichuan)', asWholeName: false }],
  ['槐荫', { reason: 'a word: the shade of locust trees', asWholeName: true }],
  ['天桥', { reason: 'a footbridge; 北京天桥', asWholeName: false }],
  ['钢城', { reason: 'nickname of 包头, 鞍山, 攀枝花 (steel city)', asWholeName: false }],
  ['长清', { reason: '…长 + 清理/清单/清楚 (校长清楚, 增长清单)', asWholeName: true }],
  ['商河', { reason: '客商/招商 + 河南/河北/河道 (全国客商河南行)', asWholeName: true }],
  // 青岛
  ['市南', { reason: '城市南部, 城市南区', asWholeName: true }],
  ['市北', { reason: '城市北部, 城市北区', asWholeName: true }],
  // 淄博
  ['高青', { reason: '提高青年/青少年/青春 …', asWholeName: true }],
  ['周村', { reason: '…周 + 村民/村里 (宣传周村民, 本周村里); village names', asWholeName: true }],
  // 枣庄
  ['山亭', { reason: 'a pavilion on a hill (半山亭)', asWholeName: true }],
  // 东营
  ['河口', { reason: '黄河口, 入海口, estuary; 河口县 in Yunnan', asWholeName: false }],
  // 烟台
  ['福山', { reason: 'Fukuyama (日本福山, 福山雅治)', asWholeName: false }],
  ['栖霞', { reason: '栖霞区 and 栖霞山 are in 南京; only 栖霞市 is 烟台', asWholeName: false }],
  // 潍坊
  ['坊子', { reason: 'village names and words ending in 坊 + 子 (油坊子)', asWholeName: true }],
  ['昌邑', { reason: '昌邑区 is in 吉林市; only 昌邑市 is 潍坊', asWholeName: false }],
  // 济宁
  ['任城', { reason: '担任/出任 + 城市/城管 (担任城管局长)', asWholeName: true }],
  ['泗水', { reason: 'Surabaya (印尼泗水) and the river', asWholeName: false }],
  // 泰安
  [
    '泰山',
    {
      reason: 'the mountain in idioms (重于泰山), 山东泰山 football club (济南)',
      asWholeName: false,
    },
  ],
  [
    '东平',
    { reason: '广东平…/山东平… across a word boundary; towns elsewhere', asWholeName: true },
  ],
  // 日照
  ['东港', { reason: '东港市 is in 辽宁; a common harbour name', asWholeName: false }],
  ['岚山', { reason: 'Arashiyama (京都岚山)', asWholeName: false }],
  // 临沂
  ['兰山', { reason: '皋兰山 (兰州) and other hills', asWholeName: true }],
  [
    '河东',
    { reason: 'common word (三十年河东, 河东狮吼); 河东区 is also in 天津', asWholeName: false },
  ],
  // 德州
  ['庆云', { reason: 'a common given name', asWholeName: true }],
  ['陵城', { reason: '铜陵/涪陵/醴陵/金陵 + 城 (铜陵城区)', asWholeName: true }],
  ['平原', { reason: 'plain (华北平原, 平原地区)', asWholeName: false }],
  // 聊城: none.
  // 滨州
  ['滨城', { reason: 'nickname of 大连', asWholeName: false }],
  ['惠民', { reason: 'a word: benefiting the people (惠民政策, 惠民便民)', asWholeName: true }],
  // 菏泽
  ['牡丹', { reason: 'the flower', asWholeName: false }],
  ['成武', { reason: '…成 + 武器/武术/武汉 (变成武器)', asWholeName: true }],
  ['东明', { reason: 'a common given name; towns elsewhere', asWholeName: true }],
]);

/**
 * Words that contain or overlap a place name but are not that place. They are matched like
 * names (leftmost, longest, no overlap) and consume their characters without naming a city.
 * Left-context words start before the name and win by starting first: 「山东营商环境」 is
 * 山东 + 营商, not 山 + 东营; 「合肥城区」 is 合肥 + 城区, not 肥城. Right-context words extend
 * the name and win by being longer: 「日照时数」, 「福利津贴」. A name that starts earlier still
 * wins over a left-context word (聊城市 over 城市), so these only hide names across a word
 * boundary.
 */
export const NOT_PLACES: readonly { readonly words: readonly string[]; readonly reason: string }[] =
  [
    // Left context: common words ending in a name's first character.
    {
      words: [
        '山东',
        '广东',
        '华东',
        '辽东',
        '胶东',
        '鲁东',
        '江东',
        '关东',
        '粤东',
        '浙东',
        '豫东',
      ],
      reason: '…东 + 营/阿: 山东营商环境, 山东阿胶 (山东东营 still reads 山东 + 东营)',
    },
    {
      words: ['冀东', '皖东', '苏东', '股东', '远东', '中东'],
      reason: 'as above: 股东营收, 中东阿拉伯',
    },
    { words: ['城市'], reason: '城市南区/城市北区 are not 市南区/市北区' },
    { words: ['途经', '路经', '行经'], reason: 'so that 途经济南 reads 途经 + 济南, not 经济南' },
    {
      words: [
        '经历',
        '简历',
        '日历',
        '学历',
        '病历',
        '履历',
        '阅历',
        '资历',
        '农历',
        '来历',
        '游历',
      ],
      reason: '…历 + 下载/下降/城市 (简历下载, 经历城市化), not 历下/历城',
    },
    { words: ['开垦'], reason: '开垦 + 利用, not 垦利' },
    { words: ['南昌', '武昌'], reason: '南昌 + 乐…, not 昌乐' },
    { words: ['桥梁', '脊梁', '栋梁'], reason: '桥梁 + 山区, not 梁山' },
    {
      words: ['创新', '更新', '重新', '全新', '刷新', '革新', '崭新', '翻新', '清新', '焕新'],
      reason: '创新 + 泰山…, not 新泰',
    },
    {
      words: [
        '合肥',
        '化肥',
        '施肥',
        '减肥',
        '追肥',
        '底肥',
        '机肥',
        '绿肥',
        '农肥',
        '磷肥',
        '钾肥',
        '氮肥',
      ],
      reason: '合肥 + 城区, 化肥 + 城乡, not 肥城',
    },
    { words: ['无聊', '闲聊', '畅聊', '群聊', '网聊', '聊聊'], reason: '无聊 + 城市, not 聊城' },
    { words: ['付诸'], reason: '付诸 + 城…, not 诸城' },
    {
      words: ['道德', '品德', '美德', '公德', '师德', '医德', '厚德', '明德', '功德'],
      reason: '道德 + 城市, not 德城',
    },
    {
      words: ['威武', '习武', '尚武', '比武', '核武', '玄武', '练武', '演武', '动武', '用武'],
      reason: '威武 + 城管, not 武城',
    },
    {
      words: ['光荣', '繁荣', '殊荣', '虚荣', '尊荣', '共荣', '向荣'],
      reason: '光荣 + 成为, 繁荣 + 成果, not 荣成',
    },
    {
      words: ['权威', '示威', '国威', '军威', '声威', '助威', '发威', '挪威'],
      reason: '权威 + 海外, 挪威 + 海鲜 (挪威海), not 威海',
    },
    {
      words: ['面临', '光临', '来临', '降临', '濒临', '莅临', '亲临', '君临'],
      reason: '面临 + 清理/清零, not 临清',
    },
    {
      words: [
        '整齐',
        '一齐',
        '看齐',
        '补齐',
        '配齐',
        '备齐',
        '凑齐',
        '到齐',
        '齐齐',
        '对齐',
        '收齐',
      ],
      reason: '配齐 + 河长, 补齐 + 河道, not 齐河',
    },
    {
      words: ['宁夏', '华夏', '盛夏', '初夏', '入夏', '立夏', '仲夏'],
      reason: '宁夏 + 津…, not 夏津',
    },
    { words: ['微博'], reason: '微博 + 兴起, not 博兴' },
    {
      words: ['温泉', '喷泉', '矿泉', '清泉', '源泉', '山泉'],
      reason: '温泉 + 城市, not the alias 泉城',
    },
    {
      words: ['海岛城', '半岛城', '群岛城', '列岛城'],
      reason: '海岛城市, 山东半岛城市群, not the alias 岛城',
    },
    {
      words: [
        '金陵城',
        '平陵城',
        '铜陵城',
        '涪陵城',
        '醴陵城',
        '茶陵城',
        '江陵城',
        '夷陵城',
        '海陵城',
        '广陵城',
        '零陵城',
        '鄢陵城',
        '南陵城',
        '黄陵城',
        '巴陵城',
        '竟陵城',
        '武陵城',
      ],
      reason: 'places ending in 陵 + 城(区), not 陵城区 (东平陵城 is the old 济南 seat in 章丘)',
    },
    { words: ['经济南', '经济阳'], reason: '经济 + 南北/阳光 (区域经济南北差距)' },
    { words: ['国泰安'], reason: '国泰安 (CSMAR database), not 泰安' },
    { words: ['钓鱼台'], reason: '钓鱼台 (state guesthouse, islands), not 鱼台' },
    { words: ['上海阳', '大海阳光'], reason: '上海 + 阳…, not 海阳' },
    { words: ['开张店'], reason: '开张 + 店铺, not 张店' },
    { words: ['逼上梁山'], reason: 'the idiom, not 梁山' },
    { words: ['天津河东', '天津市河东', '新北市泰山'], reason: '天津 has a 河东区, 新北 a 泰山区' },
    {
      words: ['名单县', '清单县', '消费县', '经费县', '单县级', '单县域', '费县级', '费县域'],
      reason: '名单/清单/消费/经费 + 县级/县域, not 单县/费县',
    },
    {
      words: ['节日照明', '节日照常', '假日照常', '周日照常', '每日照常', '平日照常'],
      reason: '…日 + 照明/照常; with their left context because 日照常态化 is the city',
    },
    {
      words: ['节日照样', '假日照样', '周日照样', '平日照样'],
      reason: '…日 + 照样; with their left context because 日照样板 is the city',
    },
    // Right context: the name followed by the rest of a word that starts in its last character.
    {
      words: ['东营销', '东营业', '东营养', '东营造', '东营收', '东营运'],
      reason: '…东 + 营销/营业/营养/营造/营收/营运 after any 东-final word',
    },
    {
      words: ['东阿拉', '东阿里', '东阿根', '东阿富', '东阿联', '东阿姨'],
      reason: '…东 + 阿拉伯/阿里/阿根廷/阿富汗/阿联酋/阿姨, not 东阿',
    },
    {
      words: [
        '日照片',
        '日照顾',
        '日照料',
        '日照耀',
        '日照射',
        '日照时数',
        '日照时间',
        '日照时长',
        '日照时段',
        '日照小时',
        '日照充足',
        '日照充分',
        '日照不足',
        '日照条件',
        '日照量',
        '日照率',
        '日照百分率',
        '日照强度',
        '日照资源',
        '日照间距',
        '日照标准',
        '日照分析',
        '日照长达',
      ],
      reason:
        '日照 is sunshine (日照时数, 日照充足), and …日 + 照片/照顾/照耀 (节日照片); ' +
        'not 日照相关/日照应急/日照着力/日照入选, which are the city',
    },
    {
      words: [
        '德州扑克',
        '德州仪器',
        '德州大学',
        '德州州长',
        '德州农工',
        '德州奥斯汀',
        '德州休斯敦',
        '德州达拉斯',
        '德州电锯',
        '德州游骑兵',
        '美国德州',
      ],
      reason: '德州 is also Texas',
    },
    { words: ['枣庄园', '枣庄稼'], reason: '红枣 + 庄园, not 枣庄' },
    { words: ['烟台风', '烟台湾', '烟台阶', '烟台账'], reason: '控烟 + 台账, 烟 + 台风, not 烟台' },
    {
      words: ['城阳光', '城阳台', '城阳性', '城阳朔'],
      reason: '全城 + 阳光, 新城 + 阳台, not 城阳',
    },
    { words: ['海阳光', '海阳台', '海阳性', '海阳春', '海阳历'], reason: '大海 + 阳光, not 海阳' },
    { words: ['水平度', '公平度', '和平度', '扁平度'], reason: '…平度 words, not 平度' },
    { words: ['张店铺', '张店面', '张店员'], reason: '扩张/开张 + 店铺, not 张店' },
    { words: ['高密度', '高密级', '高密闭', '高密集'], reason: '高 + 密度, not 高密' },
    {
      words: ['龙口夺', '龙口罩', '龙口号', '龙口味', '龙口碑', '龙口感', '龙口腔'],
      reason: '龙口夺粮 (harvest idiom), 长龙 + 口罩/口号, not 龙口',
    },
    { words: ['利津贴', '利津冀'], reason: '福利 + 津贴, 便利 + 津冀, not 利津' },
    { words: ['宁津贴'], reason: '…宁 + 津贴, not 宁津' },
    { words: ['金乡村', '金乡镇'], reason: '资金/黄金 + 乡村; 金乡镇 is in 浙江苍南' },
    { words: ['梁山伯'], reason: '梁山伯与祝英台, not 梁山' },
    {
      words: ['兰陵王', '兰陵笑笑生'],
      reason: 'historical figures (兰陵 was also 常州), not 兰陵',
    },
    { words: ['鱼台风', '鱼台湾', '鱼台阶', '鱼台账'], reason: '…鱼 + 台风/台湾, not 鱼台' },
    { words: ['新泰国', '新泰斗', '新泰然'], reason: '…新 + 泰国/泰斗, not 新泰' },
    {
      words: ['文登记', '文登录', '文登陆', '文登上', '文登场', '文登顶', '文登载', '文登台'],
      reason: '公文 + 登记, 论文 + 登录, not 文登',
    },
    { words: ['阳谷物', '阳谷雨', '阳谷底', '阳谷歌'], reason: '…阳 + 谷物/谷雨/谷歌, not 阳谷' },
    {
      words: [
        '阳信息',
        '阳信用',
        '阳信访',
        '阳信号',
        '阳信托',
        '阳信贷',
        '阳信心',
        '阳信誉',
        '阳信任',
        '阳信仰',
        '阳信赖',
      ],
      reason: '洛阳/沈阳 + 信息/信用/信访, not 阳信',
    },
    {
      words: ['高唐山', '高唐朝', '高唐代', '高唐诗'],
      reason: '提高 + 唐山, 最高 + 唐代, not 高唐',
    },
    {
      words: ['博兴起', '博兴趣', '博兴奋', '博兴建', '博兴盛', '博兴衰', '博兴致'],
      reason: '…博 + 兴起/兴趣, not 博兴',
    },
    {
      words: ['定陶瓷', '定陶醉', '定陶艺', '定陶冶', '定陶土'],
      reason: '稳定/固定 + 陶瓷, not 定陶',
    },
    {
      words: ['泰山区域', '河口区域', '牡丹区域'],
      reason: 'region words, not 泰山区/河口区/牡丹区',
    },
  ];
