import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/shared/feed/index';
import { blocksToText, textToBlocks } from '../../src/shared/feed/index';
import { isRfc3339DateTime } from '../../src/shared/feed/rfc3339';

describe('plain text becomes paragraphs', () => {
  it('split on blank lines, even when the blank line holds spaces', () => {
    expect(textToBlocks('第一段。\n\n第二段。\r\n \r\n第三段。')).toEqual([
      { t: 'p', c: ['第一段。'] },
      { t: 'p', c: ['第二段。'] },
      { t: 'p', c: ['第三段。'] },
    ]);
  });

  it('and at lines indented with full-width spaces, the Chinese way of starting a paragraph', () => {
    expect(textToBlocks('\u3000\u3000第一段。\n\u3000\u3000第二段。')).toEqual([
      { t: 'p', c: ['第一段。'] },
      { t: 'p', c: ['第二段。'] },
    ]);
  });

  it('while any other single newline is kept as a line break', () => {
    expect(textToBlocks('济南市\n历下区  \n  经十路')).toEqual([
      { t: 'p', c: ['济南市', { t: 'br' }, '历下区', { t: 'br' }, '经十路'] },
    ]);
  });

  it('with runs of spaces collapsed and nothing left of empty input', () => {
    expect(textToBlocks('  a   b  ')).toEqual([{ t: 'p', c: ['a b'] }]);
    expect(textToBlocks(' \n\n \u3000 \n')).toEqual([]);
  });

  it('and text that looks like markup stays text', () => {
    expect(textToBlocks('<script>alert(1)</script>')).toEqual([
      { t: 'p', c: ['<script>alert(1)</script>'] },
    ]);
  });
});

describe('blocks become plain text for search and read aloud', () => {
  const tree: Block[] = [
    { t: 'h', level: 2, c: ['小标题'] },
    {
      t: 'p',
      c: [
        '一',
        { t: 'strong', c: ['二'] },
        { t: 'br' },
        { t: 'a', href: 'https://a.example/', c: ['三'] },
      ],
    },
    { t: 'ul', items: [['甲'], [{ t: 'em', c: ['乙'] }]] },
    { t: 'quote', c: [{ t: 'p', c: ['引文'] }] },
    { t: 'figure', src: 'https://a.example/a.png', alt: '替代文字', caption: ['图片说明'] },
    { t: 'figure', src: 'https://a.example/b.png', alt: '只有替代文字' },
  ];

  it('one line per paragraph, heading, list item and caption; a line break is a newline', () => {
    expect(blocksToText(tree)).toBe('小标题\n一二\n三\n甲\n乙\n引文\n图片说明');
  });

  it('without alt text, which describes a picture rather than telling the story', () => {
    expect(blocksToText(tree)).not.toContain('替代文字');
  });

  it('and round-trips plain text paragraphs', () => {
    expect(blocksToText(textToBlocks('第一段。\n\n第二段。'))).toBe('第一段。\n第二段。');
  });
});

describe('RFC 3339 date-times', () => {
  it.each([
    '2023-05-06T10:30:13+08:00',
    '2023-05-06T02:30:13Z',
    '2023-05-06t02:30:13z',
    '2023-05-06T10:30:13.123+08:00',
    '2024-02-29T00:00:00-05:30',
    '2023-12-31T23:59:59+14:00',
  ])('%s is accepted', (value) => {
    expect(isRfc3339DateTime(value)).toBe(true);
  });

  it.each([
    ['without an offset', '2023-05-06T10:30:13'],
    ['with only a date', '2023-05-06'],
    ['as the portal prints it', '2023-05-06 10:30:13'],
    ['on 30 February', '2023-02-30T10:00:00+08:00'],
    ['on 29 February of a common year', '2023-02-29T10:00:00+08:00'],
    ['in month 13', '2023-13-01T10:00:00+08:00'],
    ['at hour 24', '2023-05-06T24:00:00+08:00'],
    ['with a leap second', '2016-12-31T23:59:60Z'],
    ['with an offset of 25 hours', '2023-05-06T10:30:13+25:00'],
    ['with an offset without a colon', '2023-05-06T10:30:13+0800'],
    ['as a timestamp', '1683340213'],
  ])('a value %s is refused', (_, value) => {
    expect(isRfc3339DateTime(value)).toBe(false);
  });
});
