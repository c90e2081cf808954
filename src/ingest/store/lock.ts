import { link, readFile, rm, writeFile } from 'node:fs/promises';

/**
 * One ingest at a time per store: a scheduled run that overlaps a manual one must not
 * interleave writes. The lock is a file holding the owner's pid, published in one step (written
 * beside it, then hard-linked into place, which fails if the lock exists), so nobody ever reads
 * a half-written lock. A lock whose process is gone (a run killed with kill -9) is stale and
 * taken over; so is one naming this very process that this process does not hold (a restarted
 * container's job often gets the pid its killed predecessor had).
 */
export class StoreLockedError extends Error {
  override readonly name = 'StoreLockedError';
  constructor(lockFile: string, pid: number) {
    super(
      `另一个导入正在使用内容库（进程 ${pid}）。 The store is locked by process ${pid} (${lockFile}).`,
    );
  }
}

/** Locks this process holds, so a second open in the same process is refused too. */
const held = new Set<string>();

/** Takes the lock; returns the function that releases it. */
export async function acquireLock(lockFile: string): Promise<() => Promise<void>> {
  if (held.has(lockFile)) throw new StoreLockedError(lockFile, process.pid);
  const mine = `${lockFile}.${process.pid}`;
  await writeFile(mine, String(process.pid));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(mine, lockFile);
        held.add(lockFile);
        return async () => {
          held.delete(lockFile);
          await rm(lockFile, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const pid = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
        const alive = pid > 0 && pid !== process.pid && isAlive(pid);
        if (alive) throw new StoreLockedError(lockFile, pid);
        await rm(lockFile, { force: true });
      }
    }
    throw new Error(`Could not take the store lock ${lockFile}`);
  } finally {
    await rm(mine, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
