/**
 * The boot view: on a navigation to a stored article, the service worker
 * answers with the shell plus the article already written into the HTML, so
 * the text shows as fast as a static page while the app's code loads. The app
 * renders hidden beneath it and removes it once its own page is ready. Page
 * and worker agree on these names; nothing else about the view is shared.
 */

/**
 * The unrendered shell (tools/prerender.ts writes it beside the prerendered
 * pages): the precached page every navigation the worker answers gets, and
 * the boot view is built from. Servers send it for paths without a page.
 */
export const SHELL_URL = '/shell.html';

/** The element the worker writes the article into (a sibling after `#app`). */
export const BOOT_ELEMENT_ID = 'boot';

/**
 * The script the boot view runs instead of the app's entry (public/boot-loader.js): it
 * loads the entry, named in {@link BOOT_ENTRY_ATTRIBUTE}, after the first paint.
 */
export const BOOT_LOADER_URL = '/boot-loader.js';
export const BOOT_ENTRY_ATTRIBUTE = 'data-qilu-entry';

/** On `<html>` while the boot view is showing: the app stays hidden until it takes over. */
export const BOOTING_CLASS = 'booting';

/**
 * The worker cannot read localStorage, so the page mirrors what the boot view
 * needs of the reader's settings into Cache Storage under this URL.
 */
export const BOOT_PREFS_CACHE = 'qilu-boot-v1';
export const BOOT_PREFS_URL = '/__qilu/boot-prefs.json';

/** What the page mirrors: the reading settings' `<html>` attributes and the 无图 choice. */
export interface BootPrefs {
  /** `data-*` attributes of `<html>` (text size, theme, 长辈版 …), name → value. */
  readonly rootAttributes: Readonly<Record<string, string>>;
  readonly noImages: boolean;
}

/**
 * Where the page also keeps the attributes (localStorage), for the script every
 * prerendered page runs before it paints (public/root-attributes.js, which
 * spells this key and the two checks below out again: it is inlined, and
 * imports nothing).
 */
export const ROOT_ATTRIBUTES_KEY = 'qilu:root-attributes';

/** Only `data-*` names with plain characters are copied into the worker's HTML. */
export const ATTRIBUTE_NAME = /^data-[a-z][a-z0-9-]*$/;
/**
 * And only plain token values (every reading setting is one: `dark`, `200`,
 * `true`): the worker writes them into an attribute as they are, so a value
 * that would need escaping is dropped rather than escaped.
 */
export const ATTRIBUTE_VALUE = /^[A-Za-z0-9._-]{0,64}$/;

/**
 * Reads a mirrored {@link BootPrefs}, dropping anything malformed: the worker
 * writes these values into HTML, so it trusts nothing it did not check.
 */
export function parseBootPrefs(value: unknown): BootPrefs {
  const record =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const rootAttributes: Record<string, string> = {};
  const attributes = record.rootAttributes;
  if (typeof attributes === 'object' && attributes !== null) {
    for (const [name, attribute] of Object.entries(attributes)) {
      if (
        ATTRIBUTE_NAME.test(name) &&
        typeof attribute === 'string' &&
        ATTRIBUTE_VALUE.test(attribute)
      )
        rootAttributes[name] = attribute;
    }
  }
  return { rootAttributes, noImages: record.noImages === true };
}
