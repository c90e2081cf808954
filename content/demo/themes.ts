/**
 * Sentence templates for the demo generator, grouped by news theme. Slots in
 * braces are filled per article (see generate.ts); `**x**` marks emphasis
 * that becomes <strong>, `*x*` becomes <em>. Every headline has its own lead
 * paragraph so the story opens on what the headline says; the "middles" are
 * written to fit any story of their theme. All people named are the stock
 * placeholder names 张三/李四/王五…, and every generated article ends with a
 * 示例内容 note, so nothing here can be mistaken for real reporting.
 */

/** The themes a story can have; each writes bodies in its own vocabulary. */
export type ThemeName = 'tourism' | 'industry' | 'agri' | 'livelihood' | 'eco' | 'culture' | 'tech';

/** A generic headline with the paragraph that opens its story (and optionally a second one). */
export interface StoryTemplate {
  readonly title: string;
  readonly lead: string;
  readonly more?: string;
}

/** Everything the generator needs to write one theme's stories. */
export interface Theme {
  /** Generic headlines for any city. */
  readonly stories: readonly StoryTemplate[];
  /** Further paragraphs that fit any story of the theme; a few are picked per article. */
  readonly middles: readonly string[];
  /** <h2> section headings that fit before any of the middles. */
  readonly headings: readonly string[];
  /** Bullet lists, each under its own heading. */
  readonly lists: readonly { readonly heading: string; readonly items: readonly string[] }[];
  /** Quotations for <blockquote>. */
  readonly quotes: readonly string[];
  /** Kickers (引题) for the headline. */
  readonly kickers: readonly string[];
  /** Subtitles (副题). */
  readonly subtitles: readonly string[];
  /** Link text for the "more information" paragraph. */
  readonly linkText: string;
}

