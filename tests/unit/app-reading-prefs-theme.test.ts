import { describe, expect, it } from 'vitest';
import { appliedTheme } from '../../src/app/lib/reading-prefs';

/** A media query tester for a device with the given preferences. */
function device(...active: string[]): (query: string) => boolean {
  return (query) => active.includes(query);
}

const DARK = '(prefers-color-scheme: dark)';
const MORE_CONTRAST = '(prefers-contrast: more)';

describe('appliedTheme', () => {
  it('keeps a theme the reader chose, whatever the device prefers', () => {
    for (const theme of ['light', 'dark', 'contrast'] as const) {
      expect(appliedTheme(theme, device(DARK, MORE_CONTRAST))).toBe(theme);
    }
  });

  it('follows the device with 跟随系统: light, dark, and more contrast over dark (as themes.css)', () => {
    expect(appliedTheme('system', device())).toBe('light');
    expect(appliedTheme('system', device(DARK))).toBe('dark');
    expect(appliedTheme('system', device(MORE_CONTRAST))).toBe('contrast');
    expect(appliedTheme('system', device(DARK, MORE_CONTRAST))).toBe('contrast');
  });
});
