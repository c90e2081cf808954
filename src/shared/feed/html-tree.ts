import { Parser } from 'htmlparser2';
import { stripControls } from './clean-text';
import { DROPPED_WITH_CONTENT } from './html-elements';
import { LIMITS } from './limits';

/**
 * Untrusted HTML → a minimal element tree, using htmlparser2's streaming
 * callbacks (it does the hard part: entities, unclosed and misnested tags,
 * raw-text elements). Three things are decided here, once, so the converter
 * never sees them: elements in DROPPED_WITH_CONTENT vanish with their subtree;
 * attributes are not copied except the few the converter may use; and nesting
 * deeper than LIMITS.htmlTreeDepth is flattened (its text kept), so no later
 * recursion can overflow the stack on hostile input. Text and alt text leave
 * without control characters and bidi overrides (clean-text.ts).
 */

/** The only attributes that leave the parser. */
export interface KeptAttributes {
  readonly href?: string;
  readonly src?: string;
  readonly alt?: string;
  readonly width?: string;
  readonly height?: string;
}

/** An element of the tree; `name` is lower-case. */
export interface HtmlElement {
  readonly name: string;
  readonly attrs: KeptAttributes;
  readonly children: HtmlNode[];
}

/** A node: text (entities decoded) or an element. */
export type HtmlNode = string | HtmlElement;

/**
 * Attribute text is capped before anything reads it: an `alt` of 200,000
 * spaces is as easy to send as a short one. An alt is cut at 4 ×
 * LIMITS.imageAltLength (whitespace collapsing and shortening follow), a URL
 * longer than 4 × LIMITS.urlLength is dropped (it could not resolve within
 * the limit anyway), and a width or height longer than 16 characters is no
 * number.
 */
const MAX_ALT = LIMITS.imageAltLength * 4;
const MAX_URL = LIMITS.urlLength * 4;
const MAX_DIMENSION = 16;

function capped(value: string | undefined, max: number, cut: boolean): string | undefined {
  if (value === undefined || value.length <= max) return value;
  return cut ? value.slice(0, max) : undefined;
}

function stripAltControls(alt: string | undefined): string | undefined {
  return alt === undefined ? undefined : stripControls(alt);
}

function keptAttributes(name: string, attribs: Readonly<Record<string, string>>): KeptAttributes {
  if (name === 'a') {
    const href = capped(attribs.href, MAX_URL, false);
    return href === undefined ? {} : { href };
  }
  if (name === 'img') {
    return {
      src: capped(attribs.src, MAX_URL, false),
      alt: stripAltControls(capped(attribs.alt, MAX_ALT, true)),
      width: capped(attribs.width, MAX_DIMENSION, false),
      height: capped(attribs.height, MAX_DIMENSION, false),
    };
  }
  return {};
}

/** Parses `html` into top-level nodes. */
export function parseHtmlTree(html: string): HtmlNode[] {
  const root: HtmlElement = { name: '#root', attrs: {}, children: [] };
  // `open` holds the elements we built and that are still open; `entries`
  // mirrors htmlparser2's own stack (every open tag gets exactly one close
  // event, implied or not), recording whether each entry is in `open`.
  const open: HtmlElement[] = [root];
  const entries: boolean[] = [];
  // Inside a dropped element: how many tags deep (0 = not dropping).
  let dropDepth = 0;

  const current = (): HtmlElement => open[open.length - 1] ?? root;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (dropDepth > 0 || DROPPED_WITH_CONTENT.has(name)) {
          dropDepth++;
          return;
        }
        if (open.length > LIMITS.htmlTreeDepth) {
          entries.push(false);
          return;
        }
        const element: HtmlElement = { name, attrs: keptAttributes(name, attribs), children: [] };
        current().children.push(element);
        open.push(element);
        entries.push(true);
      },
      onclosetag() {
        if (dropDepth > 0) {
          dropDepth--;
          return;
        }
        if (entries.pop() === true) open.pop();
      },
      ontext(raw) {
        if (dropDepth > 0) return;
        // After entity decoding, so `&#x202E;` goes too: text is text, never a control.
        const data = stripControls(raw, true);
        const { children } = current();
        const last = children[children.length - 1];
        // htmlparser2 reports text in pieces (around entities); join them.
        if (typeof last === 'string') children[children.length - 1] = last + data;
        else children.push(data);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return root.children;
}
