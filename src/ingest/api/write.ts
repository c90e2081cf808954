import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { IngestError } from '../errors';
import { forEachLimited, writeFileAtomic } from '../store/fs-atomic';
import { precompressedSiblings, siblingNames } from './compress';
import type { PlannedFile } from './plan';

/**
 * Writes the planned API to a folder so that whoever serves it never sees a half-built API,
 * and a run that dies at any point (kill -9 included) leaves the previous API serving.
 *
 * - First build (or a folder not written by ingest): everything is built in a temporary folder
 *   beside the target, which then takes the target's place by rename.
 * - Later builds rewrite only files whose signature changed (the manifest `.qilu-manifest.json`
 *   in the API folder records what each file was built from). Changed files are first written
 *   in full to a staging folder; then a journal naming them is written (the commit point); then
 *   each is renamed into place, which is atomic per file and takes milliseconds. A run killed
 *   before the journal exists changed nothing, and the next run discards its staging folder;
 *   one killed after it is completed by the next run, from the journal, before anything else.
 */

/** What a write did. */
export interface ApiWriteReport {
  /** Files (re)written, siblings excluded. */
  readonly written: readonly string[];
  /** Files removed (no longer part of the API). */
  readonly removed: readonly string[];
  /** Files left as they were. */
  readonly unchanged: number;
  /** True when the whole API was built afresh. */
  readonly full: boolean;
}

/** Options of {@link writeApi}. */
export interface ApiWriteOptions {
  /** Write `.br` and `.gz` siblings (default false); stale siblings are removed either way. */
  readonly precompress?: boolean;
  /** Plan only: report what would change and write nothing. */
  readonly dryRun?: boolean;
  /** Called after each file is staged. */
  readonly onFile?: (done: number, total: number) => void;
}

/** Name of the manifest inside the API folder (a dot file: not for publishing). */
export const MANIFEST = '.qilu-manifest';

interface Journal {
  readonly staging: string;
  readonly files: readonly string[];
  readonly removals: readonly string[];
}

function sidePath(outDir: string, suffix: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.${suffix}`);
}

/** Writes `plan` to `outDir`. */
export async function writeApi(
  plan: ReadonlyMap<string, PlannedFile>,
  outDir: string,
  options: ApiWriteOptions = {},
): Promise<ApiWriteReport> {
  const out = path.resolve(outDir);
  const precompress = options.precompress ?? false;
  if (!options.dryRun) await recoverApi(out);

  const manifest = await readManifest(out);
  const full = manifest === undefined;
  if (full) await refuseForeignFolder(out);
  const changed: string[] = [];
  for (const [file, planned] of plan) {
    if (full || manifest.get(file) !== planned.signature) changed.push(file);
  }
  const removed = full ? [] : [...manifest.keys()].filter((file) => !plan.has(file));
  const report = { written: changed, removed, unchanged: plan.size - changed.length, full };
  if (options.dryRun || (!full && changed.length === 0 && removed.length === 0)) return report;

  const staging = sidePath(out, `staging-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  const stagedSiblings: string[] = [];
  let done = 0;
  await forEachLimited(changed, 16, async (file) => {
    const body = await (plan.get(file) as PlannedFile).render();
    const data = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    await stage(staging, file, data);
    if (precompress) {
      for (const [sibling, bytes] of await precompressedSiblings(file, data)) {
        await stage(staging, sibling, bytes);
        stagedSiblings.push(sibling);
      }
    }
    options.onFile?.(++done, changed.length);
  });
  await stage(staging, MANIFEST, Buffer.from(manifestText(plan)));

  if (full) {
    // Nothing to keep: the staging folder takes the API's place. Between the two renames the
    // old API is parked beside it; a run killed right there is undone by recoverApi.
    const old = sidePath(out, `old-${process.pid}`);
    if (existsSync(out)) await rename(out, old);
    await rename(staging, out);
    await rm(old, { recursive: true, force: true });
    return report;
  }

  const siblingSet = new Set(stagedSiblings);
  const journal: Journal = {
    staging,
    files: [...changed, ...stagedSiblings, MANIFEST],
    // Old siblings of rewritten files go unless replaced; removed files go with theirs.
    removals: [
      ...changed.flatMap(siblingNames).filter((s) => !siblingSet.has(s)),
      ...removed.flatMap((file) => [file, ...siblingNames(file)]),
    ],
  };
  await writeFileAtomic(sidePath(out, 'commit.json'), JSON.stringify(journal));
  await applyJournal(out, journal);
  return report;
}

