import { describe, expect, it } from 'vitest';
import { dedupe, raceAbort } from '../../src/app/data/requests';

/** A promise with its resolve/reject exposed, standing in for a network request. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('dedupe', () => {
  it('runs one request for concurrent callers of the same key', async () => {
    const request = deferred<string>();
    let starts = 0;
    const start = () => {
      starts += 1;
      return request.promise;
    };
    const a = dedupe('same-1', start);
    const b = dedupe('same-1', start);
    request.resolve('page');
    await expect(Promise.all([a, b])).resolves.toEqual(['page', 'page']);
    expect(starts).toBe(1);
  });

  it('starts a new request once the previous one has settled', async () => {
    let starts = 0;
    const start = () => Promise.resolve(++starts);
    await expect(dedupe('again-1', start)).resolves.toBe(1);
    await expect(dedupe('again-1', start)).resolves.toBe(2);
  });

  it('keeps the shared request going while another caller still waits', async () => {
    const request = deferred<string>();
    let sharedSignal: AbortSignal | undefined;
    const start = (signal: AbortSignal) => {
      sharedSignal = signal;
      return request.promise;
    };
    const leaving = new AbortController();
    const first = dedupe('keep-1', start, leaving.signal);
    const second = dedupe('keep-1', start);
    leaving.abort(new Error('left the page'));
    await expect(first).rejects.toThrow('left the page');
    expect(sharedSignal?.aborted).toBe(false);
    request.resolve('still wanted');
    await expect(second).resolves.toBe('still wanted');
  });

  it('aborts the shared request when every caller has given up', async () => {
    const request = deferred<string>();
    let sharedSignal: AbortSignal | undefined;
    const start = (signal: AbortSignal) => {
      sharedSignal = signal;
      return request.promise;
    };
    const one = new AbortController();
    const two = new AbortController();
    const a = dedupe('abort-1', start, one.signal);
    const b = dedupe('abort-1', start, two.signal);
    one.abort();
    expect(sharedSignal?.aborted).toBe(false);
    two.abort();
    expect(sharedSignal?.aborted).toBe(true);
    await expect(a).rejects.toBeDefined();
    await expect(b).rejects.toBeDefined();
  });

  it('passes a failure to every caller', async () => {
    const request = deferred<string>();
    const a = dedupe('fail-1', () => request.promise);
    const b = dedupe('fail-1', () => request.promise);
    request.reject(new Error('offline'));
    await expect(a).rejects.toThrow('offline');
    await expect(b).rejects.toThrow('offline');
  });
});

describe('raceAbort', () => {
  it('settles like the promise when the signal never aborts', async () => {
    await expect(raceAbort(Promise.resolve(7), new AbortController().signal)).resolves.toBe(7);
  });

  it('rejects at once with the reason of an already aborted signal', async () => {
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    await expect(raceAbort(new Promise(() => undefined), controller.signal)).rejects.toThrow(
      'too late',
    );
  });
});
