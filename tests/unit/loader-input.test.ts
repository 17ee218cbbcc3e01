/**
 * What the loader reads, and what it refuses: the text only from the annotation's own folder, the
 * text hash required, byte-order marks, characters split in two, Unicode normalisation, and
 * hidden characters in names. Every case is a fixture folder made in a temp dir.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { validateFiles } from '../../src/seed/load.ts';
import { AnnotationError, textSha256 } from '../../src/seed/validate.ts';

const TEXT = 'Kazakhstan asked the CSTO for help. Protesters gathered in Almaty.\n';
const folders: string[] = [];

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function newFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'newsgraph-loader-input-'));
  folders.push(folder);
  return folder;
}

type Json = Record<string, any>;

/** An annotation of `text` with its hash; `change` edits it before it is written. */
function annotationOf(text: string, change: (json: Json) => void = () => {}): Json {
  const json: Json = {
    article: { id: 'input-test', title: 'Input test', textFile: 'input-test.txt', textSha256: textSha256(text) },
    entities: [{ kind: 'COUNTRY', id: 'kazakhstan', name: 'Kazakhstan', isoCode: 'KZ', mentions: ['Kazakhstan'] }],
  };
  change(json);
  return json;
}

/** A folder with `input-test.json` (written as given when a string) and `input-test.txt`. */
function fixture(annotation: Json | string, text: string | null = TEXT, folder = newFolder()): string {
  if (text !== null) writeFileSync(path.join(folder, 'input-test.txt'), text);
  const file = path.join(folder, 'input-test.json');
  writeFileSync(file, typeof annotation === 'string' ? annotation : JSON.stringify(annotation));
  return file;
}

/** The problems of loading one file, as `path: message` lines; [] when it loads. */
async function problemsOf(file: string): Promise<string[]> {
  try {
    await validateFiles([file]);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(AnnotationError);
    expect((error as AnnotationError).file).toBe(file);
    return (error as AnnotationError).problems.map((problem) => `${problem.path}: ${problem.message}`);
  }
}

describe('the text file must be inside the folder being loaded', () => {
  it('refuses an absolute path, such as /proc/self/environ', async () => {
    const file = fixture(annotationOf(TEXT, (json) => (json.article.textFile = '/proc/self/environ')));
    expect(await problemsOf(file)).toEqual([
      '$.article.textFile: "/proc/self/environ" is an absolute path: name a file in the annotation\'s folder, relative to it',
    ]);
  });

  it('refuses a path that leads out with ..', async () => {
    const outside = newFolder();
    writeFileSync(path.join(outside, 'secret.txt'), TEXT);
    const relative = path.relative(newFolder(), path.join(outside, 'secret.txt'));
    const file = fixture(annotationOf(TEXT, (json) => (json.article.textFile = relative)));
    const problems = await problemsOf(file);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\$\.article\.textFile: ".*secret\.txt" leads out of the annotation's folder \(.*\): the text must be a file in that folder$/);
  });

  it('refuses a symlink inside the folder that points out of it', async () => {
    const outside = newFolder();
    writeFileSync(path.join(outside, 'secret.txt'), TEXT);
    const folder = newFolder();
    symlinkSync(path.join(outside, 'secret.txt'), path.join(folder, 'input-test.txt'));
    const file = fixture(annotationOf(TEXT), null, folder);
    expect(await problemsOf(file)).toEqual([
      `$.article.textFile: "input-test.txt" is a link to ${path.join(outside, 'secret.txt')}, outside the annotation's folder (${folder}): the text must be a file in that folder`,
    ]);
  });

  it('refuses a link to /proc through a linked folder, and a folder instead of a file', async () => {
    const folder = newFolder();
    symlinkSync('/proc/self', path.join(folder, 'self'));
    expect(await problemsOf(fixture(annotationOf(TEXT, (json) => (json.article.textFile = 'self/environ')), null, folder))).toEqual([
      `$.article.textFile: "self/environ" is a link to ${path.join('/proc', String(process.pid), 'environ')}, outside the annotation's folder (${folder}): the text must be a file in that folder`,
    ]);
    mkdirSync(path.join(folder, 'texts'));
    expect(await problemsOf(fixture(annotationOf(TEXT, (json) => (json.article.textFile = 'texts')), null, folder))).toEqual([
      '$.article.textFile: "texts" is not a regular file',
    ]);
  });

  it('accepts a file in a subfolder, and a link that stays inside the folder', async () => {
    const folder = newFolder();
    mkdirSync(path.join(folder, 'texts'));
    writeFileSync(path.join(folder, 'texts', 'body.txt'), TEXT);
    symlinkSync(path.join(folder, 'texts', 'body.txt'), path.join(folder, 'input-test.txt'));
    expect(await problemsOf(fixture(annotationOf(TEXT, (json) => (json.article.textFile = 'texts/body.txt')), null, folder))).toEqual([]);
    expect(await problemsOf(fixture(annotationOf(TEXT), null, folder))).toEqual([]);
  });

  it('names a missing file', async () => {
    expect(await problemsOf(fixture(annotationOf(TEXT), null))).toEqual([
      expect.stringMatching(/^\$\.article\.textFile: cannot read "input-test\.txt": no such file in /),
    ]);
  });
});

