import { CHANNELS, isChannelId, isCityId } from '../../../content/lib/channels';
import { cityFromTags, cityFromText } from '../places/index';

/**
 * Which channels an article belongs in, and which city it is about (`_news.city`).
 *
 * Evidence, strongest first: the channels a native source names, `--channel`, the source's
 * default channel, a feed category or tag naming a city, and last a place name in the
 * headline, then in the lead. The city is the first city among those; it is always one of
 * the article's channels. 滚动 (`latest`) is not assigned here: the API build puts every
 * article in it. 图片新闻 needs a lead image.
 */

/** What the pipeline knows about an item when it assigns channels. */
export interface ChannelEvidence {
  /** Channels named by the source itself (native files), `--channel` and the source's default. */
  readonly named: readonly string[];
  /** The city the source names explicitly. */
  readonly city?: string;
  readonly tags: readonly string[];
  readonly title: string;
  readonly lead: string;
  readonly hasImage: boolean;
}

/** The assignment. */
export interface ChannelAssignment {
  /** In directory order, without `latest`. */
  readonly channels: readonly string[];
  readonly city?: string;
  /** Channels that could not be used, with the reason. */
  readonly dropped: readonly string[];
}

/** Assigns channels; unknown channel ids are dropped and reported, never fatal. */
export function assignChannels(evidence: ChannelEvidence): ChannelAssignment {
  const chosen = new Set<string>();
  const dropped: string[] = [];
  for (const id of evidence.named) {
    if (!isChannelId(id)) dropped.push(`unknown channel "${id}"`);
    else if (id === 'photos' && !evidence.hasImage) dropped.push('图片新闻 needs a lead image');
    else if (id !== 'latest') chosen.add(id);
  }
  const namedCity = evidence.named.find(isCityId);
  const city =
    (evidence.city && isCityId(evidence.city) ? evidence.city : undefined) ??
    namedCity ??
    cityFromTags(evidence.tags) ??
    cityFromText(evidence.title) ??
    cityFromText(evidence.lead);
  if (city) chosen.add(city);
  return {
    channels: CHANNELS.map((c) => c.id).filter((id) => chosen.has(id)),
    ...(city ? { city } : {}),
    dropped,
  };
}
