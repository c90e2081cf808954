import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { canonicalCharset, decodeDocument, type DecodeHints } from '../../src/ingest/charset';
import {
  charsetParameter,
  metaCharsets,
  xmlDeclarationEncoding,
} from '../../src/ingest/charset/prescan';
import { decodeStrict } from '../../src/ingest/charset/strict';
import { IngestError, type IngestErrorCode } from '../../src/ingest/errors';
import {
  BIG5_HEADLINE,
  FOUR_BYTE,
  GB18030_HEADLINE,
  GBK_ONLY,
  fixtures,
} from '../fixtures/ingest/encode-fixtures';
import { ingestErrorOf } from './ingest/helpers';

const FIXTURES = new URL('../fixtures/ingest/', import.meta.url);

function fixture(name: string): Uint8Array {
  return readFileSync(new URL(name, FIXTURES));
}

function decodeFixture(name: string, hints: Partial<DecodeHints> = {}) {
  return decodeDocument(fixture(name), { name, ...hints });
}

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytesOf = (text: string, charset: string): Uint8Array => iconv.encode(text, charset);
const concat = (...parts: Uint8Array[]): Uint8Array => Buffer.concat(parts);

const ingestError = ingestErrorOf;

function expectRefused(run: () => unknown, code: IngestErrorCode, name: string): IngestError {
  const error = ingestError(run);
  expect(error.code).toBe(code);
  expect(error.source).toBe(name);
  expect(error.message).toContain(name);
  return error;
}

describe('fixtures', () => {
  it('are what encode-fixtures.ts writes (regenerate with node --import tsx …)', () => {
    for (const [name, bytes] of fixtures()) {
      expect(Buffer.from(fixture(name)).equals(Buffer.from(bytes)), name).toBe(true);
    }
  });
});

describe('decodeDocument: declared charsets', () => {
  it('decodes the GBK feed by its XML declaration, GBK-only characters included', () => {
    const doc = decodeFixture('rss-gbk.xml');
    expect(doc).toMatchObject({
      charset: 'gb18030',
      declared: 'gbk',
      detected: false,
      evidence: 'xml-declaration',
    });
    for (const char of GBK_ONLY) expect(doc.text).toContain(char);
    expect(doc.text).toContain('<?xml version="1.0" encoding="GBK"?>');
    expect(doc.text).toContain('<category>潍坊</category>');
    expect(doc.text).toContain('<dc:creator>王喆</dc:creator>');
    expect(doc.text).toContain('<pubDate>Sat, 06 May 2023 10:30:13 +0800</pubDate>');
    expect(doc.text).toContain('<![CDATA[<p>示例内容：五月六日，潍坊风筝广场');
    expect(doc.text).not.toContain('\uFFFD');
  });

  it('decodes the GB18030 page by <meta charset>, four-byte characters included', () => {
    const doc = decodeFixture('page-gb18030.html');
    expect(doc).toMatchObject({ charset: 'gb18030', declared: 'gb18030', detected: false });
    for (const char of FOUR_BYTE) expect(doc.text).toContain(char);
    expect(doc.text).toContain(`<title>${GB18030_HEADLINE}_大众网</title>`);
    expect(doc.text).toContain('村民刘𬭚、王㐂');
    const cities =
      '济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽';
    for (const city of cities.split(' ')) expect(doc.text).toContain(`.html">${city}</a>`);
    expect(doc.text).toContain('网站无障碍');
  });

  it('decodes the Big5 page by <meta http-equiv="Content-Type">', () => {
    const doc = decodeFixture('page-big5-http-equiv.html');
    expect(doc).toMatchObject({
      charset: 'big5',
      declared: 'big5',
      detected: false,
      evidence: 'meta',
    });
    expect(doc.text).toContain(`<h1>${BIG5_HEADLINE}</h1>`);
    expect(doc.text).toContain('濰坊');
    expect(doc.text).toContain('來源:大眾日報');
    expect(doc.text).toContain('網站無障礙');
  });

  it('decodes a GBK text capture with no declaration by detection', () => {
    const doc = decodeFixture('charset-gbk.txt');
    expect(doc).toMatchObject({ charset: 'gb18030', detected: true, evidence: 'detection' });
    expect(doc.declared).toBeUndefined();
    expect(doc.text).toBe('示例内容：东营黄河口湿地迎来候鸟迁徙高峰。\n记者 张三\n');
  });

  it('decodes plain ASCII as UTF-8 when nothing is declared', () => {
    const doc = decodeDocument(ascii('<rss version="2.0"></rss>'), { name: 'a.xml' });
    expect(doc).toEqual({
      text: '<rss version="2.0"></rss>',
      charset: 'utf-8',
      detected: true,
      evidence: 'detection',
    });
  });
});

