/**
 * The site-information pages linked from the footer. Plain data, so the copy
 * can be edited without touching components; headings and paragraphs only.
 */

/** A link inside an about page. */
export interface AboutLink {
  readonly href: string;
  readonly text: string;
}

/** A part of an about page, optionally with its own heading and an anchor id. */
export interface AboutSection {
  /** Fragment target, e.g. "email" for /about/contact#email. */
  readonly id?: string;
  readonly heading?: string;
  readonly paragraphs: readonly string[];
  readonly items?: readonly string[];
  readonly links?: readonly AboutLink[];
}

/** One about page. */
export interface AboutPage {
  readonly title: string;
  readonly sections: readonly AboutSection[];
}

const REPORT_PHONE: AboutLink = {
  href: 'tel:0531-88556595',
  text: '违法和不良信息举报电话：0531-88556595',
};

const PAGES: Readonly<Record<string, AboutPage>> = {
  contact: {
    title: '联系我们',
    sections: [
      {
        paragraphs: [
          '齐鲁轻读是一款为手机设计的山东新闻阅读应用，读取山东省级新闻门户公开的新闻频道。新闻由原网站的编辑发布，本应用负责让它们读起来更方便。',
          '对新闻内容本身有意见或更正，请打开文章末尾的“阅读原文”，通过原网站的渠道反馈；那里的编辑才能修改稿件。',
        ],
      },
      {
        id: 'email',
        heading: '邮箱',
        paragraphs: [
          '本应用目前是演示版本，还没有开通专用的电子邮箱。开通后会在这里公布地址，并说明大概多久能得到回复。',
        ],
      },
      {
        heading: '举报',
        paragraphs: ['发现违法和不良信息，请拨打举报电话。'],
        links: [REPORT_PHONE, { href: '/about/report', text: '举报说明' }],
      },
    ],
  },
  jobs: {
    title: '招聘信息',
    sections: [
      {
        paragraphs: [
          '齐鲁轻读目前没有公开招聘的职位。',
          '新闻单位的招聘信息请以其官方网站和官方公众号发布的为准，谨防以招聘为名的诈骗。',
        ],
      },
    ],
  },
  copyright: {
    title: '版权声明',
    sections: [
      {
        paragraphs: [
          '本应用中新闻作品（文字、图片、视频）的著作权归原作者和原发布单位所有。',
          '齐鲁轻读只在你的设备上显示和保存这些内容，方便你在没有网络时阅读，不对外转载或再分发。如需转载，请联系原发布单位取得授权。',
          '标注“示例内容”的文章是为演示本应用而编写的数据，不是真实的新闻报道，请勿引用。',
        ],
      },
    ],
  },
  ads: {
    title: '广告合作',
    sections: [
      {
        paragraphs: [
          '齐鲁轻读不展示广告，也不接受广告投放。',
          '我们希望阅读界面干净、专注：没有弹窗、没有诱导点击的按钮，长辈和使用读屏软件的读者也能安心阅读。',
        ],
      },
    ],
  },
  about: {
    title: '关于我们',
    sections: [
      {
        paragraphs: [
          '齐鲁轻读是一款离线优先、无障碍的山东新闻阅读应用。它把省级新闻门户的热点新闻、滚动新闻、图片新闻和十六个城市频道整理成适合手机阅读的页面。',
          '我们关心三类读者：网络不好或流量有限的读者，使用读屏软件或键盘的读者，以及需要大字号、大按钮的长辈。',
        ],
      },
      {
        heading: '现在能做什么',
        paragraphs: [],
        items: [
          '按栏目和城市浏览新闻，点“+更多”继续加载；',
          '在已读取的文章中搜索标题、摘要和正文；',
          '打开过的频道和文章会自动保存在这台设备上，没有网络时也能阅读；也可以在频道页或“设置”中下载离线内容；',
          '在“设置”中调整字号、开启省流量（不显示图片），选择会保存在这台设备上。',
        ],
      },
      {
        heading: '正在开发',
        paragraphs: ['收藏、长辈版、文章朗读。这些功能完成前，相关页面会如实说明。'],
      },
    ],
  },
  report: {
    title: '违法和不良信息举报',
    sections: [
      {
        paragraphs: [
          '如果你在本应用中看到违法和不良信息，请拨打举报电话，说明文章标题、所在频道和发现的时间。',
        ],
        links: [REPORT_PHONE],
      },
      {
        paragraphs: [
          '也可以通过中央网信办违法和不良信息举报中心举报：电话 12377，网站 www.12377.cn。',
        ],
      },
    ],
  },
  accessibility: {
    title: '网站无障碍',
    sections: [
      {
        paragraphs: [
          '齐鲁轻读希望每个人都能读新闻，包括视力、听力、行动或认知方面有障碍的读者，以及长辈。本声明说明本应用符合哪些标准、提供了哪些无障碍功能、是怎样测试的、还有哪些不足，以及怎样向我们反馈。',
          '本声明的日期：2026年11月27日。',
        ],
      },
      {
        id: 'conformance',
        heading: '符合的标准',
        paragraphs: ['本应用以下列标准为目标进行设计和测试：'],
        items: [
          'WCAG 2.2（Web 内容无障碍指南）AA 级；正文对比度和按钮大小等容易做到的地方，达到 AAA 级的要求；',
          '国家标准《信息技术 互联网内容无障碍可访问性技术要求与测试方法》（GB/T 37668-2019）；',
          '工业和信息化部关于互联网网站和移动应用适老化设计的要求：字号可调且最大不小于 30 像素、行距宽松、文章可朗读并有开关、长辈版中没有广告和弹窗、长辈版入口容易找到。',
        ],
      },
      {
        id: 'features',
        heading: '本应用提供的无障碍功能',
        paragraphs: ['以下功能都在“设置”中，每个页面的页眉都有“设置”入口：'],
        items: [
          '长辈版：正文至少 20 像素，按钮和链接至少 60×60 像素，版面更简单，没有动画，也没有任何弹窗；在应用内搜索“长辈”“关怀”“大字”都能找到这个设置；',
          '字号：标准、较大、大、更大、特大、超大六档，从 100% 到 200%，最大一档的正文不小于 30 像素；放大后页面重新排版，不需要左右滚动；',
          '行距、段落间距和字间距可以加大；',
          '主题：默认（正文对比度不低于 7:1）、深色和高对比度，也可以跟随系统的深色模式和高对比度设置；可以选择减少动画；',
          '语音朗读：用普通话朗读文章。“连读”从标题开始读完全文，还可以读完后继续下一篇；“指读”从你点击或用回车键选中的段落开始读；正在读的句子会高亮并保持在屏幕内；可以暂停、继续、停止和调节语速，下次打开会从停下的地方继续；在“设置”中可以关闭朗读功能；',
          '离线阅读：读过的频道和文章会保存在这台设备上，没有网络时照常可读，也可以下载整个频道；设备自带离线中文语音时，已下载的文章没有网络也能朗读；',
          '键盘操作：每页第一个可用的链接是“跳到正文”，所有功能都可以只用键盘完成，焦点位置始终清晰可见；',
          '读屏软件：页面语言标为简体中文；有页眉、栏目导航、城市导航、正文、页脚等地标；每页只有一个一级标题，标题层级清楚；文章信息（发布时间、来源、作者、责任编辑）按“名称—内容”列出；缩略图不会重复朗读标题；切换页面后焦点移到新页面的标题并读出页面名称；加载更多、离线、下载完成等变化会自动读出；所有按钮都有中文名称；不需要多指手势或拖动。',
        ],
      },
      {
        id: 'testing',
        heading: '我们怎样测试',
        paragraphs: ['项目的自动测试在浏览器（Chromium）中检查：'],
        items: [
          '用 axe-core 按 WCAG 2.0 至 2.2 的 A 级、AA 级规则和最佳实践检查每一个页面：每个页面都在默认、深色、高对比度和跟随系统四种主题，100% 和 200% 两种字号，320、390、1280 像素三种屏幕宽度，以及长辈版开和关下检查（各种取值两两组合都会出现），要求没有任何问题，不关闭任何规则；',
          '在 320 像素宽的屏幕上把文字放大到 200%，再加上 WCAG 1.4.12 要求的行距、段距、字距和词距，检查每一个页面都不需要左右滚动，文字也不会被截断；',
          '只用键盘完成一次完整的阅读：跳到正文、打开城市频道、加载更多、打开文章、来到“朗读全文”按钮、返回频道，每一步都检查焦点的位置和焦点框；',
          '用“无障碍树快照”记录读屏软件在首页、频道页和文章页上听到的内容，每次修改都与经过人工审阅的版本比对；',
          '用模拟的语音引擎检查朗读的句子顺序、高亮、暂停与继续、指读，以及没有中文语音时的提示；',
          '逐个测量每个页面上按钮和链接的大小：至少 44×44 像素，长辈版至少 60×60 像素（句子中间的链接除外）；',
          '在每种主题和 Windows 高对比度（强制颜色）模式下检查键盘焦点框清楚可见（与背景的对比度至少 3:1），也不会被页面其他部分挡住；',
          '另外用 Lighthouse 检查首页、频道页和文章页，要求无障碍、最佳做法和搜索引擎优化得分都是满分。',
        ],
      },
      {
        id: 'limits',
        heading: '已知的不足',
        paragraphs: ['以下方面我们还做得不够，会如实说明：'],
        items: [
          '本应用不自带语音。朗读使用手机或电脑系统里的中文语音；如果设备上没有中文语音，朗读不会开始，页面会说明怎样添加（我们不会用外语语音读中文）。不同设备的语音质量和可选的语速不同；',
          '新闻图片的文字说明来自原网站，个别可能不够详细；',
          '本应用只提供文字和图片新闻，目前没有 PDF 文件和视频，因此也没有视频字幕或手语；',
          '应用中标注“示例内容”的文章是演示数据，不是真实的新闻报道；',
          '自动测试只使用 Chromium 浏览器，还没有在各款读屏软件（如 NVDA、TalkBack、VoiceOver）上逐一系统测试，个别朗读方式可能有差异。',
        ],
      },
      {
        id: 'feedback',
        heading: '反馈无障碍问题',
        paragraphs: [
          '如果你在使用中遇到障碍，请告诉我们：是哪个页面、你使用的设备和浏览器、是否使用读屏软件或其他辅助技术，以及遇到了什么问题。我们会认真对待每一条反馈。',
          '目前可以拨打页脚中的电话 0531-88556595。本应用的电子邮箱尚未开通，开通后会在“联系我们”页面公布。',
        ],
        links: [
          { href: 'tel:0531-88556595', text: '电话：0531-88556595' },
          { href: '/about/contact', text: '联系我们' },
        ],
      },
    ],
  },
};

/** The about page named `slug` (contact, jobs, copyright, ads, about, report, accessibility). */
export function getAboutPage(slug: string): AboutPage | undefined {
  return Object.hasOwn(PAGES, slug) ? PAGES[slug] : undefined;
}

/** Every about page's slug, in the footer's order (the build prerenders each). */
export const ABOUT_SLUGS: readonly string[] = Object.keys(PAGES);
