import { useState } from 'preact/hooks';
import type { FontSize } from '../../lib/font-size';
import { FONT_SIZES, readFontSize, saveFontSize } from '../../lib/font-size';
import { usePage } from '../../lib/page';
import { OfflineStorage } from './offline-storage';
import './style.css';

/**
 * `/settings`: 阅读与无障碍设置. Text size works today; the other sections say
 * honestly what is coming rather than showing switches that do nothing.
 */
export default function Settings() {
  usePage('阅读与无障碍设置');
  const [size, setSize] = useState<FontSize>(readFontSize);

  const choose = (value: FontSize) => {
    setSize(value);
    saveFontSize(value);
  };

  return (
    <div class="page">
      <h1 class="page-title" tabindex={-1}>
        阅读与无障碍设置
      </h1>

      <section class="settings-section" aria-labelledby="settings-text">
        <h2 id="settings-text" class="section-heading">
          文字
        </h2>
        <fieldset class="choice-group" role="radiogroup" aria-labelledby="font-size-legend">
          <legend id="font-size-legend">字号</legend>
          {FONT_SIZES.map((option) => (
            <label key={option.value} class={`choice choice--${option.value}`}>
              <input
                type="radio"
                name="font-size"
                value={option.value}
                checked={size === option.value}
                onChange={() => choose(option.value)}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </fieldset>
        <p class="settings-hint">
          选择后立即生效，并保存在这台设备上。整个应用的文字和按钮都会随之放大。
        </p>
        <p class="settings-sample">示例：山东省数字强省建设工作推进会在济南召开。</p>
      </section>

      <section class="settings-section" aria-labelledby="settings-elder">
        <h2 id="settings-elder" class="section-heading">
          长辈版
        </h2>
        <p>
          长辈版将提供更大的字号和按钮、更简洁的页面，并且不显示任何广告或弹窗。该功能正在开发中；现在可以先把字号设为“特大”。
        </p>
      </section>

      <section class="settings-section" aria-labelledby="settings-read-aloud">
        <h2 id="settings-read-aloud" class="section-heading">
          朗读
        </h2>
        <p>文章朗读（可随时开启和关闭）正在开发中。目前可以使用手机系统自带的读屏或朗读功能。</p>
      </section>

      <OfflineStorage />
    </div>
  );
}