describe('decodeDocument: mislabelled documents are decoded by what they are', () => {
  it('UTF-8 bytes declared gbk', () => {
    const doc = decodeFixture('mislabelled-utf8-as-gbk.html');
    expect(doc).toMatchObject({ charset: 'utf-8', declared: 'gbk', detected: true });
    expect(doc.text).toContain('<h1>淄博示例烧烤节开幕</h1>');
    expect(doc.text).toContain('记者王喆在现场');
  });

  it('GBK bytes declared utf-8', () => {
    const doc = decodeFixture('mislabelled-gbk-as-utf8.xml');
    expect(doc).toMatchObject({ charset: 'gb18030', declared: 'utf-8', detected: true });
    expect(doc.text).toContain('<dc:creator>李堃</dc:creator>');
    expect(doc.text).toContain('张昇担任志愿者');
  });

  it('GBK bytes declared big5, which they also "decode" in cleanly, as nonsense', () => {
    const bytes = fixture('charset-gbk-labelled-big5.html');
    const asBig5 = decodeStrict(bytes, 'big5');
    // The trap: a strict Big5 decode succeeds, so only detection tells the two apart.
    expect(asBig5.ok).toBe(true);
    const doc = decodeFixture('charset-gbk-labelled-big5.html');
    expect(doc).toMatchObject({ charset: 'gb18030', declared: 'big5', detected: true });
    expect(doc.text).toContain('临沂市某县示例村举办民俗展');
  });

  it('Big5 bytes declared gbk', () => {
    const bytes = fixture('page-big5-http-equiv.html');
    const doc = decodeDocument(bytes, { name: 'p.html', contentType: 'text/html; charset=gbk' });
    expect(doc).toMatchObject({ charset: 'big5', declared: 'gbk', detected: true });
    expect(doc.text).toContain(BIG5_HEADLINE);
  });

  it('GBK bytes declared iso-8859-1 (windows-1252 in browsers)', () => {
    const bytes = fixture('rss-gbk.xml');
    const doc = decodeDocument(bytes, {
      name: 'f.xml',
      contentType: 'text/xml; charset=ISO-8859-1',
    });
    expect(doc).toMatchObject({ charset: 'gb18030', declared: 'windows-1252', detected: true });
    expect(doc.text).toContain('王喆');
  });

  it('a short GBK document that happens to be valid UTF-8 keeps its GBK declaration', () => {
    // "茅" is C3 A9 in GBK: also "é" in UTF-8. Without Chinese in the UTF-8 reading, the
    // declaration breaks the tie.
    const bytes = concat(ascii('<meta charset="gbk"><p>'), bytesOf('茅', 'gbk'), ascii('</p>'));
    expect(decodeStrict(bytes, 'utf-8').ok).toBe(true);
    const doc = decodeDocument(bytes, { name: 'short.html' });
    expect(doc).toMatchObject({ charset: 'gb18030', declared: 'gbk', detected: false });
    expect(doc.text).toContain('<p>茅</p>');
  });
});

