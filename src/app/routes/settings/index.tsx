import { useEffect, useState } from 'preact/hooks';
import type { ReadingPrefs } from '../../lib/reading-prefs';
import { followReadingPrefs, readReadingPrefs, saveReadingPrefs } from '../../lib/reading-prefs';
import {
  LETTER_CHOICES,
  LINE_HEIGHT_CHOICES,
  MOTION_CHOICES,
  PARAGRAPH_CHOICES,
  TEXT_SIZE_CHOICES,
  THEME_CHOICES,
} from '../../lib/reading-prefs/choices';
import { ReadAloudSettings } from '../../components/read-aloud/settings-switch';
import { InstallSection } from '../../install';
import { usePage } from '../../lib/page';
import { ChoiceGroup } from './choice-group';
import { OfflineStorage } from './offline-storage';
import './style.css';

/**
 * `/settings`: 阅读与无障碍设置. Every choice applies at once (as data attributes
 * on <html>) and is remembered on this device; the section ids are the anchors
 * the search page's 「设置」 results link to.
 */
export default function Settings() {
  usePage('阅读与无障碍设置');
  const [prefs, setPrefs] = useState<ReadingPrefs>(readReadingPrefs);
  // Changed in another tab: show the new choices, so a change here never writes old ones back.
  useEffect(() => followReadingPrefs(setPrefs), []);

  // Search results link to sections (/settings#elder); bring that one into view
  // after usePage has focused the h1, which scrolls to the top.
  useEffect(() => {
    const id = location.hash.slice(1);
    if (id) document.getElementById(id)?.scrollIntoView();
  }, []);

  // Only the choice made here is written, onto the stored settings: one another tab changed stays.
  const update = (patch: Partial<ReadingPrefs>) => setPrefs(saveReadingPrefs(patch));

  return (
    <div class="page">
      <h1 class="page-title" tabindex={-1}>
        阅读与无障碍设置
      </h1>
      <p class="settings-hint">选择后立即生效，并保存在这台设备上。</p>

      <section id="elder" class="settings-section" aria-labelledby="settings-elder">
        <h2 id="settings-elder" class="section-heading">
          长辈版
        </h2>
        <label class="check check--switch">
          <input
            type="checkbox"
            role="switch"
            checked={prefs.elder}
            onChange={(event) => update({ elder: event.currentTarget.checked })}
          />
          <span>开启长辈版</span>
        </label>
        <p class="settings-hint">
          长辈版使用更大的文字（至少 20
          像素）和按钮、单栏的简洁页面，不播放动画，也不显示任何弹窗或提示条。
        </p>
      </section>

      <section id="text-size" class="settings-section" aria-labelledby="settings-text">
        <h2 id="settings-text" class="section-heading">
          文字
        </h2>
        <ChoiceGroup
          id="font-size"
          legend="字号"
          choices={TEXT_SIZE_CHOICES}
          value={prefs.textSize}
          onChange={(textSize) => update({ textSize })}
        />
        <p class="settings-hint">
          依次为 100%、115%、130%、150%、175% 和
          200%。整个应用的文字和按钮都会随之放大，页面自动重新排版。
        </p>
        <div id="line-height">
          <ChoiceGroup
            id="line-height"
            legend="行距"
            choices={LINE_HEIGHT_CHOICES}
            value={prefs.lineHeight}
            onChange={(lineHeight) => update({ lineHeight })}
          />
        </div>
        <ChoiceGroup
          id="paragraph"
          legend="段落间距"
          choices={PARAGRAPH_CHOICES}
          value={prefs.paragraph}
          onChange={(paragraph) => update({ paragraph })}
        />
        <ChoiceGroup
          id="letter"
          legend="字间距"
          choices={LETTER_CHOICES}
          value={prefs.letter}
          onChange={(letter) => update({ letter })}
        />
        <p class="settings-sample">示例：山东省数字强省建设工作推进会在济南召开。</p>
      </section>

      <section id="theme" class="settings-section" aria-labelledby="settings-theme">
        <h2 id="settings-theme" class="section-heading">
          显示
        </h2>
        <ChoiceGroup
          id="theme"
          legend="主题"
          choices={THEME_CHOICES}
          value={prefs.theme}
          onChange={(theme) => update({ theme })}
        />
        <p class="settings-hint">“跟随系统”时，手机的深色模式、高对比度设置会自动生效。</p>
        <ChoiceGroup
          id="motion"
          legend="动画"
          choices={MOTION_CHOICES}
          value={prefs.motion}
          onChange={(motion) => update({ motion })}
        />
        <p class="settings-hint">
          不想显示图片？请在下方
          <a href="#settings-storage">离线与存储</a>
          中打开“省流量（不显示图片）”。
        </p>
      </section>

      <ReadAloudSettings />

      <OfflineStorage />

      <InstallSection />
    </div>
  );
}
