import type { ComponentChildren } from 'preact';

/**
 * Small stroke icons for the header tools. They are decorative (the word next
 * to each says what it does) and use currentColor, so forced-colors mode and
 * the link's hover colour apply to them as well.
 */

/**
 * A 24-unit stroke icon in currentColor, hidden from assistive technology;
 * `filled` fills the shape too (a pressed state that shows without colour).
 */
export function StrokeIcon({
  class: className = 'icon',
  filled = false,
  children,
}: {
  class?: string;
  filled?: boolean;
  children: ComponentChildren;
}) {
  return (
    <svg
      class={className}
      viewBox="0 0 24 24"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {children}
    </svg>
  );
}

/** Magnifier. */
export function SearchIcon() {
  return (
    <StrokeIcon>
      <circle cx="11" cy="11" r="6.5" />
      <path d="m16 16 4.5 4.5" />
    </StrokeIcon>
  );
}

/** Bookmark ribbon. */
export function BookmarkIcon() {
  return (
    <StrokeIcon>
      <path d="M6.5 3.5h11v17l-5.5-4-5.5 4z" />
    </StrokeIcon>
  );
}

/** Slider controls (settings). */
export function SettingsIcon() {
  return (
    <StrokeIcon>
      <path d="M4 7h9M17 7h3M4 17h3M11 17h9" />
      <circle cx="15" cy="7" r="2" />
      <circle cx="9" cy="17" r="2" />
    </StrokeIcon>
  );
}

/** The app's mark: a mountain over waves (Mount Tai and the sea), same as the favicon. */
export function LogoMark() {
  return (
    <svg
      class="brand__mark"
      viewBox="0 0 32 32"
      width="28"
      height="28"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="32" height="32" rx="7" fill="#fff" />
      <path d="M5 21 13 9l5 7 3-4 6 9z" fill="#a4161a" />
      <path
        d="M5 25.5c3.5-2.2 7-2.2 11 0s7.5 2.2 11 0"
        fill="none"
        stroke="#a4161a"
        stroke-width="2.2"
        stroke-linecap="round"
      />
    </svg>
  );
}
