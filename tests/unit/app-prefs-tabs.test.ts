import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as OfflineModule from '../../src/app/lib/prefs';
import type * as ReadingModule from '../../src/app/lib/reading-prefs/index';
import type { ReadingPrefs } from '../../src/app/lib/reading-prefs/index';
import type * as SpeechModule from '../../src/app/lib/speech/prefs';

/**
 * The reader's preferences changed in two tabs at once. Each "tab" is its own
 * copy of the preference modules (imported afresh) with its own window and
 * document; localStorage is one, shared, as in a browser. A `storage` event
 * reaches only the tab it is delivered to, as the browser fires it only in
 * the tabs that did not write.
 */

const OFFLINE_KEY = 'qilu:offline-prefs';
const SPEECH_KEY = 'qilu:read-aloud';
const READING_KEY = 'qilu:reading-prefs';

/** localStorage as the browser gives it to every tab of an origin; `broken` makes it throw. */
class SharedStorage {
  readonly items = new Map<string, string>();
  broken = false;
  getItem(key: string): string | null {
    if (this.broken) throw new Error('SecurityError');
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.broken) throw new Error('SecurityError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    if (this.broken) throw new Error('SecurityError');
    this.items.delete(key);
  }
}

function mediaQuery(): EventTarget & { matches: boolean } {
  return Object.assign(new EventTarget(), { matches: false });
}

/** Just enough of a document for applyReadingPrefs: the <html> element's attributes. */
function fakeDocument() {
  const attributes = new Map<string, string>();
  const doc = {
    defaultView: { matchMedia: mediaQuery },
    querySelector: () => null,
    documentElement: {
      ownerDocument: undefined as unknown,
      setAttribute: (name: string, value: string) => void attributes.set(name, value),
      removeAttribute: (name: string) => void attributes.delete(name),
      hasAttribute: (name: string) => attributes.has(name),
    },
  };
  doc.documentElement.ownerDocument = doc;
  return { doc, attributes };
}

interface Tab {
  readonly offline: typeof OfflineModule;
  readonly speech: typeof SpeechModule;
  readonly reading: typeof ReadingModule;
  /** What the tab's reading-settings follower heard. */
  readonly heard: ReadingPrefs[];
  /** The tab's <html> data attributes. */
  readonly attributes: Map<string, string>;
  /** Runs `work` as this tab (its window and document are the globals). */
  run<T>(work: () => T): T;
  /** Delivers the `storage` event another tab's write of `key` causes (null: storage cleared). */
  hear(key: string | null): void;
}

let storage: SharedStorage;

async function openTab(): Promise<Tab> {
  const win = new EventTarget();
  const { doc, attributes } = fakeDocument();
  const run = <T>(work: () => T): T => {
    vi.stubGlobal('window', win);
    vi.stubGlobal('document', doc);
    return work();
  };
  vi.resetModules();
  run(() => undefined);
  const offline = await import('../../src/app/lib/prefs');
  const speech = await import('../../src/app/lib/speech/prefs');
  const reading = await import('../../src/app/lib/reading-prefs/index');
  const heard: ReadingPrefs[] = [];
  run(() => {
    // What main.tsx does on boot.
    reading.applyReadingPrefs(reading.readReadingPrefs());
    reading.followReadingPrefs((prefs) => heard.push(prefs));
  });
  return {
    offline,
    speech,
    reading,
    heard,
    attributes,
    run,
    hear: (key) => run(() => win.dispatchEvent(Object.assign(new Event('storage'), { key }))),
  };
}

function stored(key: string): unknown {
  const raw = storage.items.get(key);
  return raw === undefined ? undefined : JSON.parse(raw);
}

