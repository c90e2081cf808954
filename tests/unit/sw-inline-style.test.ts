import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  allowStyleSource,
  hashSource,
  isInlinable,
  linkedStylesheet,
  withInlineStyle,
} from '../../src/sw/boot/inline-style';

const LINK = '<link rel="stylesheet" crossorigin href="/assets/style-Ab12.css">';
const SHELL = `<html><head><title>t</title>${LINK}</head><body><div id="app"></div></body></html>`;

describe('the stylesheet written into a boot view', () => {
  it('finds the link Vite writes and replaces exactly it with the rules', async () => {
    expect(linkedStylesheet(SHELL)).toBe('/assets/style-Ab12.css');
    const css = 'body{margin:0}.a>b{color:red}';
    const style = { href: '/assets/style-Ab12.css', css, source: await hashSource(css) };
    const html = withInlineStyle(SHELL, style);
    expect(html).toBe(SHELL.replace(LINK, `<style>${css}</style>`));
    // Another stylesheet's link is left as it is.
    expect(withInlineStyle(SHELL, { ...style, href: '/assets/other.css' })).toBe(SHELL);
    expect(linkedStylesheet('<link rel="stylesheet" href="https://cdn.example/a.css">')).toBe(
      undefined,
    );
  });

  it('hashes as CSP does: SHA-256 of the UTF-8 text, base64', async () => {
    const css = '.标题::after{content:"「」"}';
    const expected = createHash('sha256').update(css, 'utf8').digest('base64');
    expect(await hashSource(css)).toBe(`'sha256-${expected}'`);
  });

  it('refuses text that would end the element early or that the parser would change', () => {
    expect(isInlinable('a{b:c}')).toBe(true);
    expect(isInlinable('a{content:"</STYLE>"}')).toBe(false);
    expect(isInlinable('a{b:c}\r\nd{e:f}')).toBe(false);
    expect(isInlinable('a{b:c}\0')).toBe(false);
  });

  it('allows the hash in style-src, or in a style-src made from default-src, and nothing more', () => {
    const source = "'sha256-abc='";
    expect(allowStyleSource("default-src 'self'; style-src 'self'; img-src 'self'", source)).toBe(
      `default-src 'self'; style-src 'self' ${source}; img-src 'self'`,
    );
    expect(allowStyleSource("default-src 'self' https://x.example; img-src *", source)).toBe(
      `default-src 'self' https://x.example; img-src *; style-src 'self' https://x.example ${source}`,
    );
    // No directive governs styles: nothing to add.
    expect(allowStyleSource('img-src *', source)).toBe('img-src *');
    // Directive names are case-insensitive; an empty directive is dropped.
    expect(allowStyleSource("STYLE-SRC 'self';;", source)).toBe(`STYLE-SRC 'self' ${source}`);
  });
});
