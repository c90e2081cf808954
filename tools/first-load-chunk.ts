import path from 'node:path';
import type { CodeSplittingGroup, ChunkingContext } from 'rolldown';

/** The chunk every page needs before its first paint. */
export const FIRST_LOAD_CHUNK = 'shell';

/** Module ids statically reachable from `entry` (dynamic imports stay out). */
function staticClosure(entry: string, ctx: ChunkingContext): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    const info = ctx.getModuleInfo(id);
    if (info) stack.push(...info.importedIds);
  }
  return seen;
}

/**
 * One chunk for everything the entry imports statically. Left to itself the
 * bundler splits that code into as many shared chunks as there are lazy routes
 * using parts of it (eight files on the first load), and an offline repeat
 * visit pays for each as a separate service-worker fetch before any text
 * shows. Taking exactly the static closure keeps lazy code (settings, read
 * aloud, the feed parser) out: a directory pattern would drag their
 * dependencies in too.
 *
 * @param entry The app's entry module, relative to the project root.
 */
export function firstLoadChunk(entry: string): CodeSplittingGroup {
  const entryId = path.resolve(entry);
  // One closure per chunking pass; the context object identifies the pass.
  const closures = new WeakMap<ChunkingContext, Set<string>>();
  return {
    debugName: FIRST_LOAD_CHUNK,
    name(moduleId, ctx) {
      let closure = closures.get(ctx);
      if (!closure) {
        closure = staticClosure(entryId, ctx);
        closures.set(ctx, closure);
      }
      return closure.has(moduleId) ? FIRST_LOAD_CHUNK : null;
    },
  };
}