describe('decodeDocument: byte order marks', () => {
  it('strips a UTF-8 BOM', () => {
    const doc = decodeFixture('charset-utf8-bom.txt');
    expect(doc).toMatchObject({ charset: 'utf-8', declared: 'utf-8', evidence: 'bom' });
    expect(doc.text).toBe('示例内容：东营黄河口湿地迎来候鸟迁徙高峰。\n记者 张三\n');
  });

  it.each(['charset-utf16le-bom.txt', 'charset-utf16be-bom.txt'])('decodes %s', (name) => {
    const doc = decodeFixture(name);
    expect(doc.charset).toBe(name.includes('le') ? 'utf-16le' : 'utf-16be');
    expect(doc.detected).toBe(false);
    expect(doc.text).toBe('示例内容：东营黄河口湿地迎来候鸟迁徙高峰。\n记者 张三\n');
  });

  it('lets the BOM win over the override, the header and <meta>', () => {
    const bytes = concat(
      new Uint8Array([0xef, 0xbb, 0xbf]),
      ascii('<meta charset="big5">'),
      bytesOf('山东', 'utf-8'),
    );
    const doc = decodeDocument(bytes, {
      name: 'bom.html',
      override: 'gbk',
      contentType: 'text/html; charset=big5',
    });
    expect(doc).toMatchObject({
      charset: 'utf-8',
      declared: 'utf-8',
      evidence: 'bom',
      detected: false,
    });
    expect(doc.text).toBe('<meta charset="big5">山东');
  });

  it('keeps a second BOM as content (only the first is a mark)', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const doc = decodeDocument(concat(bom, bom, ascii('x')), { name: 'b.txt' });
    expect(doc.text).toBe('\uFEFFx');
  });

  it('refuses UTF-16 with a BOM but an odd number of bytes or a lone surrogate', () => {
    const odd = concat(
      new Uint8Array([0xff, 0xfe]),
      bytesOf('山东', 'utf-16le'),
      new Uint8Array([0x41]),
    );
    expectRefused(() => decodeDocument(odd, { name: 'odd.txt' }), 'charset', 'odd.txt');
    const lone = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00]);
    expectRefused(() => decodeDocument(lone, { name: 'lone.txt' }), 'charset', 'lone.txt');
  });
});