/**
 * Finishes or discards what an interrupted run left: completes a committed write from its
 * journal, removes staging folders of runs that died before committing.
 */
export async function recoverApi(outDir: string): Promise<void> {
  const out = path.resolve(outDir);
  const journalFile = sidePath(out, 'commit.json');
  if (existsSync(journalFile)) {
    const journal = JSON.parse(await readFile(journalFile, 'utf8')) as Journal;
    await applyJournal(out, journal);
  }
  const parent = path.dirname(out);
  if (!existsSync(parent)) return;
  const prefix = `.${path.basename(out)}.`;
  for (const name of await readdir(parent)) {
    const side = path.join(parent, name);
    if (name.startsWith(`${prefix}old-`) && !existsSync(out)) {
      // Killed between parking the old API and moving the new one in: the old one serves again.
      await rename(side, out);
    } else if (name.startsWith(`${prefix}staging-`) || name.startsWith(`${prefix}old-`)) {
      await rm(side, { recursive: true, force: true });
    }
  }
}

/** What may be in an API folder that ingest did not write (a `vite build`'s copy of the API). */
const API_ENTRIES = new Set([
  'channels.json',
  'channels.json.br',
  'channels.json.gz',
  'feeds',
  'articles',
  'images',
]);

/**
 * A first build replaces the whole output folder; refuse when it holds anything but an API
 * (a mistaken `--out dist` or `--out .` must not delete a site).
 */
async function refuseForeignFolder(out: string): Promise<void> {
  if (!existsSync(out)) return;
  const foreign = (await readdir(out)).filter(
    (name) => !API_ENTRIES.has(name) && !name.startsWith('.'),
  );
  if (foreign.length > 0) {
    throw new IngestError(
      'unsupported',
      `${out} is not an API folder (it holds ${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ' …' : ''}); ` +
        'choose an empty folder or one ingest wrote',
    );
  }
}

async function applyJournal(out: string, journal: Journal): Promise<void> {
  for (const file of journal.files) {
    const from = path.join(journal.staging, file);
    // Already moved by an earlier, interrupted attempt: rename is what made it visible.
    if (!existsSync(from)) continue;
    const to = path.join(out, file);
    await mkdir(path.dirname(to), { recursive: true });
    await rename(from, to);
  }
  await forEachLimited(journal.removals, 16, (file) => rm(path.join(out, file), { force: true }));
  await rm(sidePath(out, 'commit.json'), { force: true });
  await rm(journal.staging, { recursive: true, force: true });
}

async function stage(staging: string, file: string, data: Uint8Array): Promise<void> {
  const target = path.join(staging, file);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, data);
}

/**
 * The manifest: one `<signature> <path>` line per file, sorted by path. Plain lines rather than
 * JSON because an archive's manifest has 100,000 entries and is read on every run.
 */
function manifestText(plan: ReadonlyMap<string, PlannedFile>): string {
  const files = [...plan.keys()].sort();
  return `${MANIFEST_HEADER}\n${files.map((f) => `${(plan.get(f) as PlannedFile).signature} ${f}`).join('\n')}\n`;
}

const MANIFEST_HEADER = '# qilu-api-manifest 1';

async function readManifest(out: string): Promise<Map<string, string> | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(out, MANIFEST), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  // Anything else (an older format, a damaged file) means: build everything afresh.
  if (lines[0] !== MANIFEST_HEADER) return undefined;
  const manifest = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const space = line.indexOf(' ');
    if (space > 0) manifest.set(line.slice(space + 1), line.slice(0, space));
  }
  return manifest;
}
