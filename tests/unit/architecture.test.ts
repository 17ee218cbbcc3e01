/**
 * The architecture's import rules (`.dependency-cruiser.cjs`), checked with dependency-cruiser:
 * no folder imports one that imports it back, Cypher is built only in the data-access layers,
 * and nothing below src/api knows HTTP. The rules are shown to catch what they forbid on a
 * small tree written for the test.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = path.join(ROOT, 'node_modules', '.bin', 'depcruise');

/** The rule names dependency-cruiser reports for the tree under `cwd`'s `src` (none: it passes). */
async function violations(cwd: string): Promise<{ rules: string[]; output: string }> {
  try {
    await promisify(execFile)(DEPCRUISE, ['src', '--config', CONFIG, '--output-type', 'err'], { cwd });
    return { rules: [], output: '' };
  } catch (error) {
    const output = String((error as { stdout?: string }).stdout ?? error);
    return { rules: [...new Set([...output.matchAll(/error ([a-z-]+):/g)].map((match) => match[1]!))].sort(), output };
  }
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'architecture-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string>): string {
  const root = path.join(scratch, name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

describe('the import rules', () => {
  it('hold for src/', async () => {
    const { rules, output } = await violations(ROOT);
    expect(rules, output).toEqual([]);
  }, 120_000);

  it('fail on a folder cycle, on Cypher built in the API, and on HTTP below it', async () => {
    const root = tree('broken', {
      'src/graph/read.ts': "import { write } from '../seed/write.ts';\nexport const read = () => write();\n",
      'src/seed/write.ts': "import { other } from '../graph/other.ts';\nexport const write = () => other;\n",
      'src/graph/other.ts': "import express from 'express';\nexport const other = express;\n",
      'src/api/resolver.ts': "import Cypher from '@neo4j/cypher-builder';\nexport const node = new Cypher.Node();\n",
    });
    // The packages the tree imports resolve from this project's node_modules.
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
    const { rules } = await violations(root);
    expect(rules).toEqual(['cypher-only-in-data-access', 'no-folder-cycle', 'no-http-below-api', 'read-path-never-writes']);
  }, 120_000);
});
