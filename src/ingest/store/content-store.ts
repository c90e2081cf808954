import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { hash } from '../pipeline/identity';
import { forEachLimited, writeFileAtomic } from './fs-atomic';
import { acquireLock } from './lock';
import type { IndexEntry, StoredArticle } from './records';

/**
 * The content store: every article ingest has ever accepted, as files a newsroom can back up
 * and diff, and the single input of the API build.
 *
 * ```
 * <store>/articles/<2 hex>/<id>.json   one article (StoredArticle, pretty-printed)
 * <store>/assets/…                     files published as they are (the demo's images)
 * <store>/index.ndjson                 one IndexEntry a line; a later line for an id replaces an
 *                                      earlier one
 * ```
 * The index is a log: a commit appends the entries it changed (sorted by id), so adding one
 * article to 100,000 writes one line, not 30 MB; once the log holds twice as many lines as
 * articles, a commit rewrites it compacted and sorted.
 * Articles are spread over 256 folders so that 100,000 of them stay quick to list. A commit
 * writes each file atomically (temporary file + rename), articles before the index; a
 * `.dirty` marker spans the commit, and a store opened with the marker present (a run killed
 * mid-commit) rebuilds its index from the article files, so nothing written is ever lost.
 * Without a directory the store lives in memory (the Vite build, tests).
 */
export class ContentStore {
  private readonly index = new Map<string, IndexEntry>();
  private readonly byKey = new Map<string, string>();
  private readonly cache = new Map<string, StoredArticle>();
  private readonly pending = new Map<string, StoredArticle>();
  private readonly assetFiles = new Map<string, Uint8Array | undefined>();
  private readonly pendingAssets = new Set<string>();
  /** Articles removed since the last commit (their files go at commit). */
  private readonly removed = new Set<string>();
  /** Lines in index.ndjson (with superseded ones), to know when to compact it. */
  private indexLines = 0;

  private constructor(
    /** The store's folder; undefined for a memory store. */
    readonly dir: string | undefined,
    private readonly release: () => Promise<void>,
    private readonly writable: boolean,
  ) {}

  /** A store in memory only. */
  static memory(): ContentStore {
    return new ContentStore(undefined, noLock, true);
  }

  /**
   * Opens (creating) the store in `dir`. Writable stores take the store lock until
   * {@link close}; a read-only one never writes and takes no lock.
   */
  static async open(dir: string, options: { readOnly?: boolean } = {}): Promise<ContentStore> {
    const readOnly = options.readOnly ?? false;
    let release = noLock;
    if (!readOnly) {
      await mkdir(dir, { recursive: true });
      release = await acquireLock(path.join(dir, '.lock'));
    }
    const store = new ContentStore(dir, release, !readOnly);
    try {
      await store.load();
    } catch (error) {
      await release();
      throw error;
    }
    return store;
  }

  /** Number of articles, pending ones included. */
  get size(): number {
    return this.index.size;
  }

  /** Every article's index entry (in no particular order). */
  entries(): IterableIterator<IndexEntry> {
    return this.index.values();
  }

  /** The entry of `id`. */
  entry(id: string): IndexEntry | undefined {
    return this.index.get(id);
  }

  /** The article that has any of `keys`. */
  findByKeys(keys: readonly string[]): IndexEntry | undefined {
    for (const key of keys) {
      const id = this.byKey.get(key);
      if (id !== undefined) return this.index.get(id);
    }
    return undefined;
  }

  /** Reads one article. */
  async read(id: string): Promise<StoredArticle> {
    const known = this.pending.get(id) ?? this.cache.get(id);
    if (known) return known;
    if (!this.dir) throw new Error(`No article ${id} in the store`);
    const record = JSON.parse(await readFile(this.articleFile(id), 'utf8')) as StoredArticle;
    this.cache.set(id, record);
    return record;
  }

  /** Adds or replaces an article; written at {@link commit}. */
  put(record: StoredArticle): void {
    const previous = this.index.get(record.id);
    if (previous) for (const key of previous.keys) this.byKey.delete(key);
    const entry = indexEntry(record);
    this.index.set(record.id, entry);
    for (const key of entry.keys) this.byKey.set(key, record.id);
    this.pending.set(record.id, record);
    this.cache.set(record.id, record);
  }

  /**
   * Removes an article (used when an article is stored again under its own source's id); its
   * file goes at {@link commit}.
   */
  remove(id: string): void {
    const entry = this.index.get(id);
    if (!entry) return;
    for (const key of entry.keys) if (this.byKey.get(key) === id) this.byKey.delete(key);
    this.index.delete(id);
    this.pending.delete(id);
    this.cache.delete(id);
    this.removed.add(id);
  }

  /** Paths (relative to the API root) of the files published as they are. */
  assets(): string[] {
    return [...this.assetFiles.keys()].sort();
  }

  /** Adds or replaces an asset when its bytes differ; returns whether it changed. */
  async putAsset(file: string, data: Uint8Array): Promise<boolean> {
    if (this.assetFiles.has(file)) {
      const current = await this.readAsset(file);
      if (Buffer.compare(current, data) === 0) return false;
    }
    this.assetFiles.set(file, data);
    this.pendingAssets.add(file);
    return true;
  }

