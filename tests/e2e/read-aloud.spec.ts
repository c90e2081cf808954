import type { Page } from '@playwright/test';
import { axeViolations, expect, routeReady, test } from './fixtures';

const SEED_PATH = '/article/seed-271a4622fc35748e';
const HEADLINE = '山东省数字强省建设工作推进会召开';
const SUBTITLES = [
  '加快推进数字强省建设',
  '以数字化赋能高质量发展',
  '林武讲话 周乃翔主持 陆治原出席',
];

/**
 * Headless Chromium has no voices, so every test installs a fake speechSynthesis. Voices arrive
 * asynchronously (after `voiceschanged`), speak() starts an utterance asynchronously and records
 * its text, and an utterance only ends when the test says so (`finish`), which keeps every step
 * deterministic. cancel() ends the current utterance with an "interrupted" error, as browsers do.
 */
function installFakeSpeech(voiceList: [string, string][]): void {
  type Listener = ((event: Event) => void) | null;
  class FakeUtterance extends EventTarget {
    text: string;
    lang = '';
    voice: unknown = null;
    rate = 1;
    pitch = 1;
    volume = 1;
    onstart: Listener = null;
    onend: Listener = null;
    onerror: Listener = null;
    onboundary: Listener = null;
    constructor(text: string) {
      super();
      this.text = text;
    }
  }
  const fire = (utterance: FakeUtterance, type: string, extra: Record<string, unknown> = {}) => {
    const event = Object.assign(new Event(type), extra);
    utterance.dispatchEvent(event);
    const handler = { start: utterance.onstart, end: utterance.onend, error: utterance.onerror }[
      type
    ];
    (type === 'boundary' ? utterance.onboundary : handler)?.(event);
  };
  const voices = voiceList.map(([lang, name]) => ({
    lang,
    name,
    voiceURI: name,
    localService: true,
    default: false,
  }));
  const state = {
    spoken: [] as string[],
    langs: [] as string[],
    current: null as FakeUtterance | null,
    queue: [] as FakeUtterance[],
    loaded: false,
  };
  const startNext = () => {
    const utterance = state.queue.shift();
    if (!utterance) return;
    state.current = utterance;
    setTimeout(() => {
      if (state.current !== utterance) return;
      state.spoken.push(utterance.text);
      state.langs.push(utterance.lang);
      fire(utterance, 'start');
      fire(utterance, 'boundary', { charIndex: 0, name: 'word' });
    }, 10);
  };
  const synth = Object.assign(new EventTarget(), {
    speaking: false,
    pending: false,
    paused: false,
    onvoiceschanged: null,
    getVoices: () => (state.loaded ? voices : []),
    speak(utterance: FakeUtterance) {
      state.queue.push(utterance);
      if (!state.current) startNext();
    },
    cancel() {
      const current = state.current;
      state.queue = [];
      state.current = null;
      if (current) setTimeout(() => fire(current, 'error', { error: 'interrupted' }), 0);
    },
    // The app pauses with cancel() (see the player); these only need to exist.
    pause: () => undefined,
    resume: () => undefined,
  });
  setTimeout(() => {
    state.loaded = true;
    synth.dispatchEvent(new Event('voiceschanged'));
  }, 50);
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', {
    value: FakeUtterance,
    configurable: true,
  });
  Object.defineProperty(window, '__speech', {
    value: {
      state,
      /** Ends the utterance being spoken (once it has started). */
      finish(): boolean {
        const current = state.current;
        if (!current || !state.spoken.length) return false;
        state.current = null;
        fire(current, 'end');
        if (!state.current) startNext();
        return true;
      },
    },
  });
}

interface FakeSpeech {
  state: { spoken: string[]; langs: string[] };
  finish(): boolean;
}

const spoken = (page: Page) =>
  page.evaluate(() => (window as unknown as { __speech: FakeSpeech }).__speech.state.spoken);

/** Waits until `count` utterances have started and returns them. */
async function waitForSpoken(page: Page, count: number): Promise<string[]> {
  await expect.poll(async () => (await spoken(page)).length).toBeGreaterThanOrEqual(count);
  return spoken(page);
}

/** Lets the current utterance end, so the next sentence starts. */
async function finishSentence(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __speech: FakeSpeech }).__speech.finish());
}

/** The text the CSS Custom Highlight currently covers. */
const highlighted = (page: Page) =>
  page.evaluate(() => {
    const highlight = CSS.highlights.get('read-aloud');
    if (!highlight) return '';
    return [...highlight].map((range) => range.toString()).join('');
  });

async function openSeed(page: Page, voices: [string, string][] = [['zh-CN', 'Tingting']]) {
  await page.addInitScript(installFakeSpeech, voices);
  await page.goto(SEED_PATH);
  await routeReady(page);
}

const player = (page: Page) => page.getByRole('region', { name: '语音朗读' });