describe('decodeDocument: order of evidence', () => {
  // Pure ASCII decodes the same in every charset, so which claim won is visible in `declared`.
  const page = ascii(
    '<?xml version="1.0" encoding="gb2312"?>\n<html><head><meta charset="big5"></head></html>',
  );

  it('takes the override over the header, the XML declaration and <meta>', () => {
    const doc = decodeDocument(page, {
      name: 'p',
      override: 'UTF-8',
      contentType: 'text/html; charset=iso-8859-1',
    });
    expect(doc).toMatchObject({ declared: 'utf-8', charset: 'utf-8', evidence: 'override' });
  });

  it('takes the HTTP header over the XML declaration and <meta>', () => {
    const doc = decodeDocument(page, { name: 'p', contentType: 'text/html; charset="ISO-8859-1"' });
    expect(doc).toMatchObject({
      declared: 'windows-1252',
      charset: 'windows-1252',
      evidence: 'content-type',
      detected: false,
    });
  });

  it('takes the XML declaration over <meta>', () => {
    const doc = decodeDocument(page, { name: 'p', contentType: 'application/xml' });
    expect(doc).toMatchObject({ declared: 'gbk', charset: 'gb18030', evidence: 'xml-declaration' });
  });

  it('takes <meta> when nothing else declares', () => {
    const doc = decodeDocument(ascii('<head><meta charset=big5>'), { name: 'p' });
    expect(doc).toMatchObject({ declared: 'big5', charset: 'big5', evidence: 'meta' });
  });

  it('holds a valid header over a valid, different <meta> in a Chinese document', () => {
    const big5 = concat(
      ascii('<meta charset="gbk">'),
      bytesOf('山東省濟南市舉辦示例讀書會，歡迎市民參加。', 'big5'),
    );
    const doc = decodeDocument(big5, { name: 'p', contentType: 'text/html; charset=big5' });
    expect(doc).toMatchObject({ charset: 'big5', evidence: 'content-type', detected: false });
    expect(doc.text).toContain('濟南市');
  });

  it('falls back to a lower declaration when the strongest one is invalid', () => {
    // Too short for detection to prefer either Chinese charset: the <meta> breaks the tie.
    const bytes = concat(ascii('<meta charset="big5">'), bytesOf('示例', 'big5'));
    const doc = decodeDocument(bytes, { name: 'p', contentType: 'text/html;charset=utf-8' });
    expect(doc).toMatchObject({
      charset: 'big5',
      declared: 'utf-8',
      evidence: 'meta',
      detected: true,
    });
    expect(doc.text).toBe('<meta charset="big5">示例');
  });

  it('verifies the override and overrules it when the bytes say otherwise', () => {
    const doc = decodeFixture('rss-gbk.xml', { override: 'big5' });
    expect(doc).toMatchObject({ charset: 'gb18030', declared: 'big5', detected: true });
    expect(doc.text).toContain('堃');
  });

  it('applies an override that the document contradicts when the bytes agree with it', () => {
    const bytes = concat(
      ascii('<meta charset="utf-8">'),
      bytesOf('潍坊示例新闻，记者王喆报道。', 'gbk'),
    );
    const doc = decodeDocument(bytes, { name: 'p', override: 'GB2312' });
    expect(doc).toMatchObject({
      charset: 'gb18030',
      declared: 'gbk',
      evidence: 'override',
      detected: false,
    });
    expect(doc.text).toContain('王喆');
  });

  it('refuses an override that names no charset', () => {
    const error = expectRefused(
      () => decodeDocument(page, { name: 'src', override: 'gbk2' }),
      'charset',
      'src',
    );
    expect(error.message).toContain('gbk2');
  });

  it('treats a blank override as none', () => {
    expect(decodeDocument(page, { name: 'p', override: ' ' })).toMatchObject({ declared: 'gbk' });
  });

  it('decodes UTF-16 without a BOM when the header says so and the bytes agree', () => {
    const doc = decodeDocument(bytesOf('<p>济南</p>', 'utf-16be'), {
      name: 'p',
      contentType: 'text/html; charset=UTF-16BE',
    });
    expect(doc).toMatchObject({
      text: '<p>济南</p>',
      charset: 'utf-16be',
      evidence: 'content-type',
    });
  });

  it('ignores a UTF-16 header on bytes with no NUL (they cannot be UTF-16 markup)', () => {
    const doc = decodeDocument(ascii('<p>hello</p>'), {
      name: 'p',
      contentType: 'text/html; charset=utf-16',
    });
    expect(doc).toMatchObject({ text: '<p>hello</p>', charset: 'utf-8' });
  });

  it('ignores unknown labels and keeps looking', () => {
    const doc = decodeDocument(ascii('<meta charset="klingon"><meta charset="gbk">'), {
      name: 'p',
      contentType: 'text/html; charset=nonsense',
    });
    expect(doc).toMatchObject({ declared: 'gbk', evidence: 'meta' });
  });

  it('reads a <meta> that says utf-16 as utf-8 (it was readable as ASCII)', () => {
    const bytes = concat(ascii('<meta charset="utf-16">'), bytesOf('济南', 'utf-8'));
    expect(decodeDocument(bytes, { name: 'p' })).toMatchObject({
      charset: 'utf-8',
      declared: 'utf-8',
    });
  });
});

