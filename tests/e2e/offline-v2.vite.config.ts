import type { Plugin } from 'vite';
import { mergeConfig } from 'vite';
import baseConfig from '../../vite.config';

/**
 * The project's own build config plus one trivial code change, for the update-prompt test
 * (offline-update.spec.ts): a second deployment whose entry chunk, and so its file names,
 * index.html and the service worker's precache list, differ from dist/'s. The change also
 * marks the page (`<html data-build="…">`) so a test can tell which version a tab runs.
 */

/** The tag the marked build writes to `document.documentElement.dataset.build`. */
const BUILD_TAG = process.env.QILU_E2E_BUILD_TAG ?? 'v2';

/** Appends one statement to the app's entry module. */
function markBuild(tag: string): Plugin {
  return {
    name: 'qilu-e2e-mark-build',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('/src/app/main.tsx')) return null;
      return {
        code: `${code}\ndocument.documentElement.dataset.build = ${JSON.stringify(tag)};\n`,
        map: null,
      };
    },
  };
}

export default mergeConfig(baseConfig, { plugins: [markBuild(BUILD_TAG)] });
