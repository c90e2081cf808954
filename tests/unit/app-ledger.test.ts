import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  EMPTY_LEDGER,
  LEDGER_SAVED_LIMIT,
  forgetDownloads,
  launchDecision,
  parseLedger,
  readLedger,
  rememberDownload,
  rememberSaved,
} from '../../src/app/lib/ledger';
import { memoryStorage } from './memory-storage';

beforeEach(() => {
  vi.stubGlobal('localStorage', memoryStorage());
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('parseLedger', () => {
  it('is empty when nothing or garbage is stored', () => {
    expect(parseLedger(null)).toEqual(EMPTY_LEDGER);
    expect(parseLedger('{not json')).toEqual(EMPTY_LEDGER);
    expect(parseLedger('[1,2]')).toEqual(EMPTY_LEDGER);
  });

  it('keeps the valid fields and drops malformed entries one by one', () => {
    const ledger = parseLedger(
      JSON.stringify({
        generation: 'g1',
        channels: ['jinan', 3, '', 'jinan', 'qingdao'],
        depth: 2,
        images: false,
        saved: [{ id: 'a1', at: 5 }, { id: 'a2' }, 'a3', { id: 'a4', at: 4 }],
        pending: true,
      }),
    );
    expect(ledger).toEqual({
      generation: 'g1',
      channels: ['jinan', 'qingdao'],
      depth: 2,
      images: false,
      saved: [
        { id: 'a1', at: 5 },
        { id: 'a4', at: 4 },
      ],
      pending: true,
    });
  });
});

describe('keeping the ledger', () => {
  it('adds downloaded channels to the earlier ones with the latest depth and images', () => {
    rememberDownload(['jinan'], 3, true);
    rememberDownload(['qingdao', 'jinan'], 2, false);
    expect(readLedger()).toMatchObject({ channels: ['jinan', 'qingdao'], depth: 2, images: false });
    forgetDownloads(['jinan']);
    expect(readLedger()?.channels).toEqual(['qingdao']);
    forgetDownloads();
    expect(readLedger()?.channels).toEqual([]);
  });

  it('keeps saved articles most recent first, forgets unsaved ones, and keeps at most the limit', () => {
    rememberSaved([{ id: 'a1', at: 10 }]);
    rememberSaved([{ id: 'a2', at: 20 }]);
    rememberSaved([
      { id: 'a1', at: undefined },
      { id: 'a3', at: 15 },
    ]);
    expect(readLedger()?.saved).toEqual([
      { id: 'a2', at: 20 },
      { id: 'a3', at: 15 },
    ]);
    rememberSaved(
      Array.from({ length: LEDGER_SAVED_LIMIT + 5 }, (_, i) => ({ id: `b${i}`, at: 100 + i })),
    );
    const saved = readLedger()?.saved ?? [];
    expect(saved).toHaveLength(LEDGER_SAVED_LIMIT);
    expect(saved[0]).toEqual({
      id: `b${LEDGER_SAVED_LIMIT + 4}`,
      at: 100 + LEDGER_SAVED_LIMIT + 4,
    });
    expect(saved.some((entry) => entry.id === 'a2')).toBe(false);
  });

  it('remembers nothing, and fails nothing, without localStorage', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    expect(readLedger()).toBeUndefined();
    expect(() => rememberDownload(['jinan'], 3, true)).not.toThrow();
  });
});

describe('launchDecision', () => {
  const chosen = { ...EMPTY_LEDGER, channels: ['jinan'], generation: 'g1' };

  it('adopts the database on the first launch, whatever is listed', () => {
    expect(launchDecision(EMPTY_LEDGER, 'g1')).toBe('adopt');
    expect(launchDecision({ ...chosen, generation: undefined }, 'g1')).toBe('adopt');
  });

  it('does nothing for the database it knows, and resumes an unfinished restore', () => {
    expect(launchDecision(chosen, 'g1')).toBe('none');
    expect(launchDecision({ ...chosen, pending: true }, 'g1')).toBe('resume');
  });

  it('calls a replaced database evicted when something was chosen, else adopts it', () => {
    expect(launchDecision(chosen, 'g2')).toBe('evicted');
    expect(
      launchDecision({ ...EMPTY_LEDGER, generation: 'g1', saved: [{ id: 'a', at: 1 }] }, 'g2'),
    ).toBe('evicted');
    expect(launchDecision({ ...EMPTY_LEDGER, generation: 'g1' }, 'g2')).toBe('adopt');
  });
});
