import type { Plugin } from 'vite';

/** Placeholder: emits the static feed API (owned by the content-build work). */
export function contentApi(): Plugin {
  return { name: 'qilu:content-api' };
}