describe('decodeDocument: GB18030 four-byte sequences', () => {
  it('decodes Extension B characters and the BMP four-byte area', () => {
    const text = '𠀀𪚥𬭚㐂€';
    const doc = decodeDocument(
      concat(ascii('<?xml version="1.0" encoding="gb18030"?>'), bytesOf(text, 'gb18030')),
      {
        name: 'x',
      },
    );
    expect(doc.text.endsWith(text)).toBe(true);
  });

  it('treats GBK declared documents as GB18030 (its superset)', () => {
    const bytes = concat(ascii('<meta charset="gbk">'), bytesOf('示例𠀀庄', 'gb18030'));
    expect(decodeDocument(bytes, { name: 'x' })).toMatchObject({
      charset: 'gb18030',
      declared: 'gbk',
      detected: false,
    });
  });

  it('accepts the four-byte code of U+FFFD itself', () => {
    const bytes = concat(
      ascii('<meta charset="gb18030">a'),
      new Uint8Array([0x84, 0x31, 0xa4, 0x37]),
    );
    expect(decodeDocument(bytes, { name: 'x' }).text).toBe('<meta charset="gb18030">a\uFFFD');
  });

  it.each([
    ['beyond U+FFFF in the BMP area', [0x84, 0x31, 0xa5, 0x30]],
    ['between the BMP and supplementary areas', [0x85, 0x30, 0x81, 0x30]],
    ['beyond U+10FFFF', [0xe3, 0x32, 0x9a, 0x36]],
    ['a truncated four-byte code', [0x81, 0x30, 0x81]],
  ])('refuses an unassigned four-byte code: %s', (_, code) => {
    expect(decodeStrict(new Uint8Array(code), 'gb18030').ok).toBe(false);
    const bytes = concat(
      ascii('<meta charset="gb18030">'),
      bytesOf('示例', 'gb18030'),
      new Uint8Array(code),
    );
    const error = expectRefused(
      () => decodeDocument(bytes, { name: 'bad.html' }),
      'charset',
      'bad.html',
    );
    expect(error.message).toContain(
      'declared gb18030, but bytes are invalid in gb18030, utf-8 and big5',
    );
  });
});

describe('decodeDocument: refusals', () => {
  it('refuses the undecodable fixture, naming it, the charsets tried and why', () => {
    const error = expectRefused(
      () => decodeFixture('undecodable.txt'),
      'charset',
      'undecodable.txt',
    );
    expect(error.message).toContain(
      'no charset declared, and bytes are invalid in utf-8, gb18030 and big5',
    );
    expect(error.message).toContain('invalid gb18030 sequence at byte 23 (ff 20');
    expect(error.chinese).toMatch(/^无法识别或解码文字编码（/);
  });

  it('names the declared charset first, as the example in the design does', () => {
    const bytes = concat(ascii('<meta charset="GB2312">'), fixture('undecodable.txt'));
    const error = expectRefused(
      () => decodeDocument(bytes, { name: 'https://news.example.cn/a.html' }),
      'charset',
      'https://news.example.cn/a.html',
    );
    expect(error.message).toContain(
      'declared gbk, but bytes are invalid in gbk, utf-8, gb18030 and big5',
    );
  });

  it('refuses the binary fixture', () => {
    const error = expectRefused(() => decodeFixture('binary.bin'), 'binary', 'binary.bin');
    expect(error.message).toContain('PNG');
  });

  it.each([
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0]],
    ['GIF', [...ascii('GIF89a')]],
    ['ZIP', [0x50, 0x4b, 0x03, 0x04]],
    ['PDF', [...ascii('%PDF-1.7\n')]],
    ['gzip', [0x1f, 0x8b, 0x08]],
  ])('refuses a %s file', (format, magic) => {
    const bytes = concat(new Uint8Array(magic), ascii(' some text after the signature'));
    const error = expectRefused(() => decodeDocument(bytes, { name: 'f' }), 'binary', 'f');
    expect(error.message).toContain(format);
  });

  it('refuses NUL bytes, wherever they are', () => {
    const early = concat(ascii('abc'), new Uint8Array([0]), ascii('def'));
    expect(
      expectRefused(() => decodeDocument(early, { name: 'n' }), 'binary', 'n').message,
    ).toContain('offset 3');
    const late = concat(ascii('x'.repeat(5000)), new Uint8Array([0]));
    expectRefused(() => decodeDocument(late, { name: 'n' }), 'binary', 'n');
    const inUtf16 = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0x00]);
    expectRefused(() => decodeDocument(inUtf16, { name: 'n' }), 'binary', 'n');
  });

  it('does not take text that starts like a signature for binary', () => {
    expect(decodeDocument(ascii('BMW 新车示例'), { name: 't' }).text).toBe('BMW 新车示例');
  });

  it('refuses the empty fixture, whitespace only, and a BOM only', () => {
    expectRefused(() => decodeFixture('empty.txt'), 'empty', 'empty.txt');
    expectRefused(() => decodeDocument(ascii(' \r\n\t '), { name: 'w' }), 'empty', 'w');
    expectRefused(
      () => decodeDocument(new Uint8Array([0xef, 0xbb, 0xbf, 0x0a]), { name: 'b' }),
      'empty',
      'b',
    );
    expectRefused(
      () => decodeDocument(new Uint8Array([0xfe, 0xff, 0x00, 0x20]), { name: 'u' }),
      'empty',
      'u',
    );
    // Ideographic spaces only: whitespace too, once decoded.
    expectRefused(
      () => decodeDocument(bytesOf('\u3000\u3000', 'utf-8'), { name: 'i' }),
      'empty',
      'i',
    );
  });

  it('refuses a 7-bit stateful encoding it cannot decode instead of passing it as ASCII', () => {
    const hz = ascii('~{<:Ky2;!#~}');
    expectRefused(
      () => decodeDocument(hz, { name: 'hz', contentType: 'text/plain; charset=hz-gb-2312' }),
      'charset',
      'hz',
    );
  });
});

