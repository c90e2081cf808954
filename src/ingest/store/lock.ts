import { open, readFile, rm } from 'node:fs/promises';

/**
 * One ingest at a time per store: a scheduled run that overlaps a manual one must not
 * interleave writes. The lock is a file created exclusively, holding the owner's pid; a lock
 * whose process is gone (a run killed with kill -9) is stale and taken over.
 */
export class StoreLockedError extends Error {
  override readonly name = 'StoreLockedError';
  constructor(lockFile: string, pid: number) {
    super(
      `另一个导入正在使用内容库（进程 ${pid}）。 The store is locked by process ${pid} (${lockFile}).`,
    );
  }
}

/** Takes the lock; returns the function that releases it. */
export async function acquireLock(lockFile: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
        throw new StoreLockedError(lockFile, pid);
      }
      await rm(lockFile, { force: true });
    }
  }
  throw new Error(`Could not take the store lock ${lockFile}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
