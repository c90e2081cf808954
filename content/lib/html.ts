/**
 * Tiny HTML building helpers for the content build. Every piece of text goes
 * through `escapeHtml`; markup only ever comes from these helpers, so the
 * generated bodies are well-formed by construction.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in HTML content or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

/** Intrinsic size of every pool image (16:9), written on each <img> so layout can reserve space. */
export const IMAGE_WIDTH = 640;
/** See IMAGE_WIDTH. */
export const IMAGE_HEIGHT = 360;

/** Relative URL of a pool image as seen from a feed document in `feeds/`. */
export function imageUrl(name: string): string {
  return `../images/${name}.svg`;
}

/** A paragraph of plain text. */
export function paragraph(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}

/** A figure with the image's alt text and a caption. */
export function figure(name: string, alt: string, caption: string): string {
  return (
    `<figure><img src="${escapeHtml(imageUrl(name))}" alt="${escapeHtml(alt)}"` +
    ` width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}">` +
    `<figcaption>${escapeHtml(caption)}</figcaption></figure>`
  );
}