describe('the text hash is required', () => {
  it('a missing hash is an error that gives the exact value to add, and that value loads', async () => {
    const file = fixture(annotationOf(TEXT, (json) => delete json.article.textSha256));
    const problems = await problemsOf(file);
    expect(problems).toEqual([
      `$.article.textSha256: is missing: add "textSha256": "${textSha256(TEXT)}" to "article" (the hash of the text as it is now: ` +
        `check the spans first if it changed since they were annotated), or run: npm run annotate -- hash ${file}`,
    ]);
    const pasted = /"textSha256": "(sha256:[0-9a-f]{64})"/.exec(problems[0]!)![1];
    expect(await problemsOf(fixture(annotationOf(TEXT, (json) => (json.article.textSha256 = pasted)), TEXT, path.dirname(file)))).toEqual([]);
  });

  it('a changed text is named, with how many spans no longer match', async () => {
    const annotation = annotationOf(TEXT, (json) => {
      json.entities[0].mentions = [{ start: 0, end: 10, text: 'Kazakhstan' }];
      json.entities.push({ kind: 'PLACE', id: 'almaty', name: 'Almaty', category: 'CITY', mentions: [{ start: 59, end: 65, text: 'Almaty' }] });
    });
    const edited = `Today, ${TEXT}`;
    const problems = await problemsOf(fixture(annotation, edited));
    expect(problems[0]).toBe(
      `$.article.textSha256: the text has changed since it was annotated (it now hashes to ${textSha256(edited)}): 2 spans no longer match it (below); ` +
        `check the spans, then set "textSha256" to "${textSha256(edited)}" (or run: npm run annotate -- hash ${problems[0]!.split('hash ')[1]}`,
    );
    expect(problems.slice(1)).toEqual([
      expect.stringMatching(/^\$\.entities\[0\]\.mentions\[0\]: text "Kazakhstan" does not match the article at 0-10, which reads "Today, Kaz"; the text occurs 1 time: #1 at 7-17/),
      expect.stringMatching(/^\$\.entities\[1\]\.mentions\[0\]: text "Almaty" does not match the article at 59-65/),
    ]);
    const edgeEdited = `${TEXT}More.\n`;
    expect(await problemsOf(fixture(annotation, edgeEdited))).toEqual([expect.stringContaining('every span still matches it; check the spans')]);
  });

  it('npm run annotate -- hash sets the hash of the text as it is now, and says whether the file is then valid', async () => {
    const file = fixture(annotationOf(TEXT, (json) => delete json.article.textSha256));
    const run = (target: string) => promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/seed/annotate-cli.ts', 'hash', target], { encoding: 'utf8' });
    const { stdout } = await run(file);
    expect(stdout).toContain(`Set textSha256 of ${file} to ${textSha256(TEXT)}`);
    expect(stdout).toContain(`${file} is valid, with the other annotations of its folder`);
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(written.article)).toEqual(['id', 'title', 'textFile', 'textSha256']);
    expect(await problemsOf(file)).toEqual([]);

    // A text changed under a span: the hash is refreshed, and the span that moved is named.
    writeFileSync(path.join(path.dirname(file), 'input-test.txt'), `Almaty: ${TEXT}`);
    writeFileSync(file, JSON.stringify(annotationOf(TEXT, (json) => (json.entities[0].mentions = [{ start: 0, end: 10, text: 'Kazakhstan' }]))));
    const failed = await run(file).then(() => null, (error: { code: number; stderr: string }) => error);
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/\$\.entities\[0\]\.mentions\[0\]: text "Kazakhstan" does not match the article at 0-10/);
    expect(JSON.parse(readFileSync(file, 'utf8')).article.textSha256).toBe(textSha256(`Almaty: ${TEXT}`));
  }, 60_000);
});

