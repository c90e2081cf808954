import { describe, expect, it } from 'vitest';
import { foldString, foldWithOffsets } from '../../src/shared/search/normalize';
import {
  bigramTerm,
  forEachTerm,
  hashedTerm,
  junctionTerm,
  parseQuery,
  unigramTerm,
} from '../../src/shared/search/terms';
import { excerpt, highlight } from '../../src/shared/search/snippet';

/** Every term of `text`, in order, repeats included. */
function termsOf(text: string): number[] {
  const terms: number[] = [];
  forEachTerm(text, (term) => terms.push(term));
  return terms;
}

const code = (char: string): number => char.codePointAt(0) ?? -1;
const pair = (text: string): number => bigramTerm(code(text[0] ?? ''), code(text[1] ?? ''));

describe('folding', () => {
  it('makes full-width letters and digits half-width and lower case', () => {
    expect(foldString('ＡＢＣ１２３')).toBe('abc123');
    expect(foldString('5G')).toBe('5g');
    expect(foldString('ＡＩ\u3000Ａi')).toBe('ai ai');
  });

  it('simplifies traditional characters one by one', () => {
    expect(foldString('魯東後')).toBe('鲁东后');
    expect(foldString('齐鲁')).toBe('齐鲁');
  });

  it('folds compatibility forms (NFKC)', () => {
    expect(foldString('①㎏')).toBe('1kg');
  });

  it('keeps the way back to the original characters', () => {
    const { folded, starts, ends } = foldWithOffsets('Ａ𠀀b');
    expect(folded).toBe('a𠀀b');
    expect([...starts]).toEqual([0, 1, 1, 3]);
    expect([...ends]).toEqual([1, 3, 3, 4]);
  });
});

describe('terms of a text', () => {
  it('are each CJK character and each pair of neighbours', () => {
    expect(termsOf('数字强')).toEqual([
      unigramTerm(code('数')),
      unigramTerm(code('字')),
      pair('数字'),
      unigramTerm(code('强')),
      pair('字强'),
    ]);
  });

  it('never pair characters across punctuation', () => {
    expect(termsOf('数字、强省')).not.toContain(pair('字强'));
    expect(termsOf('数字强省')).toContain(pair('字强'));
  });

  it('are whole words for letters and digits, with junctions where they touch CJK', () => {
    const terms = termsOf('2023年5G网络');
    expect(terms).toContain(hashedTerm('2023'));
    expect(terms).toContain(hashedTerm('5g'));
    expect(terms).toContain(junctionTerm('2023', '年'));
    expect(terms).toContain(junctionTerm('年', '5g'));
    expect(terms).toContain(junctionTerm('5g', '网'));
    expect(terms).not.toContain(hashedTerm('5'));
  });

  it('count the length in characters that are not separators', () => {
    expect(forEachTerm('数字，强省 AB', () => undefined)).toBe(6);
  });
});

describe('parseQuery', () => {
  it('asks a CJK phrase for every pair of its characters, not the single ones', () => {
    const terms = [pair('数字'), pair('字强'), pair('强省')];
    expect(parseQuery('数字强省')).toEqual({ terms, phrases: [{ text: '数字强省', terms }] });
  });

  it('asks a single character for itself', () => {
    const terms = [unigramTerm(code('鲁'))];
    expect(parseQuery('鲁')).toEqual({ terms, phrases: [{ text: '鲁', terms }] });
  });

  it('splits phrases at spaces and punctuation, folded, each once', () => {
    const { terms, phrases } = parseQuery('  周乃翔，ＡＢＣ１２３ 周乃翔 ');
    expect(phrases.map((phrase) => phrase.text)).toEqual(['周乃翔', 'abc123']);
    expect(phrases[1]?.terms).toEqual([hashedTerm('abc123')]);
    expect(terms).toEqual([pair('周乃'), pair('乃翔'), hashedTerm('abc123')]);
  });

  it('makes a word touching CJK one phrase', () => {
    const { terms, phrases } = parseQuery('5G网络');
    expect(phrases.map((phrase) => phrase.text)).toEqual(['5g网络']);
    expect(terms).toEqual(
      expect.arrayContaining([hashedTerm('5g'), junctionTerm('5g', '网'), pair('网络')]),
    );
  });

  it('finds nothing to search in punctuation alone', () => {
    expect(parseQuery(' ，。！ ')).toEqual({ terms: [], phrases: [] });
  });
});

describe('highlighting', () => {
  it('marks the original characters of folded matches', () => {
    expect(highlight('型号ＡＢＣ１２３上市', ['abc123'])).toEqual([
      { text: '型号', mark: false },
      { text: 'ＡＢＣ１２３', mark: true },
      { text: '上市', mark: false },
    ]);
  });

  it('cuts a long text around the first match, with ellipses', () => {
    const text = `${'前'.repeat(200)}数字强省${'后'.repeat(200)}`;
    const parts = excerpt(text, ['数字强省']);
    expect(parts[0]).toEqual({ text: '…', mark: false });
    expect(parts.at(-1)).toEqual({ text: '…', mark: false });
    expect(parts.filter((part) => part.mark).map((part) => part.text)).toEqual(['数字强省']);
    expect(parts.map((part) => part.text).join('').length).toBeLessThan(110);
  });

  it('shows the start of the text when nothing matches', () => {
    expect(excerpt('短文本', ['没有'])).toEqual([{ text: '短文本', mark: false }]);
  });
});
