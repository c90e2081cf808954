/**
 * The precached page every navigation is answered with (and the boot view is
 * built from). One constant, so a change of which file is the neutral shell
 * is made here only.
 */
export const SHELL_URL = '/index.html';