describe('decodeDocument: size', () => {
  it('decodes a ~20 MB GBK document (detection samples, decoding is whole)', () => {
    const paragraph = '<p>示例内容：潍坊市民在风筝广场参加周末活动，记者王喆、李堃现场采访。</p>\n';
    const count = Math.ceil((20 * 1024 * 1024) / bytesOf(paragraph, 'gbk').length);
    const tail = '<p>最后一段：张昇𠀀</p>';
    const bytes = concat(
      ascii('<?xml version="1.0" encoding="GBK"?>\n<doc>'),
      bytesOf(paragraph.repeat(count), 'gbk'),
      bytesOf(tail, 'gb18030'),
      ascii('</doc>'),
    );
    expect(bytes.length).toBeGreaterThan(20 * 1024 * 1024);
    const doc = decodeDocument(bytes, { name: 'big.xml' });
    expect(doc.charset).toBe('gb18030');
    expect(doc.text.endsWith(`${tail}</doc>`)).toBe(true);
    expect(doc.text.length).toBe(
      '<?xml version="1.0" encoding="GBK"?>\n<doc>'.length +
        paragraph.length * count +
        tail.length +
        6,
    );
  });

  it('decodes a ~20 MB undeclared GBK document by detection', () => {
    const paragraph = '济南泉城路商圈今日推出便民服务点，张昇担任志愿者。\n';
    const bytes = bytesOf(paragraph.repeat(Math.ceil((20 * 1024 * 1024) / 50)), 'gbk');
    const doc = decodeDocument(bytes, { name: 'big.txt' });
    expect(doc).toMatchObject({ charset: 'gb18030', detected: true });
    expect(doc.text.slice(0, paragraph.length)).toBe(paragraph);
  });
});