describe('characters', () => {
  it('accepts a byte-order mark at the start of the annotation and of the text; offsets and the hash leave it out', async () => {
    const annotation = annotationOf(TEXT, (json) => (json.entities[0].mentions = [{ start: 0, end: 10, text: 'Kazakhstan' }]));
    const file = fixture(`\uFEFF${JSON.stringify(annotation)}`, `\uFEFF${TEXT}`);
    const { articles } = await validateFiles([file]);
    expect(articles[0]!.text).toBe(TEXT);
    expect(articles[0]!.annotation.entities[0]!.mentions).toEqual([{ start: 0, end: 10, text: 'Kazakhstan' }]);
  });

  it('refuses a span that splits an emoji, naming the offset', async () => {
    const text = 'Protesters 🔥 gathered in Kazakhstan.\n';
    const file = fixture(annotationOf(text, (json) => json.entities.push(
      { kind: 'EVENT', id: 'protest', name: 'Protest', category: 'PROTEST', certainty: 'STATED', mentions: [{ start: 0, end: 12, text: 'Protesters \uD83D' }], evidence: ['Protesters 🔥 gathered'] },
    )), text);
    expect(await problemsOf(file)).toEqual([
      '$.entities[1].mentions[0]: end 12 splits the character 🔥 (U+1F525, at 11-13) in two: spans may not split a character',
    ]);
    const halfQuote = fixture(annotationOf(text, (json) => (json.entities[0].mentions = ['Kazakhstan', '\uDD25 gathered'])), text);
    expect(await problemsOf(halfQuote)).toEqual([
      '$.entities[0].mentions[1]: quote "\\udd25 gathered" holds half of a character (an unpaired UTF-16 surrogate): quote whole characters',
    ]);
  });

  it('compares quotes after NFC normalisation: accepted with a note, the span keeping the article\'s characters', async () => {
    const decomposed = 'Kazakhstan: protests in Aktóbe and Almaty.\n'.normalize('NFD');
    const file = fixture(annotationOf(decomposed, (json) => json.entities.push(
      { kind: 'PLACE', id: 'aktobe', name: 'Aktóbe', category: 'CITY', mentions: ['Aktóbe'.normalize('NFC'), { start: 24, end: 31, text: 'Aktóbe'.normalize('NFC') }] },
    )), decomposed);
    const { articles } = await validateFiles([file]);
    const [article] = articles;
    expect(article!.annotation.entities[1]!.mentions).toEqual([
      { start: 24, end: 31, text: 'Aktóbe'.normalize('NFD') },
      { start: 24, end: 31, text: 'Aktóbe'.normalize('NFD') },
    ]);
    expect(article!.notes.map((note) => `${note.path}: ${note.message}`)).toEqual([
      '$.entities[1].mentions[0]: quote "Aktóbe" matches the article at 24-31 only after Unicode NFC normalisation (the same letters in other code points, such as an accent written apart); the span keeps the article\'s characters',
      '$.entities[1].mentions[1]: text "Aktóbe" matches the article at 24-31 only after Unicode NFC normalisation; the span keeps the article\'s characters',
    ]);
  });

  it('refuses invisible and direction-changing characters in names, aliases and titles, naming the field', async () => {
    const file = fixture(annotationOf(TEXT, (json) => {
      json.article.title = 'Input \u2066test\u2069';
      json.entities[0].name = 'Kazakh\u202Estan';
      json.entities[0].aliases = ['Qazaq\u200Bstan'];
    }));
    expect(await problemsOf(file)).toEqual([
      '$.article.title: holds U+2066 at character 6, an invisible or text-direction control character: remove it',
      '$.entities[0].name: holds U+202E at character 6, an invisible or text-direction control character: remove it',
      '$.entities[0].aliases[0]: holds U+200B at character 5, an invisible or text-direction control character: remove it',
    ]);
  });
});
