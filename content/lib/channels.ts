/**
 * The channel directory of the demo API. DESIGN.md fixes the ids, titles and
 * order; everything else in the content build derives channel membership from
 * this one list so a typo in a source file is caught instead of silently
 * creating a channel nobody links to.
 */

/** One channel as the content build knows it. */
export interface ChannelDef {
  readonly id: string;
  readonly title: string;
  readonly kind: 'section' | 'city';
}

/** Sections first (the portal's 热点新闻 / 滚动 / 图片新闻), then the 16 cities in the seed's order. */
export const CHANNELS: readonly ChannelDef[] = [
  { id: 'hot', title: '热点新闻', kind: 'section' },
  { id: 'latest', title: '滚动', kind: 'section' },
  { id: 'photos', title: '图片新闻', kind: 'section' },
  { id: 'jinan', title: '济南', kind: 'city' },
  { id: 'qingdao', title: '青岛', kind: 'city' },
  { id: 'zibo', title: '淄博', kind: 'city' },
  { id: 'zaozhuang', title: '枣庄', kind: 'city' },
  { id: 'dongying', title: '东营', kind: 'city' },
  { id: 'yantai', title: '烟台', kind: 'city' },
  { id: 'weifang', title: '潍坊', kind: 'city' },
  { id: 'jining', title: '济宁', kind: 'city' },
  { id: 'taian', title: '泰安', kind: 'city' },
  { id: 'weihai', title: '威海', kind: 'city' },
  { id: 'rizhao', title: '日照', kind: 'city' },
  { id: 'linyi', title: '临沂', kind: 'city' },
  { id: 'dezhou', title: '德州', kind: 'city' },
  { id: 'liaocheng', title: '聊城', kind: 'city' },
  { id: 'binzhou', title: '滨州', kind: 'city' },
  { id: 'heze', title: '菏泽', kind: 'city' },
];

/** Ids of the city channels, in directory order. */
export const CITY_IDS: readonly string[] = CHANNELS.filter((c) => c.kind === 'city').map(
  (c) => c.id,
);

/** True when `id` names a channel of the directory. */
export function isChannelId(id: string): boolean {
  return CHANNELS.some((c) => c.id === id);
}

/** True when `id` names a city channel. */
export function isCityId(id: string): boolean {
  return CITY_IDS.includes(id);
}
