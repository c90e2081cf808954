import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, parsePrefs } from '../../src/app/lib/prefs';

describe('parsePrefs', () => {
  it('gives the defaults (Wi-Fi only off, images on, 3 pages) when nothing is stored', () => {
    expect(DEFAULT_PREFS).toEqual({ wifiOnly: false, noImages: false, depth: 3 });
    expect(parsePrefs(null)).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('')).toEqual(DEFAULT_PREFS);
  });

  it('reads stored choices', () => {
    expect(parsePrefs(JSON.stringify({ wifiOnly: true, noImages: true, depth: 5 }))).toEqual({
      wifiOnly: true,
      noImages: true,
      depth: 5,
    });
  });

  it('falls back per field on malformed values and keeps the depth within 1–5', () => {
    expect(parsePrefs('{not json')).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('"a string"')).toEqual(DEFAULT_PREFS);
    expect(parsePrefs(JSON.stringify({ wifiOnly: 'yes', noImages: true, depth: 2.5 }))).toEqual({
      wifiOnly: false,
      noImages: true,
      depth: 3,
    });
    expect(parsePrefs(JSON.stringify({ depth: 9 })).depth).toBe(5);
    expect(parsePrefs(JSON.stringify({ depth: 0 })).depth).toBe(1);
  });
});
