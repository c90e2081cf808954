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
          '齐鲁轻读希望每个人都能读新闻，包括视力、听力、行动或认知方面有障碍的读者和长辈。我们以国家标准《信息技术 互联网内容无障碍可访问性技术要求与测试方法》（GB/T 37668-2019）和 WCAG 2.2 AA 级为设计目标。',
        ],
      },
      {
        heading: '现在已经做到的',
        paragraphs: [],
        items: [
          '每页第一个可用的链接是“跳到正文”，键盘可以操作所有功能，焦点位置始终清晰可见；',
          '页面有清楚的标题层级和地标（页眉、栏目导航、城市导航、正文、页脚），读屏软件可以快速跳转；',
          '切换页面后，焦点会移到新页面的标题，并朗读页面名称；加载更多、搜索结果数等变化也会读出；',
          '正文文字与背景的对比度不低于 7:1，链接带下划线，不只靠颜色区分；',
          '在“设置”中可以选择标准、大、特大三种字号；页面在 320 像素宽的屏幕上不需要横向滚动；',
          '按钮和链接的可点击区域不小于 44×44 像素；',
          '图片都有文字说明，纯装饰的缩略图不会被重复朗读；',
          '尊重系统的“减少动态效果”和高对比度设置，页面没有自动播放和弹窗；',
          '没有网络时页眉会显示“离线”，读过的内容照常可读；没有下载过的内容会直接说明，并列出可以阅读的内容。',
        ],
      },
      {
        heading: '还在改进的',
        paragraphs: [
          '长辈版（更大的字号和按钮）和文章朗读开关正在开发中。新闻图片的文字说明来自原网站，个别可能不够详细。',
        ],
      },
      {
        id: 'feedback',
        heading: '反馈无障碍问题',
        paragraphs: [
          '如果你在使用中遇到障碍，请告诉我们：是哪个页面、你使用的设备和浏览器、是否使用读屏软件或其他辅助技术，以及遇到了什么问题。联系方式见“联系我们”。我们会认真对待每一条反馈。',
        ],
        links: [{ href: '/about/contact', text: '联系我们' }],
      },
    ],
  },
};

/** The about page named `slug` (contact, jobs, copyright, ads, about, report, accessibility). */
export function getAboutPage(slug: string): AboutPage | undefined {
  return Object.hasOwn(PAGES, slug) ? PAGES[slug] : undefined;
}
