import path from 'node:path';
import type { CodeSplittingGroup, ChunkingContext } from 'rolldown';

/** The chunk every page loads first: the entry and what it imports statically. */
export const FIRST_LOAD_CHUNK = 'shell';

/** The chunk of the whole app (src/app/start-app.tsx): loaded when the app takes over the page. */
export const APP_CHUNK = 'app';

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
 * The same holds for the app the entry loads when it takes over (src/app/start-app.tsx):
 * one file for its static closure, minus what the first-load chunk holds already.
 *
 * @param entry The module whose static closure makes the chunk, relative to the project root.
 * @param name The chunk's name.
 */
export function closureChunk(entry: string, name: string = FIRST_LOAD_CHUNK): CodeSplittingGroup {
  const entryId = path.resolve(entry);
  // One closure per chunking pass; the context object identifies the pass.
  const closures = new WeakMap<ChunkingContext, Set<string>>();
  return {
    debugName: name,
    name(moduleId, ctx) {
      let closure = closures.get(ctx);
      if (!closure) {
        closure = staticClosure(entryId, ctx);
        closures.set(ctx, closure);
      }
      return closure.has(moduleId) ? name : null;
    },
  };
}
