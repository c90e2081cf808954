import type { Plugin } from 'vite';

/** Placeholder: writes .br/.gz next to every text asset (owned by the serving work). */
export function precompress(): Plugin {
  return { name: 'qilu:precompress', apply: 'build' };
}
