import { describe, expect, it } from 'vitest';
import type { DownloadState } from '../../src/app/data/download';
import { mayFollow } from '../../src/app/data/download-follow';
import type { DownloadRecord } from '../../src/shared/store';
import { isResumable } from '../../src/sw/resumable';

function state(id: string, status: DownloadState['status']): DownloadState {
  return { id, channelIds: ['jinan'], status, done: 1, total: 2 };
}

function plan(id: string, status: DownloadRecord['status']): DownloadRecord {
  return {
    id,
    channelIds: ['jinan'],
    depth: 3,
    images: true,
    startedAt: 0,
    status,
    pages: [{ channelId: 'jinan', pageIndex: 0, url: 'https://example.org/jinan.json' }],
    articles: 10,
    bytes: 2048,
    resumed: 0,
  };
}

describe('mayFollow (a page adopting a resumed download)', () => {
  it('follows it when the page shows nothing, or shows this download paused', () => {
    expect(mayFollow(undefined, 'a')).toBe(true);
    expect(mayFollow(state('a', 'interrupted'), 'a')).toBe(true);
  });

  it('follows it over another download that ended', () => {
    for (const status of ['finished', 'cancelled', 'failed', 'interrupted'] as const) {
      expect(mayFollow(state('b', status), 'a'), status).toBe(true);
    }
  });

  it('never replaces a running download, its own or another', () => {
    expect(mayFollow(state('a', 'running'), 'a')).toBe(false);
    expect(mayFollow(state('b', 'running'), 'a')).toBe(false);
  });

  it('does not bring back the same download once it was cancelled, finished or failed', () => {
    for (const status of ['finished', 'cancelled', 'failed'] as const) {
      expect(mayFollow(state('a', status), 'a'), status).toBe(false);
    }
  });
});

describe('isResumable (a worker continuing stored downloads)', () => {
  it('continues a download an interruption left running', () => {
    expect(isResumable(plan('a', 'running'), () => false)).toBe(true);
  });

  it('leaves one a full disk stopped: it would only fail again', () => {
    expect(isResumable(plan('a', 'stopped'), () => false)).toBe(false);
  });

  it('leaves one this worker runs already or saw cancelled', () => {
    expect(isResumable(plan('a', 'running'), (id) => id === 'a')).toBe(false);
    expect(isResumable(plan('b', 'running'), (id) => id === 'a')).toBe(true);
  });
});
