import { describe, expect, it } from 'vitest';
import type { VoiceLike } from '../../src/app/lib/speech/voice';
import { chooseChineseVoice } from '../../src/app/lib/speech/voice';
import { parsePosition, parseReadAloudPrefs } from '../../src/app/lib/speech/prefs';

const voice = (lang: string, name = lang, localService = true): VoiceLike => ({
  lang,
  name,
  localService,
});

describe('chooseChineseVoice', () => {
  it('prefers zh-CN over other Chinese voices, wherever it is listed', () => {
    const voices = [voice('en-US'), voice('zh-HK'), voice('zh-TW'), voice('zh-CN', 'Tingting')];
    expect(chooseChineseVoice(voices)?.name).toBe('Tingting');
  });

  it('accepts Android-style tags (zh_CN) and cmn-* Mandarin voices', () => {
    expect(chooseChineseVoice([voice('en-GB'), voice('zh_CN')])?.lang).toBe('zh_CN');
    expect(chooseChineseVoice([voice('en-US'), voice('cmn-Hans-CN')])?.lang).toBe('cmn-Hans-CN');
  });

  it('prefers an on-device voice among equally fitting ones (offline)', () => {
    const voices = [voice('zh-CN', 'online', false), voice('zh-CN', 'local', true)];
    expect(chooseChineseVoice(voices)?.name).toBe('local');
  });

  it('never picks an English voice for Chinese, and gives null when no Chinese voice exists', () => {
    expect(chooseChineseVoice([voice('en-US'), voice('en-GB'), voice('ja-JP')])).toBeNull();
    expect(chooseChineseVoice([])).toBeNull();
  });
});

describe('read-aloud preferences', () => {
  it('default to on, 1×, no next article', () => {
    expect(parseReadAloudPrefs(null)).toEqual({ enabled: true, rate: 1, continueNext: false });
  });

  it('keep valid fields and replace invalid ones field by field', () => {
    expect(parseReadAloudPrefs('{"enabled":false,"rate":1.25,"continueNext":"yes"}')).toEqual({
      enabled: false,
      rate: 1.25,
      continueNext: false,
    });
    expect(parseReadAloudPrefs('{"rate":7}').rate).toBe(1);
    expect(parseReadAloudPrefs('not json').enabled).toBe(true);
  });

  it('parse a stored position or nothing', () => {
    expect(parsePosition('{"articleId":"a","index":3}')).toEqual({ articleId: 'a', index: 3 });
    expect(parsePosition('{"articleId":3}')).toBeUndefined();
    expect(parsePosition(null)).toBeUndefined();
  });
});
