import type { VoiceLike } from '../../lib/speech/voice';
import { chooseChineseVoice } from '../../lib/speech/voice';

/** How long to wait for `voiceschanged` before concluding there are no voices. */
const VOICES_TIMEOUT_MS = 2000;

/** The browser's speech synthesis, when it has one. */
export function synthesis(): SpeechSynthesis | undefined {
  return typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis;
}

/**
 * The voice list, waiting for `voiceschanged` when it is still empty: most
 * browsers load voices asynchronously and report none at first.
 */
function loadVoices(synth: SpeechSynthesis): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices();
  if (now.length > 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      synth.removeEventListener('voiceschanged', done);
      resolve(synth.getVoices());
    };
    const timer = setTimeout(done, VOICES_TIMEOUT_MS);
    synth.addEventListener('voiceschanged', done);
  });
}

/** The Chinese voice to use, or null when the device has none. */
export async function findChineseVoice(
  synth: SpeechSynthesis,
): Promise<SpeechSynthesisVoice | null> {
  return chooseChineseVoice<SpeechSynthesisVoice & VoiceLike>(await loadVoices(synth));
}