  /** Reads an asset. */
  async readAsset(file: string): Promise<Uint8Array> {
    const known = this.assetFiles.get(file);
    if (known) return known;
    if (!this.dir) throw new Error(`No asset ${file} in the store`);
    const data = await readFile(path.join(this.dir, 'assets', file));
    this.assetFiles.set(file, data);
    return data;
  }

  /** Articles and assets waiting for {@link commit}. */
  get pendingCount(): number {
    return this.pending.size + this.pendingAssets.size + this.removed.size;
  }

  /** Writes everything pending (no-op for a memory store or when nothing changed). */
  async commit(): Promise<void> {
    if (!this.dir || this.pendingCount === 0) {
      this.pending.clear();
      this.pendingAssets.clear();
      this.removed.clear();
      return;
    }
    if (!this.writable) throw new Error('The store was opened read-only');
    const dir = this.dir;
    const dirty = path.join(dir, '.dirty');
    await writeFileAtomic(dirty, String(process.pid));
    await forEachLimited([...this.pending.values()], 32, (record) =>
      writeFileAtomic(this.articleFile(record.id), `${JSON.stringify(record, null, 2)}\n`),
    );
    await forEachLimited([...this.pendingAssets], 8, async (file) => {
      const data = this.assetFiles.get(file);
      if (data) await writeFileAtomic(path.join(dir, 'assets', file), data);
    });
    for (const id of this.removed) await rm(this.articleFile(id), { force: true });
    // An append log cannot say "gone": a removal rewrites the index.
    if (this.removed.size > 0 || this.indexLines + this.pending.size > 2 * this.index.size) {
      await this.writeIndex();
    } else {
      await this.appendIndex([...this.pending.keys()]);
    }
    await rm(dirty, { force: true });
    this.pending.clear();
    this.removed.clear();
    this.pendingAssets.clear();
  }

  /** Releases the lock. */
  async close(): Promise<void> {
    await this.release();
  }

  private articleFile(id: string): string {
    const shard = createHash('sha1').update(id).digest('hex').slice(0, 2);
    return path.join(this.dir ?? '', 'articles', shard, `${id}.json`);
  }

  /** Rewrites the index compacted, sorted by id. */
  private async writeIndex(): Promise<void> {
    const ids = [...this.index.keys()].sort();
    const lines = ids.map((id) => JSON.stringify(this.index.get(id)));
    await writeFileAtomic(
      path.join(this.dir ?? '', 'index.ndjson'),
      lines.length > 0 ? `${lines.join('\n')}\n` : '',
    );
    this.indexLines = lines.length;
  }

  /**
   * Appends the entries of `ids`. Not atomic by itself: the commit's `.dirty` marker covers it,
   * and a torn last line is repaired by rebuilding the index from the article files.
   */
  private async appendIndex(ids: string[]): Promise<void> {
    const lines = ids.sort().map((id) => JSON.stringify(this.index.get(id)));
    await appendFile(path.join(this.dir ?? '', 'index.ndjson'), `${lines.join('\n')}\n`);
    this.indexLines += lines.length;
  }

  private async load(): Promise<void> {
    const dir = this.dir ?? '';
    const indexFile = path.join(dir, 'index.ndjson');
    if (
      existsSync(path.join(dir, '.dirty')) ||
      (!existsSync(indexFile) && existsSync(path.join(dir, 'articles')))
    ) {
      await this.rebuildIndex();
    } else if (existsSync(indexFile)) {
      // One JSON.parse of the whole log is several times faster than one per line.
      const text = (await readFile(indexFile, 'utf8')).trimEnd();
      const entries =
        text === '' ? [] : (JSON.parse(`[${text.replaceAll('\n', ',')}]`) as IndexEntry[]);
      this.indexLines = entries.length;
      for (const entry of entries) this.addEntry(entry);
    }
    for (const file of await listFiles(path.join(dir, 'assets')))
      this.assetFiles.set(file, undefined);
  }

  /** Recovery after an interrupted commit: the article files are the truth. */
  private async rebuildIndex(): Promise<void> {
    const dir = this.dir ?? '';
    const files = (await listFiles(path.join(dir, 'articles'))).filter((f) => f.endsWith('.json'));
    await forEachLimited(files, 32, async (file) => {
      const record = JSON.parse(
        await readFile(path.join(dir, 'articles', file), 'utf8'),
      ) as StoredArticle;
      this.addEntry(indexEntry(record));
    });
    if (this.writable) {
      await this.writeIndex();
      await rm(path.join(dir, '.dirty'), { force: true });
    }
  }

  private addEntry(entry: IndexEntry): void {
    const previous = this.index.get(entry.id);
    if (previous) for (const key of previous.keys) this.byKey.delete(key);
    this.index.set(entry.id, entry);
    for (const key of entry.keys) this.byKey.set(key, entry.id);
  }
}

/** The release function of a store that holds no lock. */
function noLock(): Promise<void> {
  return Promise.resolve();
}

/** The index entry of a record. */
export function indexEntry(record: StoredArticle): IndexEntry {
  return {
    id: record.id,
    keys: record.keys,
    channels: record.channels,
    published: Date.parse(record.item.date_published),
    itemHash: hash(JSON.stringify(record.item), 32),
    inputHash: record.inputHash,
    ...(record.item.date_modified ? { modified: record.item.date_modified } : {}),
  };
}

/** Every file below `dir`, relative to it with `/` separators; [] when it does not exist. */
async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.includes('.tmp-'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
