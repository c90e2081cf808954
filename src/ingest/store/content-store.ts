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
  /** Articles removed since the last commit → the id that replaced them (files go at commit). */
  private readonly removed = new Map<string, string>();
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
   * Removes an article that is stored again as `replacedBy` (an article moving to its own
   * source's id); its file goes at {@link commit}.
   */
  remove(id: string, replacedBy: string): void {
    const entry = this.index.get(id);
    if (!entry) return;
    for (const key of entry.keys) if (this.byKey.get(key) === id) this.byKey.delete(key);
    this.index.delete(id);
    this.pending.delete(id);
    this.cache.delete(id);
    this.removed.set(id, replacedBy);
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
    // The marker names the moves, so a recovery removes an old copy only once its replacement
    // is on disk: a kill between the two never leaves the article twice, or not at all.
    await writeFileAtomic(
      dirty,
      JSON.stringify({ pid: process.pid, moved: Object.fromEntries(this.removed) }),
    );
    await forEachLimited([...this.pending.values()], 32, (record) =>
      writeFileAtomic(this.articleFile(record.id), `${JSON.stringify(record, null, 2)}\n`),
    );
    await forEachLimited([...this.pendingAssets], 8, async (file) => {
      const data = this.assetFiles.get(file);
      if (data) await writeFileAtomic(path.join(dir, 'assets', file), data);
    });
    for (const id of this.removed.keys()) await rm(this.articleFile(id), { force: true });
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
    const superseded = await this.finishMoves(path.join(dir, '.dirty'));
    const files = (await listFiles(path.join(dir, 'articles'))).filter((f) => f.endsWith('.json'));
    await forEachLimited(files, 32, async (file) => {
      let record: StoredArticle;
      try {
        record = JSON.parse(
          await readFile(path.join(dir, 'articles', file), 'utf8'),
        ) as StoredArticle;
      } catch (error) {
        // A file torn by a power cut (never by a kill: files are renamed into place) is lost
        // already; the rest of the store must still open.
        process.stderr.write(
          `内容库文件损坏，已跳过 damaged store file skipped: articles/${file} (${(error as Error).message})\n`,
        );
        return;
      }
      if (!superseded.has(record.id)) this.addEntry(indexEntry(record));
    });
    if (this.writable) {
      await this.writeIndex();
      await rm(path.join(dir, '.dirty'), { force: true });
    }
  }

  /**
   * The old copies of moved articles whose new copy was written before the kill: removed when
   * the store is writable, ignored either way.
   */
  private async finishMoves(dirty: string): Promise<Set<string>> {
    const superseded = new Set<string>();
    let moved: Record<string, string>;
    try {
      const marker = JSON.parse(await readFile(dirty, 'utf8')) as {
        moved?: Record<string, string>;
      };
      moved = marker.moved ?? {};
    } catch {
      return superseded; // no marker, or not one of ours
    }
    for (const [old, replacement] of Object.entries(moved)) {
      if (!existsSync(this.articleFile(replacement))) continue;
      superseded.add(old);
      if (this.writable) await rm(this.articleFile(old), { force: true });
    }
    return superseded;
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