test.describe('read aloud (语音朗读) on the seed article', () => {
  test('reads from the headline on, one sentence at a time, highlighting each', async ({
    page,
  }) => {
    await openSeed(page);
    const kicker = await page.locator('.article-head .kicker').allTextContents();
    const firstParagraph = (await page.locator('[data-read-para="1"]').textContent()) ?? '';
    const firstSentence = firstParagraph.slice(0, firstParagraph.indexOf('。') + 1);
    const expected = [...kicker, HEADLINE, ...SUBTITLES, firstSentence];

    await player(page).getByRole('button', { name: '朗读全文' }).click();
    for (let count = 1; count <= expected.length; count += 1) {
      const texts = await waitForSpoken(page, count);
      const latest = texts[count - 1] ?? '';
      await expect.poll(() => highlighted(page)).toBe(latest);
      await expect(player(page).getByText(latest, { exact: false })).toBeVisible();
      if (count < expected.length) await finishSentence(page);
    }
    expect(await spoken(page)).toEqual(expected);
    const langs = await page.evaluate(
      () => (window as unknown as { __speech: FakeSpeech }).__speech.state.langs,
    );
    expect(new Set(langs)).toEqual(new Set(['zh-CN']));
  });

  test('pauses and resumes with the same sentence', async ({ page }) => {
    await openSeed(page);
    await page.getByRole('button', { name: '朗读全文' }).click();
    await waitForSpoken(page, 1);
    await finishSentence(page);
    const [, second] = await waitForSpoken(page, 2);
    await page.getByRole('button', { name: '暂停', exact: true }).click();
    await expect(page.getByRole('button', { name: '继续', exact: true })).toBeVisible();
    // Nothing more is spoken while paused.
    expect(await finishSentence(page).then(() => spoken(page))).toHaveLength(2);
    await page.getByRole('button', { name: '继续', exact: true }).click();
    const texts = await waitForSpoken(page, 3);
    expect(texts[2]).toBe(second);
    await expect.poll(() => highlighted(page)).toBe(second);
  });

  test('指读: starts from the first sentence of the third paragraph', async ({ page }) => {
    await openSeed(page);
    await page.getByRole('button', { name: '朗读全文' }).click();
    await waitForSpoken(page, 1);
    const third = (await page.locator('[data-read-para="3"]').textContent()) ?? '';
    const firstSentence = third.slice(0, third.indexOf('。') + 1);
    expect(firstSentence.length).toBeGreaterThan(1);
    // Keyboard users meet the button right after the paragraph; it shows once focused.
    const fromThird = page.getByRole('button', { name: '从此段朗读：第 3 段' });
    await fromThird.focus();
    await expect(fromThird).toBeVisible();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await spoken(page)).at(-1)).toBe(firstSentence);
    await expect.poll(() => highlighted(page)).toBe(firstSentence);

    // A tap on a paragraph starts there too.
    const fifth = page.locator('[data-read-para="5"]');
    const fifthText = (await fifth.textContent()) ?? '';
    await fifth.click();
    await expect
      .poll(async () => (await spoken(page)).at(-1))
      .toBe(fifthText.slice(0, fifthText.indexOf('。') + 1));
  });

  test('with only an English voice, says so in Chinese and speaks nothing', async ({ page }) => {
    await openSeed(page, [['en-US', 'Samantha']]);
    await page.getByRole('button', { name: '朗读全文' }).click();
    await expect(player(page).getByText('这台设备没有中文语音')).toBeVisible();
    await expect(player(page).getByText('设置 → 时间和语言 → 语音 → 添加语音')).toBeVisible();
    expect(await spoken(page)).toEqual([]);
  });

  test('works from the keyboard alone: Tab to 朗读全文, Enter, Tab to 暂停', async ({ page }) => {
    await openSeed(page);
    const readAll = page.getByRole('button', { name: '朗读全文' });
    for (let presses = 0; presses < 80; presses += 1) {
      if (await readAll.evaluate((element) => element === document.activeElement)) break;
      await page.keyboard.press('Tab');
    }
    await expect(readAll).toBeFocused();
    await page.keyboard.press('Enter');
    await waitForSpoken(page, 1);
    const pause = page.getByRole('button', { name: '暂停', exact: true });
    await expect(pause).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(pause).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: '继续', exact: true })).toBeFocused();
  });

  test('has no axe violations with the player open and reading', async ({ page }) => {
    await openSeed(page);
    await page.getByRole('button', { name: '朗读全文' }).click();
    await waitForSpoken(page, 1);
    await expect(page.getByRole('button', { name: '暂停', exact: true })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('offers to continue where reading stopped, after a reload', async ({ page }) => {
    await openSeed(page);
    await page.getByRole('button', { name: '朗读全文' }).click();
    for (let count = 1; count <= 3; count += 1) {
      await waitForSpoken(page, count);
      await finishSentence(page);
    }
    const [, , , fourth] = await waitForSpoken(page, 4);
    await page.getByRole('button', { name: '停止', exact: true }).click();
    await page.reload();
    await routeReady(page);
    await page.getByRole('button', { name: '从上次停止处继续' }).click();
    await expect.poll(async () => (await spoken(page)).at(0)).toBe(fourth);
  });

  test('is hidden when 语音朗读 is switched off in the settings', async ({ page }) => {
    await page.addInitScript(installFakeSpeech, [['zh-CN', 'Tingting']] as [string, string][]);
    await page.goto('/settings');
    await routeReady(page);
    const toggle = page.getByRole('checkbox', { name: '在文章页显示「语音朗读」' });
    await expect(toggle).toBeChecked();
    await toggle.uncheck();
    await page.goto(SEED_PATH);
    await routeReady(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
    await expect(player(page)).toHaveCount(0);
  });
});