beforeEach(() => {
  storage = new SharedStorage();
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('matchMedia', mediaQuery);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('offline preferences (离线与存储) in two tabs', () => {
  it('a tab holding old preferences writes only its own change, keeping the other tab’s', async () => {
    const a = await openTab();
    const b = await openTab();
    a.run(() => a.offline.updatePrefs({ noImages: true }));
    // B has not heard of A's change yet (its storage event is still on the way).
    b.run(() => b.offline.updatePrefs({ depth: 5 }));
    const both = { wifiOnly: false, noImages: true, depth: 5 };
    expect(stored(OFFLINE_KEY)).toEqual(both);
    expect(b.offline.offlinePrefs.get()).toEqual(both);
    a.hear(OFFLINE_KEY);
    expect(a.offline.offlinePrefs.get()).toEqual(both);
  });

  it('follows the other tab live, ignores other keys, and falls back to the defaults on a clear', async () => {
    const a = await openTab();
    const b = await openTab();
    const seen: unknown[] = [];
    b.offline.offlinePrefs.subscribe((prefs) => seen.push(prefs));
    a.run(() => a.offline.updatePrefs({ wifiOnly: true }));
    b.hear('qilu:something-else');
    expect(seen).toEqual([]);
    b.hear(OFFLINE_KEY);
    expect(b.offline.offlinePrefs.get().wifiOnly).toBe(true);
    storage.items.clear();
    b.hear(null);
    expect(b.offline.offlinePrefs.get()).toEqual(b.offline.DEFAULT_PREFS);
  });
});

describe('read-aloud preferences (语音朗读) in two tabs', () => {
  it('keeps both tabs’ changes and follows the other tab live', async () => {
    const a = await openTab();
    const b = await openTab();
    a.run(() => a.speech.updateReadAloudPrefs({ rate: 1.5 }));
    b.run(() => b.speech.updateReadAloudPrefs({ enabled: false }));
    const both = { enabled: false, rate: 1.5, continueNext: false };
    expect(stored(SPEECH_KEY)).toEqual(both);
    expect(b.speech.readAloudPrefs.get()).toEqual(both);
    a.hear(SPEECH_KEY);
    expect(a.speech.readAloudPrefs.get()).toEqual(both);
  });
});

describe('reading settings (文字、主题、长辈版) in two tabs', () => {
  it('keeps a change made in each tab and applies the other tab’s at once', async () => {
    const a = await openTab();
    const b = await openTab();
    const afterA = a.run(() => a.reading.saveReadingPrefs({ textSize: 150 }));
    expect(afterA.textSize).toBe(150);
    const afterB = b.run(() => b.reading.saveReadingPrefs({ theme: 'dark', elder: true }));
    expect(afterB).toMatchObject({ textSize: 150, theme: 'dark', elder: true });
    expect(stored(READING_KEY)).toMatchObject({ v: 1, textSize: 150, theme: 'dark', elder: true });
    // B wears both at once (A's size came with the merge).
    expect(b.attributes.get('data-text-size')).toBe('150');
    expect(b.attributes.get('data-theme')).toBe('dark');

    expect(a.attributes.has('data-elder')).toBe(false);
    a.hear(READING_KEY);
    expect(a.attributes.get('data-theme')).toBe('dark');
    expect(a.attributes.has('data-elder')).toBe(true);
    expect(a.heard).toEqual([afterB]);
    expect(a.reading.appliedReadingPrefs.get()).toEqual(afterB);
  });
});

describe('lenient storage', () => {
  it('a malformed stored value never breaks a change or the following', async () => {
    for (const key of [OFFLINE_KEY, SPEECH_KEY, READING_KEY]) storage.items.set(key, '{broken');
    const a = await openTab();
    expect(a.offline.offlinePrefs.get()).toEqual(a.offline.DEFAULT_PREFS);
    a.run(() => {
      a.offline.updatePrefs({ depth: 2 });
      a.speech.updateReadAloudPrefs({ continueNext: true });
      a.reading.saveReadingPrefs({ letter: 'wide' });
    });
    expect(stored(OFFLINE_KEY)).toEqual({ wifiOnly: false, noImages: false, depth: 2 });
    expect(stored(SPEECH_KEY)).toEqual({ enabled: true, rate: 1, continueNext: true });
    expect(stored(READING_KEY)).toMatchObject({ letter: 'wide', textSize: 100 });

    for (const key of [OFFLINE_KEY, SPEECH_KEY, READING_KEY]) {
      storage.items.set(key, '[1, 2');
      a.hear(key);
    }
    expect(a.offline.offlinePrefs.get()).toEqual(a.offline.DEFAULT_PREFS);
    expect(a.speech.readAloudPrefs.get()).toEqual(a.speech.DEFAULT_READ_ALOUD);
    expect(a.reading.appliedReadingPrefs.get()).toEqual(a.reading.DEFAULT_READING_PREFS);
  });

  it('with storage unreadable, a change is merged onto what the tab holds', async () => {
    const a = await openTab();
    a.run(() => a.offline.updatePrefs({ noImages: true }));
    a.run(() => a.reading.saveReadingPrefs({ textSize: 130 }));
    storage.broken = true;
    a.run(() => a.offline.updatePrefs({ depth: 1 }));
    expect(a.offline.offlinePrefs.get()).toEqual({ wifiOnly: false, noImages: true, depth: 1 });
    expect(a.run(() => a.reading.saveReadingPrefs({ motion: 'reduce' }))).toMatchObject({
      textSize: 130,
      motion: 'reduce',
    });
  });
});
