/**
 * The seed page was captured with ASCII punctuation (`,` `(` `)` `:` …) where
 * the original Chinese text uses full-width marks. This converts those marks
 * back, but only where they touch Chinese text, so numbers such as `2,000`
 * or Latin text such as `a, b` stay as they are.
 */

const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  '(': '（',
  ')': '）',
  ':': '：',
  ';': '；',
  '!': '！',
  '?': '？',
};

/** CJK ideographs, CJK and full-width punctuation, and the curly quotes Chinese text uses. */
const CHINESE =
  /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u201c\u201d\u2018\u2019]/u;

function isChinese(ch: string | undefined): boolean {
  return ch !== undefined && CHINESE.test(ch);
}

/** Nearest non-space character before/after index `i`, so `( 大众` still counts as Chinese. */
function neighbour(chars: readonly string[], i: number, step: 1 | -1): string | undefined {
  for (let j = i + step; j >= 0 && j < chars.length; j += step) {
    const ch = chars[j];
    if (ch !== ' ') return ch;
  }
  return undefined;
}

/** Converts ASCII `, ( ) : ; ! ?` that touch Chinese text to their full-width forms. */
export function normaliseChinesePunctuation(text: string): string {
  const chars = Array.from(text);
  return chars
    .map((ch, i) => {
      const wide = FULL_WIDTH[ch];
      if (wide === undefined) return ch;
      // An opening bracket belongs to what follows it, a closing one to what precedes it;
      // the other marks follow the text before them but also count what comes after.
      const before = neighbour(chars, i, -1);
      const after = neighbour(chars, i, 1);
      const chinese =
        ch === '('
          ? isChinese(after)
          : ch === ')'
            ? isChinese(before)
            : isChinese(before) || isChinese(after);
      return chinese ? wide : ch;
    })
    .join('');
}
