/**
 * A content build failure that names the exact file and field, so a broken
 * source file stops `vite build` with a message an editor can act on.
 */
export class ContentError extends Error {
  override readonly name = 'ContentError';

  constructor(
    /** The source file (or `generator`) the problem is in. */
    readonly file: string,
    /** The field path inside it, e.g. `authors[2]`; empty for whole-file problems. */
    readonly field: string,
    /** What is wrong, in plain words. */
    problem: string,
  ) {
    super(field ? `${file}: field "${field}" ${problem}` : `${file}: ${problem}`);
  }
}
