import { matchPrecache } from 'workbox-precaching';
import type { InlineStyle } from '../boot/inline-style';
import {
  allowStyleSource,
  hashSource,
  isInlinable,
  linkedStylesheet,
  withInlineStyle,
} from '../boot/inline-style';

/**
 * The precached stylesheet a boot view links, written into it
 * (../boot/inline-style.ts), read and hashed once per stylesheet while the
 * worker runs.
 */

let remembered:
  { readonly href: string; readonly style: Promise<InlineStyle | undefined> } | undefined;

async function readStyle(href: string): Promise<InlineStyle | undefined> {
  const response = await matchPrecache(href);
  if (!response?.ok) return undefined;
  const css = await response.text();
  if (!isInlinable(css)) return undefined;
  return { href, css, source: await hashSource(css) };
}

function styleOf(href: string): Promise<InlineStyle | undefined> {
  if (remembered?.href !== href) {
    const style = readStyle(href).catch((error: unknown) => {
      console.warn(`Stylesheet ${href} not written into the boot view`, error);
      return undefined;
    });
    remembered = { href, style };
  }
  return remembered.style;
}

/**
 * `html` (a boot view, served with `headers`) with its stylesheet written in,
 * and `headers`' Content-Security-Policy allowing it. Where the stylesheet is
 * not precached or cannot be written in, `html` is returned as it is: it links
 * the stylesheet, as before.
 */
export async function withShellStyle(html: string, headers: Headers): Promise<string> {
  const href = linkedStylesheet(html);
  if (href === undefined) return html;
  const style = await styleOf(href);
  if (!style) return html;
  const policy = headers.get('content-security-policy');
  if (policy !== null)
    headers.set('content-security-policy', allowStyleSource(policy, style.source));
  return withInlineStyle(html, style);
}
