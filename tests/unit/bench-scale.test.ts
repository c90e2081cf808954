import { describe, expect, it } from 'vitest';
import { budgetChart, chartGroups, escapeXml } from '../../bench/scale-chart';
import { fileSet, pageChain } from '../../bench/scale-files';
import { CITY_DOWNLOAD_AIM_BYTES, scaleChartRows } from '../../bench/scale-report';

/** A channel's pages as the ingest writes them: first page, then archive pages down to -1. */
const pages: Record<string, string | undefined> = {
  'feeds/jinan.json': 'jinan-3.json',
  'feeds/jinan-3.json': 'jinan-2.json',
  'feeds/jinan-2.json': './jinan-1.json#top',
  'feeds/jinan-1.json': undefined,
};
const nextOf = (name: string): string | undefined => pages[name];

describe('pageChain, the pages 下载离线 walks', () => {
  it('takes the first page and depth − 1 next_urls', () => {
    expect(pageChain('feeds/jinan.json', 3, nextOf)).toEqual([
      'feeds/jinan.json',
      'feeds/jinan-3.json',
      'feeds/jinan-2.json',
    ]);
  });

  it('always takes the first page, even at depth 0', () => {
    expect(pageChain('feeds/jinan.json', 0, nextOf)).toEqual(['feeds/jinan.json']);
  });

  it('walks every page at depth Infinity, resolving next_url against its page', () => {
    expect(pageChain('feeds/jinan.json', Infinity, nextOf)).toEqual([
      'feeds/jinan.json',
      'feeds/jinan-3.json',
      'feeds/jinan-2.json',
      'feeds/jinan-1.json',
    ]);
  });

  it('ends at a loop and at another origin', () => {
    const loop = { 'feeds/a.json': 'b.json', 'feeds/b.json': 'a.json' } as Record<string, string>;
    expect(pageChain('feeds/a.json', Infinity, (name) => loop[name])).toEqual([
      'feeds/a.json',
      'feeds/b.json',
    ]);
    expect(pageChain('feeds/a.json', 5, () => 'https://elsewhere.example/b.json')).toEqual([
      'feeds/a.json',
    ]);
  });
});

describe('fileSet', () => {
  it('adds up raw, gzip and brotli bytes', () => {
    const set = fileSet([
      { name: 'a', raw: 100, gzip: 40, br: 30 },
      { name: 'b', raw: 50, gzip: 20, br: 15 },
    ]);
    expect([set.raw, set.gzip, set.br]).toEqual([150, 60, 45]);
  });
});

describe('budgetChart', () => {
  const rows = [
    { label: 'within', value: 50, budget: 100, unit: 'ms' },
    { label: 'over', value: 120, budget: 100, unit: 'ms' },
    { label: 'far over', value: 900, budget: 100, unit: 'ms' },
    { label: 'missing', value: NaN, budget: 100, unit: 'ms' },
  ];
  const svg = budgetChart('Scale <10,000> & budgets', { a: rows.slice(0, 2), b: rows.slice(2) });

  it('draws one bar per measured row, coloured by its budget', () => {
    expect(svg.match(/<rect [^>]*class="within"/g)).toHaveLength(1);
    expect(svg.match(/<rect [^>]*class="over"/g)).toHaveLength(2);
    expect(svg).toContain('not measured');
  });

  it('makes bar length the share of the budget, cut at 150 %', () => {
    const widths = [...svg.matchAll(/<rect x="300" y="\d+" width="([\d.]+)"/g)].map((m) =>
      Number(m[1]),
    );
    // 200 px is the budget (300 px is 150 %).
    expect(widths).toEqual([100, 240, 300]);
    expect(svg).toContain('900 / 100 ms ▸');
  });

  it('escapes its text', () => {
    expect(svg).toContain('Scale &lt;10,000&gt; &amp; budgets');
    expect(svg).not.toContain('<10,000>');
    expect(escapeXml('"a"')).toBe('&quot;a&quot;');
  });

  it('keeps the rows of each group, so one group can be redrawn alone', () => {
    const groups = chartGroups(svg, 'legacy');
    expect(Object.keys(groups)).toEqual(['a', 'b']);
    expect(groups.a).toEqual(rows.slice(0, 2));
    // NaN does not survive JSON: it comes back as null, drawn as "not measured" again.
    expect(groups.b?.map((row) => row.label)).toEqual(['far over', 'missing']);
    expect(budgetChart('again', groups)).toContain('not measured');
  });

  it('reads the bars of a chart written before it kept its rows', () => {
    const old = svg.replace(/<metadata[^]*?<\/metadata>/, '');
    expect(chartGroups(old, 'legacy')).toEqual({
      legacy: [
        { label: 'within', value: 50, budget: 100, unit: 'ms' },
        { label: 'over', value: 120, budget: 100, unit: 'ms' },
        { label: 'far over', value: 900, budget: 100, unit: 'ms' },
      ],
    });
  });
});

describe('scaleChartRows', () => {
  it('puts the default depth first, every depth in KB against the aim', () => {
    const pages = (n: number) => fileSet([{ name: 'p', raw: n * 10_240, gzip: n * 1024, br: n }]);
    const depths = [1, 2, 3].map((depth) => ({ depth, pages: pages(depth), articles: depth * 20 }));
    const rows = scaleChartRows({
      articles: 100,
      city: 'jinan',
      channelArticles: 60,
      directory: { name: 'channels.json', raw: 1, gzip: 1, br: 1 },
      depths,
      all: pages(3),
    });
    expect(rows.map((row) => [row.label, row.value])).toEqual([
      ['济南 offline, depth 3, gzip', 3],
      ['depth 1, gzip', 1],
      ['depth 2, gzip', 2],
    ]);
    expect(rows.every((row) => row.budget === CITY_DOWNLOAD_AIM_BYTES / 1024)).toBe(true);
  });
});