/** The generic themes. */
export const THEMES: Record<ThemeName, Theme> = {
  tourism: {
    stories: [
      {
        title: '{place}游人如织 {city}春季文旅消费持续升温',
        lead: '{md}，记者在{city}{place}看到，前来游览的市民游客络绎不绝，不少人专程从外地赶来。',
      },
      {
        title: '{city}推出{n}条精品旅游线路 串起{place}等热门景点',
        lead: '近日，{city}发布{n}条精品旅游线路，把{place}等热门景点和特色街区、乡村民宿串联起来。',
      },
      {
        title: '夜游{place}：灯光秀点亮{alias}夜经济',
        lead: '夜幕降临，{place}华灯璀璨，灯光秀、夜市集吸引了大批市民游客，{alias}的夜晚热闹非凡。',
      },
      {
        title: '{city}{place}周边环境提升工程完工',
        lead: '{md}，{city}{place}周边环境提升工程完工，改造后的步道、绿地和休闲设施向市民游客开放。',
      },
      {
        title: '研学游走俏 {city}{place}迎来学生团队',
        lead: '{md}，一批批学生研学团队走进{city}{place}，在行走中学习、在体验中成长。',
      },
      {
        title: '{city}发放文旅消费券 带动{place}周边商户客流回暖',
        lead: '{city}近日发放新一轮文旅消费券，{place}周边的餐饮、住宿商户明显感受到了客流回暖。',
      },
    ],
    middles: [
      '据景区工作人员介绍，今年以来，{place}陆续推出夜游、研学、非遗展演等新项目，游客停留时间明显延长。',
      '为提升游览体验，{city}对{place}周边的停车、如厕、导览等设施进行了改造，并在重点时段增派志愿者引导客流。',
      '数据显示，近一周{place}日均接待游客同比增长**{pct}%**，周边餐饮、住宿、文创消费同步升温。',
      '“带孩子来看看{place}，既能放松心情，也能长长见识。”来自{other}的游客李四说。',
      '{city}文旅部门相关负责人表示，下一步将继续丰富{alias}文旅产品供给，推动“流量”转化为“留量”。',
      '不少商户抓住客流回暖的机遇，推出*特色小吃*和文创产品，街巷里烟火气十足。',
    ],
    headings: ['记者观察', '文旅新观察'],
    lists: [
      {
        heading: '游玩小贴士',
        items: [
          '开放时间：以景区公告为准',
          '交通方式：可乘坐公共交通抵达',
          '预约方式：通过景区官方渠道实名预约',
        ],
      },
      {
        heading: '文明出游提示',
        items: [
          '错峰出行，避开上午10时至下午3时客流高峰',
          '文明游览，爱护景区设施和花草树木',
          '关注天气变化，注意防晒补水',
        ],
      },
    ],
    quotes: ['好的文旅体验，是让游客来了还想再来。', '把每一处细节做好，就是对游客最好的欢迎。'],
    kickers: ['春日里的{alias}', '文旅新观察', '假日经济'],
    subtitles: ['精品线路受青睐 夜间消费成亮点', '服务提质 体验升级'],
    linkText: '{city}旅游服务指南（示例链接）',
  },
  industry: {
    stories: [
      {
        title: '{city}：{industry}产业集群加速壮大',
        lead: '今年以来，{city}{industry}产业实现较快增长，成为拉动全市工业经济的重要力量。',
      },
      {
        title: '{county}一{industry}企业订单排到三季度',
        lead: '走进位于{county}的一家{industry}企业，生产线上机械臂往来穿梭，工人们正在加紧赶制订单。',
        more: '“订单已经排到了三季度，我们正在招聘新员工。”企业负责人王五说。',
      },
      {
        title: '{city}出台措施支持{industry}高质量发展',
        lead: '近日，{city}出台支持{industry}高质量发展的若干措施，从项目建设、技术创新、人才引进等方面加大支持力度。',
      },
      {
        title: '{city}新开工{n}个{industry}重点项目',
        lead: '{md}，在{city}一处{industry}项目建设现场，塔吊林立，机器轰鸣，施工人员正抢抓工期。',
        more: '据了解，此次集中开工的{n}个项目涵盖研发、制造、配套等环节，建成后将进一步完善全市{industry}产业链条。',
      },
      {
        title: '智能化改造让{city}{industry}企业跑出“加速度”',
        lead: '在{city}一家{industry}企业的智能化车间里，自动化设备有序运转，工人们通过屏幕就能掌握生产情况。',
      },
      {
        title: '{city}{industry}产品出口持续增长',
        lead: '今年以来，{city}{industry}产品出口保持增长势头，一批企业的海外订单明显增多。',
      },
    ],
    middles: [
      '近年来，{city}把{industry}作为重点培育的产业集群，围绕延链补链强链持续发力，已形成从研发设计到生产制造的较完整链条。',
      '企业负责人李四介绍，通过数字化改造，车间生产效率提升了**{pct}%**，产品不良率明显下降。',
      '{city}工业和信息化部门表示，将继续落实惠企政策，帮助企业解决用工、融资、用地等方面的难题。',
      '围绕{industry}，{city}今年计划实施一批重点项目，并引进上下游配套企业，推动产业*集群化*发展。',
      '业内人士认为，{city}在{industry}领域具备较好的产业基础，下一步关键在于提升自主创新能力。',
    ],
    headings: ['记者观察', '产业观察'],
    lists: [
      {
        heading: '重点举措',
        items: [
          '加快重点项目建设，推动早投产、早见效',
          '支持企业开展技术改造和数字化转型',
          '强化人才、资金、用地等要素保障',
        ],
      },
      {
        heading: '产业链条',
        items: ['研发设计', '核心部件制造', '整机装配与检测', '销售与售后服务'],
      },
    ],
    quotes: ['企业有需求，我们就上门服务，把问题解决在一线。', '创新是企业发展的底气。'],
    kickers: ['聚焦高质量发展', '项目建设一线', '产业观察'],
    subtitles: ['延链补链强链 集群效应显现', '订单饱满 生产繁忙'],
    linkText: '{city}惠企政策汇编（示例链接）',
  },
  agri: {
    stories: [
      {
        title: '{county}{crop}喜获丰收 农户脸上笑开颜',
        lead: '{md}，记者来到{county}，成片的{crop}种植基地里，农户们正忙着采收，脸上洋溢着丰收的喜悦。',
      },
      {
        title: '{crop}产业链越拉越长 {county}农民增收有门路',
        lead: '近年来，{county}立足资源禀赋，把{crop}作为富民增收的特色产业来培育，产业链条越拉越长。',
      },
      {
        title: '{city}：{crop}搭上直播快车卖向全国',
        lead: '手机支架一摆，直播间一开，在{county}，不少农户当起了“主播”，把{crop}卖到了全国各地。',
      },
      {
        title: '{county}春耕备耕有序推进 田间地头农事忙',
        lead: '{md}，{county}的田间地头一派繁忙，农机往来穿梭，农户们抢抓农时开展春耕备耕。',
      },
      {
        title: '科技特派员走进{county} 助力{crop}提质增效',
        lead: '{md}，科技特派员来到{county}的{crop}种植基地，蹲在地头为农户讲解种植管理技术。',
      },
    ],
    middles: [
      '当地通过“合作社+农户”模式统一技术标准、统一品牌销售，{crop}的品质和价格都有了保障。',
      '“今年行情不错，收购商早早就来订货了。”种植户王五一边忙活一边说。',
      '{county}农业农村部门介绍，目前当地{crop}种植面积稳定在{n}万亩左右，带动数千户农民增收。',
      '为拓宽销路，当地积极发展电商销售，{crop}线上销量同比增长**{pct}%**。',
      '农技人员赵六介绍，今年推广了水肥一体化和绿色防控技术，既省工又节本，*产量和品质双提升*。',
      '下一步，当地将继续延伸产业链条，发展精深加工和乡村旅游，让{crop}产业带动更多群众致富。',
    ],
    headings: ['记者观察', '田间观察'],
    lists: [
      { heading: '“三统一”模式', items: ['统一技术标准', '统一农资供应', '统一品牌销售'] },
      {
        heading: '产业延伸方向',
        items: [
          '深加工：开发特色食品和礼盒产品',
          '电商：培育本土带货主播',
          '农旅：发展采摘体验和乡村民宿',
        ],
      },
    ],
    quotes: ['地里有了好产业，日子就有了好奔头。', '让农民种得好，更要让农民卖得好。'],
    kickers: ['乡村振兴进行时', '田间地头看变化', '特色产业富民'],
    subtitles: ['合作社带动 农户增收', '小产业 大民生'],
    linkText: '{city}农业技术服务平台（示例链接）',
  },
  livelihood: {
    stories: [
      {
        title: '{city}新增{n}处社区食堂 老人就近吃上“暖心饭”',
        lead: '{md}中午，{county}一处社区食堂里饭菜飘香，前来就餐的老人们有说有笑。',
        more: '据了解，{city}今年新增社区食堂{n}处，为60岁以上老人提供优惠餐，行动不便的老人还可以预约送餐上门。',
      },
      {
        title: '{city}{n}个老旧小区改造项目陆续开工',
        lead: '{md}，{city}{county}一处老旧小区里，施工人员正在更换地下管网、粉刷楼体外墙。',
        more: '据了解，{city}今年计划改造老旧小区{n}个，重点解决管网老化、停车难、无障碍设施不足等问题。',
      },
      {
        title: '{city}“15分钟便民生活圈”覆盖范围持续扩大',
        lead: '买菜、理发、修鞋、看病，在{city}越来越多的社区，居民步行15分钟就能办好日常生活中的大小事。',
      },
      {
        title: '{city}开通{n}条定制公交线路 方便市民通勤',
        lead: '{md}起，{city}新开通{n}条定制公交线路，串联起居民区、产业园区和学校、医院。',
      },
      {
        title: '{city}发布年度民生实事 群众关心的事一件件落地',
        lead: '{city}近日发布年度民生实事清单，涵盖教育、医疗、养老、住房、出行等多个方面。',
      },
      {
        title: '家门口就能办 {city}社区便民服务站再上新',
        lead: '“以前办事要跑好几个地方，现在家门口就能办好。”{md}，{county}居民孙七说。',
      },
    ],
    middles: [
      '在推进过程中，{city}坚持“居民点单、政府派单”，做什么、怎么做，先听群众的意见。',
      '“现在方便多了，我们打心眼里高兴。”居民周八说。',
      '{city}有关部门表示，将建立民生实事跟踪督办机制，确保*件件有着落、事事有回音*。',
      '据了解，这是{city}今年确定的重点民生实事之一，相关部门实行清单化管理、项目化推进，目前完成进度已超过**{pct}%**。',
      '社区工作人员介绍，他们还将定期走访收集居民意见，根据群众需求不断完善服务内容。',
    ],
    headings: ['记者观察', '民生观察'],
    lists: [
      {
        heading: '服务清单',
        items: [
          '助餐服务：老年人优惠餐、送餐上门',
          '助医服务：定期健康体检、家庭医生签约',
          '助急服务：紧急呼叫设备安装',
        ],
      },
      {
        heading: '改造内容',
        items: ['更换老旧供水、燃气管网', '增设电梯和无障碍坡道', '改造停车位和充电桩'],
      },
    ],
    quotes: ['群众的小事，就是我们的大事。', '民生工作做得好不好，群众最有发言权。'],
    kickers: ['民生实事', '幸福{alias}', '关注百姓身边事'],
    subtitles: ['小切口 解决大民生', '改到群众心坎上'],
    linkText: '{city}民生服务指南（示例链接）',
  },
  eco: {
    stories: [
      {
        title: '{city}持续改善生态环境 空气质量优良天数增加',
        lead: '今年以来，{city}统筹推进大气污染防治，空气质量持续改善，蓝天白云成为常态。',
      },
      {
        title: '{county}植树造林{n}万株 绿色版图不断扩大',
        lead: '春季是植树造林的好时节，{county}干部群众齐上阵，在荒山、河岸、村庄周边栽下一棵棵树苗。',
      },
      {
        title: '{city}河湖长制见实效 水清岸绿景更美',
        lead: '{md}清晨，{city}的河湖岸边，市民们散步、晨练，河面清澈、岸边绿意盎然。',
      },
      {
        title: '{place}周边生态修复工程稳步推进',
        lead: '{md}，{city}{place}周边的生态修复工程现场，施工人员正在清淤、补植，恢复自然生态。',
      },
      {
        title: '{city}：垃圾分类走进{n2}个小区',
        lead: '分类投放、定时定点，在{city}，垃圾分类正逐渐成为越来越多居民的生活习惯。',
      },
    ],
    middles: [
      '近年来，{city}坚持生态优先、绿色发展，统筹推进治水、治气、治土和生态修复。',
      '监测数据显示，今年以来相关区域生态环境质量稳中向好，部分指标同比改善**{pct}%**左右。',
      '环保志愿者郑十说：“环境一年比一年好，来散步的人也越来越多了。”',
      '{city}生态环境部门表示，将持续加强巡查执法，严厉打击破坏生态环境的违法行为。',
      '生态好了，*绿水青山*正在变成*金山银山*，周边村庄依托生态资源发展起了观光旅游。',
    ],
    headings: ['记者观察', '生态观察'],
    lists: [
      {
        heading: '守护行动',
        items: ['开展常态化巡河护林', '推进污水管网建设和改造', '加强野生动物栖息地保护'],
      },
    ],
    quotes: ['保护生态环境就是保护生产力。', '每一只归来的鸟，都是对环境最好的评价。'],
    kickers: ['美丽{alias}', '生态保护进行时'],
    subtitles: ['水清岸绿 鸟飞鱼跃'],
    linkText: '{city}生态环境信息公开（示例链接）',
  },
  culture: {
    stories: [
      {
        title: '{city}举办{festival} 精彩活动轮番上演',
        lead: '{md}，{city}{festival}拉开帷幕，开幕式现场人头攒动，气氛热烈。',
      },
      {
        title: '非遗进社区：{city}市民零距离感受传统技艺',
        lead: '锣鼓声声，彩绸飞舞。{md}，一场非遗展演在{city}{county}一处社区广场上演。',
        more: '非遗传承人吴九现场演示传统技艺，引得围观群众纷纷拿起手机拍照。',
      },
      {
        title: '{city}群众文化活动月启动 {n}0余场演出走进基层',
        lead: '{md}，{city}群众文化活动月启动，{n}0余场文艺演出将陆续走进社区、乡村。',
      },
      {
        title: '{city}图书馆推出{n}场公益阅读活动',
        lead: '讲座、展览、亲子共读……近日，{city}图书馆推出{n}场公益阅读活动，吸引了不少读者报名参加。',
      },
      {
        title: '{city}博物馆“云展览”上线 足不出户看文物',
        lead: '打开手机就能“逛”博物馆。近日，{city}博物馆“云展览”正式上线，市民在家就能欣赏馆藏精品。',
      },
    ],
    middles: [
      '活动期间，主办方安排了展演、展览、体验等多项内容，吸引了不少市民和外地游客参与。',
      '“这样的活动很接地气，希望以后多办一些。”市民孙七说。',
      '据悉，今年{city}将组织文化惠民活动**{n2}0余场**，覆盖城乡社区和农村。',
      '不少家长带着孩子前来，让孩子在*沉浸式体验*中感受传统文化的魅力。',
      '{city}文化部门相关负责人介绍，将持续完善公共文化服务体系，推动优质文化资源向基层延伸。',
    ],
    headings: ['记者观察', '文化观察'],
    lists: [
      {
        heading: '活动亮点',
        items: ['非遗技艺展示与体验', '传统戏曲专场演出', '特色美食与文创市集'],
      },
      { heading: '活动安排', items: ['公益讲座', '亲子共读', '经典诵读比赛'] },
    ],
    quotes: ['文化是一座城市的灵魂。', '传承不是守旧，而是让传统在今天活起来。'],
    kickers: ['文化惠民', '非遗新生'],
    subtitles: ['家门口的文化盛宴', '传统技艺焕发新活力'],
    linkText: '{city}公共文化服务平台（示例链接）',
  },
  tech: {
    stories: [
      {
        title: '{city}新建5G基站{n2}00余个 数字底座更加坚实',
        lead: '今年以来，{city}加快数字基础设施建设，新建5G基站{n2}00余个，重点区域实现连续覆盖。',
      },
      {
        title: '{city}政务服务“一网通办”再提速',
        lead: '{md}，市民孙七在手机上点了几下，就办好了以前要跑好几趟的业务。',
        more: '据介绍，目前{city}已有**{pct}%**以上的政务服务事项实现网上办理，不少事项做到“零跑腿”。',
      },
      {
        title: '{city}{n}家企业入选省级“专精特新”中小企业名单',
        lead: '近日公布的省级“专精特新”中小企业名单中，{city}有{n}家企业入选。',
        more: '这些企业深耕细分领域，普遍具有较强的研发能力，不少产品在细分市场占有率居于前列。',
      },
      {
        title: '{city}智慧停车平台上线 {place}周边停车更方便',
        lead: '{city}智慧停车平台近日上线，整合了{place}等区域的公共停车资源，市民可以实时查询空余车位并在线缴费。',
      },
      {
        title: '“数字乡村”建设让{county}村民生活更便利',
        lead: '在{county}，村民们通过手机就能查看农田墒情、预约农技服务，“数字乡村”让生活更便利。',
      },
    ],
    middles: [
      '据介绍，{city}近年来持续加大数字化投入，数字经济规模稳步扩大。',
      '{city}大数据部门表示，将继续推进数据资源整合共享，让*数据多跑路、群众少跑腿*。',
      '“数字化让生产生活都方便了不少。”市民周八说。',
      '业内人士认为，数字技术正加速融入生产生活，{city}在这方面具备较好基础，应用场景还将不断丰富。',
      '下一步，{city}将继续优化数字基础设施布局，培育更多数字化应用场景。',
    ],
    headings: ['记者观察', '数字观察'],
    lists: [
      {
        heading: '办事更便捷',
        items: ['社保、公积金业务网上办', '企业开办全流程网上办', '不动产登记“一窗受理”'],
      },
    ],
    quotes: ['让数据多跑路，让群众少跑腿。', '数字化转型不是选择题，而是必答题。'],
    kickers: ['数字{alias}', '创新驱动'],
    subtitles: ['数字赋能 服务升级'],
    linkText: '{city}政务服务网（示例链接）',
  },
};

/** Closing note every generated article carries, so demo text is never taken for news. */
export const DEMO_NOTE = '（示例内容：本文为演示用途自动生成，文中人物、机构表述和数据均为虚构。）';

/** Placeholder reporter names (the Chinese "John Doe" series). */
export const DEMO_AUTHORS = ['张三', '李四', '王五', '赵六', '孙七', '周八'];

/** Placeholder editors. */
export const DEMO_EDITORS = ['吴九', '郑十'];

/** Source line for generated articles: plainly a demo, never a real outlet. */
export const DEMO_SOURCE = '示例来源';
