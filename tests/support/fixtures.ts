/** Where the tests' own articles live. Not a test file itself. */
import { fileURLToPath } from 'node:url';

/**
 * The folder the tests load: the first article as `seed/` held it, with its registry and
 * background file. Tests load it rather than `seed/`, so adding an article there changes no answer.
 */
export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/kazakhstan/', import.meta.url));
