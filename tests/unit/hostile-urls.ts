import type { Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { expect } from 'vitest';

/**
 * URLs a hostile feed may put where a link or picture address goes, and
 * checks on rendered HTML, for the tests that render every component writing
 * a feed-provided URL into an attribute.
 */

/** Script, data and other non-web URLs, with the case, whitespace and control-character tricks that once got past filters. */
export const HOSTILE: readonly string[] = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  '\tjavascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\rscript:alert(1)',
  '\u0001javascript:alert(1)',
  '\u0000javascript:alert(1)',
  '  \n javascript:alert(1)',
  'javascript&colon;alert(1)',
  'jav&#x09;ascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  ' data:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)',
  'VbScRiPt:msgbox(1)',
  '\u0008vbscript:msgbox(1)',
  'blob:https://news.example.com/0a1b',
  'file:///etc/passwd',
  '//evil.example/a.js',
  '',
];

/** A web URL, which must come through. */
export const SAFE = 'https://www.dzwww.com/a/photo.jpg';

/** Every href, src, srcset, action, formaction, poster and xlink:href in `html`, entities decoded. */
export function urlAttributes(html: string): string[] {
  const names = ['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'xlink:href'];
  return DomUtils.findAll(() => true, parseDocument(html).children).flatMap((element: Element) =>
    names.flatMap((name) => (element.attribs[name] === undefined ? [] : [element.attribs[name]])),
  );
}

/** Fails when an attribute holds anything but an http(s) URL or a path of the app itself. */
export function expectOnlyWebUrls(html: string): void {
  for (const value of urlAttributes(html)) {
    // What a browser would read: leading C0 controls and spaces and inner tabs/newlines ignored.
    let start = 0;
    while (start < value.length && value.charCodeAt(start) <= 0x20) start++;
    const seen = value
      .slice(start)
      .replace(/[\t\n\r]/g, '')
      .toLowerCase();
    expect(seen, `attribute value ${JSON.stringify(value)}`).toMatch(/^(https?:\/\/|\/(?!\/))/);
    expect(seen).not.toMatch(/script|data:|blob:|file:/);
  }
}
