import { useObservable } from '../../lib/use-observable';
import { RATE_CHOICES, readAloudPrefs, updateReadAloudPrefs } from '../../lib/speech/prefs';
import { usePlayer } from './context';

/** Where to add a Chinese voice, per system (said plainly, not as a link). */
function NoVoiceHelp() {
  return (
    <div class="read-aloud__notice" role="note">
      <p>
        <strong>这台设备没有中文语音，无法朗读。</strong>
        为避免用外语语音读中文，朗读不会开始。添加中文语音后刷新本页即可：
      </p>
      <ul>
        <li>安卓手机：设置 → 文字转语音（TTS）输出 → 首选引擎 → 安装中文语音数据</li>
        <li>苹果手机：设置 → 辅助功能 → 朗读内容 → 声音 → 中文</li>
        <li>Windows 电脑：设置 → 时间和语言 → 语音 → 添加语音 → 中文（简体，中国）</li>
      </ul>
    </div>
  );
}

/**
 * The read-aloud controls (语音朗读), placed under the article's metadata.
 * Nothing plays until the reader presses a button; the player hides
 * completely when 语音朗读 is switched off in the settings.
 */
export function ReadAloudPlayer() {
  const player = usePlayer();
  const { rate, continueNext } = useObservable(readAloudPrefs);
  if (!player) return null;
  const { phase } = player;
  const active = phase === 'playing' || phase === 'paused';
  return (
    <section
      class="read-aloud"
      aria-labelledby="read-aloud-heading"
      ref={(element) => {
        player.playerRef.current = element;
      }}
    >
      <h2 id="read-aloud-heading" class="read-aloud__heading">
        语音朗读
      </h2>
      <div class="read-aloud__controls">
        <button type="button" class="button" onClick={() => player.start(0)}>
          朗读全文
        </button>
        {active && (
          <button
            type="button"
            class="button button--secondary"
            onClick={() => (phase === 'playing' ? player.pause() : player.resume())}
          >
            {phase === 'playing' ? '暂停' : '继续'}
          </button>
        )}
        {active && (
          <button type="button" class="button button--secondary" onClick={() => player.stop()}>
            停止
          </button>
        )}
        {!active && player.canResume && (
          <button
            type="button"
            class="button button--secondary"
            onClick={() => player.start('resume')}
          >
            从上次停止处继续
          </button>
        )}
      </div>
      {phase !== 'idle' && (
        <div class="read-aloud__options">
          <label class="read-aloud__rate">
            语速
            <select
              value={String(rate)}
              onChange={(event) =>
                updateReadAloudPrefs({ rate: Number(event.currentTarget.value) })
              }
            >
              {RATE_CHOICES.map((choice) => (
                <option key={choice} value={String(choice)}>
                  {choice}×
                </option>
              ))}
            </select>
          </label>
          <label class="read-aloud__check">
            <input
              type="checkbox"
              checked={continueNext}
              onChange={(event) =>
                updateReadAloudPrefs({ continueNext: event.currentTarget.checked })
              }
            />
            读完后继续下一篇
          </label>
        </div>
      )}
      {phase === 'checking' && <p class="read-aloud__status">正在准备中文语音…</p>}
      {phase === 'novoice' && <NoVoiceHelp />}
      {phase === 'unsupported' && (
        <p class="read-aloud__notice">这个浏览器不支持语音朗读。可以改用手机系统自带的朗读功能。</p>
      )}
      {active && player.current && (
        <p class="read-aloud__now">
          <span class="read-aloud__label">{phase === 'playing' ? '正在朗读：' : '已暂停：'}</span>
          {player.current}
        </p>
      )}
      {phase !== 'idle' && phase !== 'novoice' && phase !== 'unsupported' && (
        <p class="read-aloud__hint">
          点按任意正文段落，或按它后面的「从此段朗读」，即可从那一段开始朗读。
        </p>
      )}
    </section>
  );
}
