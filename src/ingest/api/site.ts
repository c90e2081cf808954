import { CHANNELS } from '../../../content/lib/channels';
import type { ChannelDef } from '../../../content/lib/channels';

/**
 * The site an API describes: its title, home page and channel directory. The demo portal's
 * by default; a newsroom changes these three values for its own site.
 */
export interface SiteConfig {
  readonly title: string;
  readonly homePageUrl: string;
  readonly language: string;
  readonly channels: readonly ChannelDef[];
}

/** The portal the product is modelled on. */
export const DEFAULT_SITE: SiteConfig = {
  title: '大众网',
  homePageUrl: 'https://www.dzwww.com/',
  language: 'zh-CN',
  channels: CHANNELS,
};
