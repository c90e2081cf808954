import { describe, expect, it } from 'vitest';
import type { ReadingUnit } from '../../src/app/lib/speech/queue';
import {
  buildQueue,
  indexOfParagraph,
  nextIndex,
  previousIndex,
  resumeIndex,
} from '../../src/app/lib/speech/queue';

const units: ReadingUnit[] = [
  { text: '山东省数字强省建设工作推进会召开' },
  { text: '加快推进数字强省建设' },
  { text: '5月5日下午，推进会在济南召开。会议深入贯彻重要论述。', paragraph: 1 },
  { text: '会议指出，成效明显。', paragraph: 2 },
  { text: '会议强调，要抓好落实。各市设分会场。', paragraph: 3 },
];

describe('the reading queue', () => {
  const queue = buildQueue(units);

  it('reads from the headline on, sentence by sentence, in order', () => {
    expect(queue.map((item) => item.text)).toEqual([
      '山东省数字强省建设工作推进会召开',
      '加快推进数字强省建设',
      '5月5日下午，推进会在济南召开。',
      '会议深入贯彻重要论述。',
      '会议指出，成效明显。',
      '会议强调，要抓好落实。',
      '各市设分会场。',
    ]);
    expect(queue.map((item) => item.unit)).toEqual([0, 1, 2, 2, 3, 4, 4]);
  });

  it('starts 指读 at the first sentence of body paragraph N', () => {
    expect(queue[indexOfParagraph(units, queue, 3)]?.text).toBe('会议强调，要抓好落实。');
    expect(indexOfParagraph(units, queue, 1)).toBe(2);
    expect(indexOfParagraph(units, queue, 9)).toBe(-1);
  });

  it('moves to the next and previous sentence and stops at the end', () => {
    expect(nextIndex(queue, 2)).toBe(3);
    expect(nextIndex(queue, queue.length - 1)).toBe(-1);
    expect(previousIndex(3)).toBe(2);
    expect(previousIndex(0)).toBe(0);
  });

  it('resumes at a stored sentence only when it still exists', () => {
    expect(resumeIndex(queue, 4)).toBe(4);
    expect(resumeIndex(queue, undefined)).toBe(-1);
    expect(resumeIndex(queue, 0)).toBe(-1);
    expect(resumeIndex(queue, queue.length)).toBe(-1);
    expect(resumeIndex(queue, 1.5)).toBe(-1);
  });
});
