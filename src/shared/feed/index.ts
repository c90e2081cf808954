/**
 * The feed contract in code, shared by the page, the service worker and the
 * content build: limits, validation, URL rules, the HTML sanitizer and the
 * fetchers. docs/feed-format.md is the same contract for feed producers.
 */
export type {
  Article,
  Block,
  Channel,
  ChannelDirectory,
  ChannelKind,
  FeedPage,
  FigureBlock,
  Inline,
  LeadImage,
} from './types';
export type { FeedErrorCode } from './errors';
export { FeedError } from './errors';
export { LIMITS } from './limits';
export { parseArticleDocument, parseChannelDirectory, parseFeedPage } from './parse';
export { htmlToBlocks } from './html-to-blocks';
export { blocksToText, inlinesToText, textToBlocks } from './text-blocks';
export { decodeJsonDocument } from './body';
export type { FetchOptions, JsonDocument } from './fetch';
export {
  DEFAULT_TIMEOUT_MS,
  fetchArticleDocument,
  fetchChannelDirectory,
  fetchFeedPage,
  fetchJsonDocument,
} from './fetch';
export { CHANNEL_ID, JSON_FEED_VERSION } from './schema';
export { articleDocumentUrl } from './article-url';
export { resolveHttpUrl } from './urls';
