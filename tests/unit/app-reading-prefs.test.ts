import { describe, expect, it } from 'vitest';
import {
  DEFAULT_READING_PREFS,
  LEGACY_FONT_SIZE_KEY,
  READING_PREFS_KEY,
  TEXT_SIZES,
  isTextSize,
  parseReadingPrefs,
} from '../../src/app/lib/reading-prefs';
import { SETTINGS_ENTRIES, matchSettings } from '../../src/app/lib/reading-prefs/choices';

describe('parseReadingPrefs', () => {
  it('gives the defaults (follow the system, 100%, 长辈版 off) when nothing is stored', () => {
    expect(parseReadingPrefs(null)).toEqual({
      textSize: 100,
      lineHeight: 'standard',
      paragraph: 'standard',
      letter: 'standard',
      theme: 'system',
      motion: 'system',
      elder: false,
    });
  });

  it('reads back a complete stored value', () => {
    const expected = {
      textSize: 200,
      lineHeight: 'looser',
      paragraph: 'loose',
      letter: 'wide',
      theme: 'contrast',
      motion: 'reduce',
      elder: true,
    };
    expect(parseReadingPrefs(JSON.stringify({ v: 1, ...expected }))).toEqual(expected);
  });

  it('falls back field by field when a value is unknown or of the wrong type', () => {
    const prefs = parseReadingPrefs(
      JSON.stringify({ textSize: 170, theme: 'sepia', elder: 'yes', lineHeight: 'loose' }),
    );
    expect(prefs.textSize).toBe(100);
    expect(prefs.theme).toBe('system');
    expect(prefs.elder).toBe(false);
    expect(prefs.lineHeight).toBe('loose');
  });

  it('survives malformed JSON and non-object JSON', () => {
    expect(parseReadingPrefs('{not json')).toEqual(DEFAULT_READING_PREFS);
    expect(parseReadingPrefs('42')).toEqual(DEFAULT_READING_PREFS);
    expect(parseReadingPrefs('null')).toEqual(DEFAULT_READING_PREFS);
  });

  it.each([
    ['standard', 100],
    ['large', 130],
    ['xlarge', 175],
  ] as const)('migrates the old 字号 value %s to %i%%', (legacy, size) => {
    expect(parseReadingPrefs(null, legacy).textSize).toBe(size);
  });

  it('ignores an unknown old 字号 value', () => {
    expect(parseReadingPrefs(null, 'huge')).toEqual(DEFAULT_READING_PREFS);
  });

  it('prefers the new key over the old one once both exist', () => {
    expect(parseReadingPrefs(JSON.stringify({ textSize: 115 }), 'xlarge').textSize).toBe(115);
  });

  it('uses distinct, versionable storage keys', () => {
    expect(READING_PREFS_KEY).not.toBe(LEGACY_FONT_SIZE_KEY);
  });
});

describe('text sizes', () => {
  it('go from 100% to 200% in increasing steps', () => {
    expect(TEXT_SIZES[0]).toBe(100);
    expect(TEXT_SIZES[TEXT_SIZES.length - 1]).toBe(200);
    expect([...TEXT_SIZES].sort((a, b) => a - b)).toEqual([...TEXT_SIZES]);
    expect(TEXT_SIZES.length).toBeGreaterThanOrEqual(6);
  });

  it('are recognised only as the listed numbers', () => {
    expect(isTextSize(150)).toBe(true);
    expect(isTextSize('150')).toBe(false);
    expect(isTextSize(160)).toBe(false);
  });
});

describe('matchSettings', () => {
  it.each(['长辈', '关怀', '大字'])('finds 长辈版 for %s', (query) => {
    expect(matchSettings(query).map((entry) => entry.title)).toContain('长辈版');
  });

  it('finds the theme by 深色 and nothing for an unrelated word', () => {
    expect(matchSettings('深色').map((entry) => entry.href)).toEqual(['/settings#theme']);
    expect(matchSettings('济南')).toEqual([]);
    expect(matchSettings('  ')).toEqual([]);
  });

  it('links every entry to an anchor of the settings page', () => {
    for (const entry of SETTINGS_ENTRIES) expect(entry.href).toMatch(/^\/settings#[a-z-]+$/);
  });
});