describe('round trips (property)', () => {
  /** Characters each charset encodes: the pools the strings are drawn from. */
  const SIMPLIFIED = [
    ...'济南青岛淄博枣庄东营烟台潍坊济宁泰安威海日照临沂德州聊城滨州菏泽示例内容新闻记者报道市民活动举办今日社区',
  ];
  const GBK_EXTRA = [...GBK_ONLY, ...'，。：“”（）'];
  const TRADITIONAL = [
    ...'濟南青島淄博棗莊東營煙臺濰坊濟寧泰安威海日照臨沂德州聊城濱州菏澤示例內容新聞記者報導市民活動舉辦今日社區，。：「」',
  ];
  const ASCII = [...'abc XYZ 123 <>&;'];

  const text = (pools: readonly (readonly string[])[]) =>
    fc
      .array(fc.constantFrom(...pools.flat()), { minLength: 8, maxLength: 200 })
      .map((chars) => chars.join(''))
      .filter((s) => s.trim() !== '');

  const cases = [
    { charset: 'gbk', decoder: 'gb18030', pools: [SIMPLIFIED, GBK_EXTRA, ASCII] },
    {
      charset: 'gb18030',
      decoder: 'gb18030',
      pools: [SIMPLIFIED, GBK_EXTRA, [...FOUR_BYTE], ASCII],
    },
    { charset: 'big5', decoder: 'big5', pools: [TRADITIONAL, ASCII] },
    { charset: 'utf-8', decoder: 'utf-8', pools: [SIMPLIFIED, TRADITIONAL, [...FOUR_BYTE], ASCII] },
  ] as const;

  it.each(cases)(
    '$charset: declared in <meta>, text comes back unchanged',
    ({ charset, decoder, pools }) => {
      fc.assert(
        fc.property(text(pools), (s) => {
          const head = `<meta charset="${charset}">`;
          const doc = decodeDocument(concat(ascii(head), bytesOf(s, charset)), { name: 'prop' });
          expect(doc.text).toBe(head + s);
          expect(doc.charset).toBe(decoder);
        }),
      );
    },
  );

  it.each(cases)(
    '$charset: declared by HTTP with a wrong <meta>, text comes back unchanged',
    ({ charset, pools }) => {
      fc.assert(
        fc.property(
          text(pools),
          fc.constantFrom('utf-8', 'gbk', 'big5', 'windows-1252'),
          (s, wrong) => {
            const head = `<meta charset="${wrong}">`;
            const doc = decodeDocument(concat(ascii(head), bytesOf(s, charset)), {
              name: 'prop',
              contentType: `text/html; charset=${charset}`,
            });
            expect(doc.text).toBe(head + s);
          },
        ),
      );
    },
  );

  it('never lets U+FFFD or a lone surrogate out, whatever the bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.constantFrom(undefined, 'gbk', 'big5', 'utf-8'),
        (bytes, declared) => {
          const input = declared ? concat(ascii(`<meta charset="${declared}">`), bytes) : bytes;
          let doc;
          try {
            doc = decodeDocument(input, { name: 'fuzz' });
          } catch (error) {
            expect(error).toBeInstanceOf(IngestError);
            return;
          }
          const legitimate =
            Buffer.from(input).includes(Buffer.from([0x84, 0x31, 0xa4, 0x37])) ||
            Buffer.from(input).includes(Buffer.from([0xef, 0xbf, 0xbd]));
          if (!legitimate) expect(doc.text).not.toContain('\uFFFD');
          expect(doc.text).not.toMatch(
            /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('canonicalCharset', () => {
  it.each([
    ['gb2312', 'gbk'],
    ['GBK', 'gbk'],
    ['x-gbk', 'gbk'],
    ['cp936', 'gbk'],
    ['GB18030', 'gb18030'],
    ['big5', 'big5'],
    ['Big5-HKSCS', 'big5'],
    ['x-x-big5', 'big5'],
    ['UTF8', 'utf-8'],
    [' "utf-8" ', 'utf-8'],
    ['ISO-8859-1', 'windows-1252'],
    ['us-ascii', 'windows-1252'],
    ['utf-16', 'utf-16le'],
    ['Shift_JIS', 'shift_jis'],
  ])('%s → %s', (label, canonical) => {
    expect(canonicalCharset(label)).toBe(canonical);
  });

  it('knows no made-up or absurdly long labels', () => {
    expect(canonicalCharset('gbk2')).toBeUndefined();
    expect(canonicalCharset('')).toBeUndefined();
    expect(canonicalCharset(`"${'"'.repeat(100000)}`)).toBeUndefined();
  });
});

describe('prescan', () => {
  it('reads the Content-Type charset parameter', () => {
    expect(charsetParameter('text/html; charset=GBK')).toBe('gbk');
    expect(charsetParameter('text/html;charset="big5"')).toBe('big5');
    expect(charsetParameter("text/html; charset = 'utf-8'; q=1")).toBe('utf-8');
    expect(charsetParameter('text/html; x-charset-note=1; charset=gb2312')).toBe('gb2312');
    expect(charsetParameter('text/html')).toBeUndefined();
    expect(charsetParameter('text/html; charset="gbk')).toBeUndefined();
  });

  it('reads the XML declaration, with either quote and leading whitespace', () => {
    expect(xmlDeclarationEncoding(ascii('<?xml version="1.0" encoding="GBK"?><rss/>'))).toBe('GBK');
    expect(
      xmlDeclarationEncoding(ascii("\n  <?xml version='1.0' encoding = 'big5' standalone='yes'?>")),
    ).toBe('big5');
    expect(
      xmlDeclarationEncoding(ascii('<?xml version="1.0"?><rss encoding="gbk"/>')),
    ).toBeUndefined();
    expect(
      xmlDeclarationEncoding(ascii('<rss><?xml version="1.0" encoding="gbk"?></rss>')),
    ).toBeUndefined();
  });

  it('follows the HTML prescan: comments, other tags and pragma rules', () => {
    expect(metaCharsets(ascii('<meta charset="gbk">'))).toEqual(['gbk']);
    expect(metaCharsets(ascii('<META CHARSET=Big5>'))).toEqual(['big5']);
    expect(
      metaCharsets(ascii('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')),
    ).toEqual(['gb2312']);
    expect(
      metaCharsets(ascii('<meta content="text/html; charset=gb2312" http-equiv=content-type />')),
    ).toEqual(['gb2312']);
    // content= without http-equiv="Content-Type" is not a declaration.
    expect(metaCharsets(ascii('<meta name="x" content="charset=gbk">'))).toEqual([]);
    expect(metaCharsets(ascii('<!-- <meta charset="big5"> --><meta charset="gbk">'))).toEqual([
      'gbk',
    ]);
    expect(metaCharsets(ascii('<!--><meta charset="gbk">'))).toEqual(['gbk']);
    expect(metaCharsets(ascii('<a title="<meta charset=big5>">x</a><meta charset="gbk">'))).toEqual(
      ['gbk'],
    );
    expect(metaCharsets(ascii('<metadata charset="big5"><meta charset="gbk">'))).toEqual(['gbk']);
    expect(metaCharsets(ascii('<meta charset="gbk" charset="big5">'))).toEqual(['gbk']);
  });

  it('looks only at the first 8 KB', () => {
    const far = concat(ascii(`<!-- ${'x'.repeat(9000)} -->`), ascii('<meta charset="big5">'));
    expect(metaCharsets(far)).toEqual([]);
  });

  it('stays linear on hostile markup', () => {
    const hostile = ascii(`${'<meta a='.repeat(2000)}${'<!--'.repeat(2000)}${'<a "'.repeat(2000)}`);
    expect(metaCharsets(hostile)).toEqual([]);
    const longXml = ascii(`<?xml ${'a="b" '.repeat(10000)}`);
    expect(xmlDeclarationEncoding(longXml)).toBeUndefined();
    expect(charsetParameter('charset'.repeat(100000))).toBeUndefined();
  });
});
