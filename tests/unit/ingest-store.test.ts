import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentStore } from '../../src/ingest/store/content-store';
import { StoreLockedError } from '../../src/ingest/store/lock';
import type { StoredArticle } from '../../src/ingest/store/records';

/** The content store on disk: its index log, its lock and its recovery. */

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'qilu-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function record(id: string, title: string): StoredArticle {
  return {
    id,
    keys: [`id:${id}`],
    channels: ['jinan'],
    origins: { test: ['jinan'] },
    contentOrigin: 'test',
    inputHash: title,
    item: {
      id,
      title,
      content_html: `<p>${title}</p>`,
      date_published: '2024-01-01T08:00:00+08:00',
    },
  };
}

const indexLines = (): number =>
  readFileSync(path.join(dir, 'index.ndjson'), 'utf8').trimEnd().split('\n').length;

describe('the content store', () => {
  it('appends changed entries to its index and compacts it once it doubles', async () => {
    for (let round = 0; round < 6; round++) {
      const store = await ContentStore.open(dir);
      for (let i = 0; i < 10; i++)
        store.put(record(`a-${i}`, round < 1 || i > 0 ? 't0' : `t${round}`));
      await store.commit();
      await store.close();
      // Never more than twice as many lines as articles.
      expect(indexLines()).toBeLessThanOrEqual(20);
    }
    const store = await ContentStore.open(dir, { readOnly: true });
    expect(store.size).toBe(10);
    expect((await store.read('a-0')).item.title).toBe('t5');
    expect(store.findByKeys(['id:a-3'])?.id).toBe('a-3');
  });

  it('is locked while open for writing, and takes over the lock of a process that is gone', async () => {
    const first = await ContentStore.open(dir);
    await expect(ContentStore.open(dir)).rejects.toBeInstanceOf(StoreLockedError);
    // Read-only opens (the Vite build) never wait for the lock.
    await expect(ContentStore.open(dir, { readOnly: true })).resolves.toBeInstanceOf(ContentStore);
    await first.close();
    // A run killed with kill -9 leaves its lock; no process has that pid any more.
    await writeFile(path.join(dir, '.lock'), '2147483646');
    const second = await ContentStore.open(dir);
    await second.close();
    // A lock naming this very process, which does not hold it: a restarted job with its
    // killed predecessor's pid (common in containers).
    await writeFile(path.join(dir, '.lock'), String(process.pid));
    const third = await ContentStore.open(dir);
    await third.close();
  });

  it('finishes a move after a killed commit: the old copy goes once the new one is on disk', async () => {
    const store = await ContentStore.open(dir);
    store.put(record('h-1', 'x'));
    await store.commit();
    store.put(record('native-1', 'x'));
    await store.commit();
    await store.close();
    // Killed after writing native-1 and before removing h-1.
    await writeFile(
      path.join(dir, '.dirty'),
      JSON.stringify({ pid: 1, moved: { 'h-1': 'native-1' } }),
    );
    const readOnly = await ContentStore.open(dir, { readOnly: true });
    expect([...readOnly.entries()].map((e) => e.id)).toEqual(['native-1']);
    const reopened = await ContentStore.open(dir);
    expect([...reopened.entries()].map((e) => e.id)).toEqual(['native-1']);
    await reopened.close();
  });

  it('rebuilds a torn index from the article files after a killed commit', async () => {
    const store = await ContentStore.open(dir);
    store.put(record('a-1', 'one'));
    store.put(record('a-2', 'two'));
    await store.commit();
    await store.close();
    await writeFile(path.join(dir, 'index.ndjson'), '{"id":"a-1","keys":["id:a');
    await writeFile(path.join(dir, '.dirty'), '1');
    const reopened = await ContentStore.open(dir);
    expect([...reopened.entries()].map((e) => e.id).sort()).toEqual(['a-1', 'a-2']);
    await reopened.close();
    expect(indexLines()).toBe(2);
  });
});
