import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layers hold in the compiler too: the tsconfig projects are composite, so a project may
 * import only its own files and those of the projects it references (tsconfig.json). Each case
 * adds a one-line module, in memory, to a project as `tsc -b` would read it, and collects the
 * TS6307 errors ("File … is not listed within the file list of project …") on that module.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The files TS6307 names when `code`, placed at `file`, is compiled as part of `project`. */
function unlistedImports(project: string, file: string, code: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, project),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`${project} could not be read`);
  const probe = path.join(ROOT, file);
  const host = ts.createCompilerHost(parsed.options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => name === probe || fileExists(name);
  host.readFile = (name) => (name === probe ? code : readFile(name));
  host.getSourceFile = (name, language, ...rest) =>
    name === probe
      ? ts.createSourceFile(name, code, language)
      : getSourceFile(name, language, ...rest);
  const program = ts.createProgram({
    rootNames: [...parsed.fileNames, probe],
    options: parsed.options,
    projectReferences: parsed.projectReferences,
    host,
  });
  return program
    .getSemanticDiagnostics(program.getSourceFile(probe))
    .filter((diagnostic) => diagnostic.code === 6307)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
    .map((message) => path.relative(ROOT, /File '([^']+)'/.exec(message)?.[1] ?? message));
}

/**
 * Each case type-checks a whole project (a few seconds alone); on a loaded two-core machine
 * that passes the default 5 s, which is a limit on the machine, not on the code.
 */
const PROGRAM_TIMEOUT_MS = 60_000;

describe('composite projects: what each may import', { timeout: PROGRAM_TIMEOUT_MS }, () => {
  it.each([
    ['tsconfig.app.json', 'src/app/probe.ts', '../sw/sw', 'src/sw/sw.ts'],
    ['tsconfig.app.json', 'src/app/probe.ts', '../ingest/run', 'src/ingest/run.ts'],
    ['tsconfig.sw.json', 'src/sw/probe.ts', '../app/app', 'src/app/app.tsx'],
    ['tsconfig.shared.json', 'src/shared/probe.ts', '../sw/sw', 'src/sw/sw.ts'],
    ['tsconfig.shared.json', 'src/shared/probe.ts', '../app/app', 'src/app/app.tsx'],
  ])('%s: %s importing %s fails (TS6307)', (project, file, specifier, named) => {
    const unlisted = unlistedImports(project, file, `export * from '${specifier}';\n`);
    expect(unlisted).toEqual([named]);
  });

  it.each([
    ['tsconfig.app.json', 'src/app/probe.ts', '../shared/site'],
    ['tsconfig.sw.json', 'src/sw/probe.ts', '../shared/messages'],
    ['tsconfig.app.json', 'src/app/probe.ts', './lib/page'],
  ])('%s: %s may import %s', (project, file, specifier) => {
    expect(unlistedImports(project, file, `export * from '${specifier}';\n`)).toEqual([]);
  });
});
