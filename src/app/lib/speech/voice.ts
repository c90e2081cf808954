/** The part of SpeechSynthesisVoice the choice looks at (so tests need no browser). */
export interface VoiceLike {
  readonly lang: string;
  readonly name: string;
  readonly localService: boolean;
}

/**
 * How well a voice fits Mandarin text: lower is better, undefined means it
 * must never read Chinese. zh-CN first, then other Mandarin tags (cmn-*,
 * zh-TW, zh-SG, plain zh), and Cantonese-tagged voices (zh-HK, yue) last.
 */
function rank(voice: VoiceLike): number | undefined {
  const lang = voice.lang.replace(/_/g, '-').toLowerCase();
  if (lang === 'zh-cn' || lang.startsWith('zh-hans-cn')) return 0;
  if (lang.startsWith('cmn')) return 1;
  if (lang === 'zh' || lang.startsWith('zh-hans')) return 2;
  if (lang === 'zh-hk' || lang.startsWith('zh-hant-hk') || lang.startsWith('yue')) return 4;
  if (lang.startsWith('zh-')) return 3;
  return undefined;
}

/**
 * Picks the voice to read Chinese with, or null when there is none: an
 * English voice reading Chinese is gibberish, so it is never a fallback.
 * Among equally fitting voices an on-device one wins (works offline).
 */
export function chooseChineseVoice<T extends VoiceLike>(voices: readonly T[]): T | null {
  let best: T | null = null;
  let bestScore = Infinity;
  for (const voice of voices) {
    const fit = rank(voice);
    if (fit === undefined) continue;
    const score = fit * 2 + (voice.localService ? 0 : 1);
    if (score < bestScore) {
      best = voice;
      bestScore = score;
    }
  }
  return best;
}
