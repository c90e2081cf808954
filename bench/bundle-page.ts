import path from 'node:path';
import { build } from 'vite';

/**
 * Bundles `bench/<name>.ts` (a benchmark's in-browser half, with the app
 * modules it imports) into `<outDir>/<name>.js` as one ES module, so a
 * benchmark measures the real store and engine code in real Chromium.
 */
export async function bundleBenchPage(root: string, outDir: string, name: string): Promise<void> {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      lib: {
        entry: path.join(root, 'bench', `${name}.ts`),
        formats: ['es'],
        fileName: () => `${name}.js`,
      },
    },
  });
}
