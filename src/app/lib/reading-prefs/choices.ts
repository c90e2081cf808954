import type { ReadingPrefs, TextSize } from './index';

/** One choice of a settings radio group. */
export interface Choice<T> {
  readonly value: T;
  readonly label: string;
}

/** 字号: names readers understand, percentages in the hint. 特大 is the old largest step. */
export const TEXT_SIZE_CHOICES: readonly Choice<TextSize>[] = [
  { value: 100, label: '标准' },
  { value: 115, label: '较大' },
  { value: 130, label: '大' },
  { value: 150, label: '更大' },
  { value: 175, label: '特大' },
  { value: 200, label: '超大' },
];

/** 行距. */
export const LINE_HEIGHT_CHOICES: readonly Choice<ReadingPrefs['lineHeight']>[] = [
  { value: 'standard', label: '标准' },
  { value: 'loose', label: '宽松' },
  { value: 'looser', label: '更宽松' },
];

/** 段落间距. */
export const PARAGRAPH_CHOICES: readonly Choice<ReadingPrefs['paragraph']>[] = [
  { value: 'standard', label: '标准' },
  { value: 'loose', label: '加大' },
];

/** 字间距. */
export const LETTER_CHOICES: readonly Choice<ReadingPrefs['letter']>[] = [
  { value: 'standard', label: '标准' },
  { value: 'wide', label: '加宽' },
];

/** 主题. */
export const THEME_CHOICES: readonly Choice<ReadingPrefs['theme']>[] = [
  { value: 'system', label: '跟随系统' },
  { value: 'light', label: '默认' },
  { value: 'dark', label: '深色' },
  { value: 'contrast', label: '高对比度' },
];

/** 动画. */
export const MOTION_CHOICES: readonly Choice<ReadingPrefs['motion']>[] = [
  { value: 'system', label: '跟随系统' },
  { value: 'reduce', label: '减少动画' },
];

/** A settings entry the app's search can find, with words readers may type for it. */
export interface SettingsEntry {
  readonly title: string;
  readonly description: string;
  readonly href: string;
  readonly keywords: readonly string[];
}

/** The static index of settings the search page shows as a 「设置」 group. */
export const SETTINGS_ENTRIES: readonly SettingsEntry[] = [
  {
    title: '长辈版',
    description: '更大的字和按钮、更简洁的页面，没有弹窗和动画',
    href: '/settings#elder',
    keywords: ['长辈', '关怀', '老人', '老年', '适老', '大字', '大按钮', '简洁'],
  },
  {
    title: '字号',
    description: '文字大小从 100% 到 200%',
    href: '/settings#text-size',
    keywords: ['字号', '字体', '文字大小', '大字', '放大', '字太小'],
  },
  {
    title: '主题',
    description: '默认、深色、高对比度，或跟随系统',
    href: '/settings#theme',
    keywords: ['主题', '深色', '夜间', '暗色', '高对比度', '对比度', '颜色'],
  },
  {
    title: '行距与间距',
    description: '行距、段落间距和字间距',
    href: '/settings#line-height',
    keywords: ['行距', '行间距', '段落', '字间距', '间距'],
  },
  {
    title: '语音朗读',
    description: '朗读文章的开关',
    href: '/settings#read-aloud',
    keywords: ['朗读', '语音', '读出', '听新闻', '关怀'],
  },
];

/** The settings entries matching `query` (any keyword or the title contains a term, or vice versa). */
export function matchSettings(query: string): SettingsEntry[] {
  const terms = query.normalize('NFKC').toLowerCase().split(/\s+/u).filter(Boolean);
  if (terms.length === 0) return [];
  return SETTINGS_ENTRIES.filter((entry) =>
    terms.some((term) =>
      [entry.title, ...entry.keywords].some((word) => word.includes(term) || term.includes(word)),
    ),
  );
}
