import { describe, expect, it } from 'vitest';
import { normaliseChinesePunctuation } from '../../content/lib/punctuation';

describe('normaliseChinesePunctuation', () => {
  it('turns the capture’s ASCII commas and brackets in Chinese text into full-width ones', () => {
    expect(normaliseChinesePunctuation('5月5日下午,山东省数字强省建设工作推进会在济南召开。')).toBe(
      '5月5日下午，山东省数字强省建设工作推进会在济南召开。',
    );
    expect(normaliseChinesePunctuation('(大众日报客户端记者 刘兵 报道)')).toBe(
      '（大众日报客户端记者 刘兵 报道）',
    );
    expect(normaliseChinesePunctuation('作者:刘兵;编辑!好?')).toBe('作者：刘兵；编辑！好？');
  });

  it('counts curly quotes as Chinese text', () => {
    expect(normaliseChinesePunctuation('“一把手”工程,主要')).toBe('“一把手”工程，主要');
  });

  it('looks past spaces to find the neighbouring character', () => {
    expect(normaliseChinesePunctuation('( 大众 )')).toBe('（ 大众 ）');
  });

  it('leaves numbers and Latin text alone', () => {
    expect(normaliseChinesePunctuation('2,000 (a, b) 12:30 ok!')).toBe('2,000 (a, b) 12:30 ok!');
    expect(normaliseChinesePunctuation('f(x) = 1')).toBe('f(x) = 1');
  });
});
