import { splitSentences } from './sentences';

/** A piece of the article to read: a headline line or a body paragraph. */
export interface ReadingUnit {
  /** The unit's text exactly as in the page (offsets refer to it). */
  readonly text: string;
  /** 1-based number of a body paragraph (for 指读); undefined for headline lines. */
  readonly paragraph?: number;
}

/** One utterance: a sentence and the unit it belongs to. */
export interface QueueItem {
  readonly text: string;
  /** Index into the units the queue was built from. */
  readonly unit: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Turns the article's units (kicker, title, subtitles, then body paragraphs)
 * into the list of sentences read one utterance each, in reading order.
 */
export function buildQueue(units: readonly ReadingUnit[]): QueueItem[] {
  const items: QueueItem[] = [];
  units.forEach((unit, index) => {
    for (const sentence of splitSentences(unit.text)) {
      items.push({ text: sentence.text, unit: index, start: sentence.start, end: sentence.end });
    }
  });
  return items;
}

/**
 * Where 指读 starts: the first sentence of body paragraph `paragraph`
 * (1-based), or -1 when that paragraph has nothing to read.
 */
export function indexOfParagraph(
  units: readonly ReadingUnit[],
  queue: readonly QueueItem[],
  paragraph: number,
): number {
  const unit = units.findIndex((candidate) => candidate.paragraph === paragraph);
  if (unit < 0) return -1;
  return queue.findIndex((item) => item.unit === unit);
}

/** The sentence after `index`, or -1 at the end of the article. */
export function nextIndex(queue: readonly QueueItem[], index: number): number {
  return index + 1 < queue.length ? index + 1 : -1;
}

/** The sentence before `index` (the first one stays the first). */
export function previousIndex(index: number): number {
  return Math.max(0, index - 1);
}

/**
 * Where to resume a stored position: the same sentence when it still
 * exists, else -1 (the article changed or reading had finished).
 */
export function resumeIndex(queue: readonly QueueItem[], stored: number | undefined): number {
  if (stored === undefined || !Number.isInteger(stored)) return -1;
  return stored > 0 && stored < queue.length ? stored : -1;
}
