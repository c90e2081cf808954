import { describe, expect, it } from 'vitest';
import { FeedError, LIMITS, parseChannelDirectory } from '../../src/shared/feed/index';
import { CHANNELS_URL, fixtureJson } from './fixtures/feed/load';

const CITIES = [
  'jinan',
  'qingdao',
  'zibo',
  'zaozhuang',
  'dongying',
  'yantai',
  'weifang',
  'jining',
  'taian',
  'weihai',
  'rizhao',
  'linyi',
  'dezhou',
  'liaocheng',
  'binzhou',
  'heze',
];

/** The error parseChannelDirectory throws for `json`, or fails the test. */
function schemaErrorFor(json: unknown): FeedError {
  try {
    parseChannelDirectory(json, CHANNELS_URL);
  } catch (error) {
    if (error instanceof FeedError) return error;
    throw error;
  }
  throw new Error('expected a FeedError');
}

/** channels.json fixture with its channel list changed by `change`. */
function withChannels(change: (channels: Record<string, unknown>[]) => unknown): unknown {
  const json = fixtureJson('channels.json');
  json.channels = change(json.channels as Record<string, unknown>[]);
  return json;
}

describe('a valid channels.json', () => {
  const directory = parseChannelDirectory(fixtureJson('channels.json'), CHANNELS_URL);

  it('gives the three sections first, then the 16 cities in the order of the seed', () => {
    expect(directory.title).toBe('大众网');
    expect(directory.channels.map((channel) => channel.id)).toEqual([
      'hot',
      'latest',
      'photos',
      ...CITIES,
    ]);
    expect(directory.channels.slice(0, 3).every((channel) => channel.kind === 'section')).toBe(
      true,
    );
    expect(directory.channels.slice(3).every((channel) => channel.kind === 'city')).toBe(true);
  });

  it('resolves each feed_url against the URL of channels.json itself', () => {
    expect(directory.channels[0]).toEqual({
      id: 'hot',
      title: '热点新闻',
      kind: 'section',
      feedUrl: 'https://news.example.com/api/feeds/hot.json',
    });
  });

  it('keeps a feed on another origin when feed_url is absolute', () => {
    const json = withChannels((channels) => [
      { ...channels[0], feed_url: 'https://cdn.other.example/hot.json' },
    ]);
    expect(parseChannelDirectory(json, CHANNELS_URL).channels[0]?.feedUrl).toBe(
      'https://cdn.other.example/hot.json',
    );
  });

  it('ignores fields it does not know', () => {
    const json = { ...fixtureJson('channels.json'), generator: 'ingest 1.0', extra: [1, 2] };
    const directory = parseChannelDirectory(json, CHANNELS_URL);
    expect(Object.keys(directory)).toEqual(['version', 'title', 'channels']);
  });
});

describe('an invalid channels.json is refused as a whole with a schema error', () => {
  const cases: [string, unknown, RegExp][] = [
    ['when it is not an object', ['hot'], /must be a JSON object/],
    ['when it is null', null, /must be a JSON object/],
    ['when the version is not 1', { ...fixtureJson('channels.json'), version: 2 }, /version/],
    ['when channels is missing', { version: 1, title: '大众网' }, /channels: is missing/],
    [
      'when channels is not an array',
      { version: 1, title: '大众网', channels: { hot: {} } },
      /channels must be an array/,
    ],
    ['when the title is empty', { ...fixtureJson('channels.json'), title: ' ' }, /title/],
    [
      'when a kind is neither section nor city',
      withChannels((channels) => [{ ...channels[0], kind: 'tag' }]),
      /channels\.0\.kind/,
    ],
    [
      'when a channel id is not a safe slug',
      withChannels((channels) => [{ ...channels[0], id: '../hot' }]),
      /channels\.0\.id: not a slug/,
    ],
    [
      'when a channel id is upper case',
      withChannels((channels) => [{ ...channels[0], id: 'Hot' }]),
      /channels\.0\.id/,
    ],
    [
      'when two channels share an id',
      withChannels((channels) => [...channels, { ...channels[4] }]),
      /channels\.19\.id: duplicate id "qingdao"/,
    ],
    [
      'when a feed_url is not http(s)',
      withChannels((channels) => [{ ...channels[0], feed_url: 'javascript:alert(1)' }]),
      /channels\.0\.feed_url/,
    ],
    [
      'when a channel has no title',
      withChannels((channels) => [{ ...channels[0], title: undefined }]),
      /channels\.0\.title/,
    ],
    [
      `when it lists more than ${LIMITS.channels} channels`,
      withChannels(() =>
        Array.from({ length: LIMITS.channels + 1 }, (_, i) => ({
          id: `c${i}`,
          title: `频道${i}`,
          kind: 'city',
          feed_url: `feeds/c${i}.json`,
        })),
      ),
      /more than 200 channels/,
    ],
  ];

  it.each(cases)('%s', (_, json, message) => {
    const error = schemaErrorFor(json);
    expect(error.code).toBe('schema');
    expect(error.message).toMatch(message);
    expect(error.message).toContain(CHANNELS_URL);
    expect(error.userMessage).toBe('收到的内容格式有误，无法显示。');
  });
});
