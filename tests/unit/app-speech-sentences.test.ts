import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/app/lib/speech/sentences';

const texts = (text: string) => splitSentences(text).map((sentence) => sentence.text);

describe('splitSentences', () => {
  it('splits a seed paragraph on 。 and keeps 2022年 and 《》 titles whole', () => {
    const paragraph =
      '会议听取了2022年数字强省建设工作情况和2023年工作打算汇报，审议了《数字强省建设2023年工作要点》。各市设分会场。';
    expect(texts(paragraph)).toEqual([
      '会议听取了2022年数字强省建设工作情况和2023年工作打算汇报，审议了《数字强省建设2023年工作要点》。',
      '各市设分会场。',
    ]);
  });

  it('keeps a closing quote with the sentence it ends', () => {
    expect(texts('他说：“要抓好落实。”会议强调，今年是“十四五”关键之年！对吗？')).toEqual([
      '他说：“要抓好落实。”',
      '会议强调，今年是“十四五”关键之年！',
      '对吗？',
    ]);
  });

  it('ends on ； and keeps an ellipsis run together', () => {
    expect(texts('一是汇好数据；二是用好数据……三是管好数据')).toEqual([
      '一是汇好数据；',
      '二是用好数据……',
      '三是管好数据',
    ]);
  });

  it('does not cut decimals and drops blank pieces', () => {
    expect(texts('  增长3.5%。  \n ')).toEqual(['增长3.5%。']);
    expect(splitSentences('   ')).toEqual([]);
  });

  it('gives offsets that point at the sentence in the original text', () => {
    const text = '  第一句。 第二句！';
    for (const sentence of splitSentences(text)) {
      expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    }
    expect(splitSentences(text).map((sentence) => sentence.start)).toEqual([2, 7]);
  });
});
