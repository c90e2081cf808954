import { readAloudPrefs, updateReadAloudPrefs } from '../../lib/speech/prefs';
import { useObservable } from '../../lib/use-observable';

/**
 * 设置 → 语音朗读: the on/off switch 适老化 asks for. Off hides the player on
 * every article page; on (the default) shows it, and it still never starts
 * by itself.
 */
export function ReadAloudSettings() {
  const { enabled } = useObservable(readAloudPrefs);
  return (
    <section id="read-aloud" class="settings-section" aria-labelledby="settings-read-aloud">
      <h2 id="settings-read-aloud" class="section-heading">
        语音朗读
      </h2>
      {/* The settings page's own switch look (.check, 44 / 60 px tall): read-aloud/style.css
          loads with articles only, not on this page. */}
      <label class="check">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(event) => updateReadAloudPrefs({ enabled: event.currentTarget.checked })}
        />
        在文章页显示「语音朗读」
      </label>
      <p class="settings-hint">
        用设备自带的中文语音朗读文章，离线也能用。关闭后文章页不再显示朗读按钮。
      </p>
    </section>
  );
}
