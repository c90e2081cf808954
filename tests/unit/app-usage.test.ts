import { describe, expect, it } from 'vitest';
import { estimateText, formatSize, usageRows, usageText } from '../../src/app/lib/usage';

describe('formatSize', () => {
  it('rounds to whole kilobytes below a megabyte, never showing 0 KB for something stored', () => {
    expect(formatSize(0)).toBe('0 KB');
    expect(formatSize(-5)).toBe('0 KB');
    expect(formatSize(1)).toBe('1 KB');
    expect(formatSize(80 * 1024)).toBe('80 KB');
    expect(formatSize(80 * 1024 + 600)).toBe('81 KB');
  });

  it('uses one decimal for small megabytes and gigabytes, whole numbers above ten', () => {
    expect(formatSize(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatSize(12.4 * 1024 * 1024)).toBe('12 MB');
    expect(formatSize(2.14 * 1024 ** 3)).toBe('2.1 GB');
  });
});

describe('usageText', () => {
  it('reads like the contract: 「济南：12 篇，约 80 KB」', () => {
    expect(usageText('济南', 12, 80 * 1024)).toBe('济南：12 篇，约 80 KB');
  });
});

describe('usageRows', () => {
  const titles = new Map([
    ['hot', '热点新闻'],
    ['jinan', '济南'],
    ['qingdao', '青岛'],
  ]);

  it('lists stored channels in directory order with bars relative to the largest', () => {
    const rows = usageRows(
      [
        { channelId: 'qingdao', articles: 20, bytes: 200_000 },
        { channelId: 'hot', articles: 10, bytes: 50_000 },
        { channelId: 'jinan', articles: 0, bytes: 0 },
      ],
      titles,
    );
    expect(rows.map((row) => row.channelId)).toEqual(['hot', 'qingdao']);
    expect(rows[0]?.share).toBeCloseTo(0.25);
    expect(rows[1]?.share).toBe(1);
    expect(rows[0]?.text).toBe('热点新闻：10 篇，约 49 KB');
  });

  it('keeps channels the directory no longer lists, last and under their id', () => {
    const rows = usageRows(
      [
        { channelId: 'gone', articles: 3, bytes: 3000 },
        { channelId: 'jinan', articles: 5, bytes: 6000 },
      ],
      titles,
    );
    expect(rows.map((row) => row.title)).toEqual(['济南', 'gone']);
  });

  it('is empty when nothing is stored', () => {
    expect(usageRows([], titles)).toEqual([]);
  });
});

describe('estimateText', () => {
  it('says nothing when the browser gives no figure', () => {
    expect(estimateText(undefined)).toBeUndefined();
    expect(estimateText({})).toBeUndefined();
  });

  it('gives the usage, and the quota when known', () => {
    expect(estimateText({ usage: 3 * 1024 * 1024 })).toBe('本应用在这台设备上共占用约 3 MB。');
    expect(estimateText({ usage: 1024, quota: 2 * 1024 ** 3 })).toBe(
      '本应用在这台设备上共占用约 1 KB，浏览器允许最多约 2 GB。',
    );
  });
});
