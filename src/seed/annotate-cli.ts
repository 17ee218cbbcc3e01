/**
 * `npm run annotate -- draft PATH/TO/article.txt`: writes a draft annotation next to the text, as
 * `article.draft.json`, which the loader does not read until a reviewer renames it.
 * `npm run annotate -- schema [--check]`: writes (or checks) the JSON Schemas editors validate with.
 * `npm run annotate -- hash PATH/TO/article.json`: sets the annotation's `textSha256` to its text's hash.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { draftAnnotation, type KnownNames } from './draft.ts';
import { jsonSchemas, SCHEMA_FILES } from './json-schema.ts';
import { DEFAULT_SEED_DIR, DRAFT_SUFFIX, listAnnotationFiles, validateFiles } from './load.ts';
import { readArticleText, readRegistry, REGISTRY_FILE, textSha256, withoutByteOrderMark } from './validate.ts';

/** Every name the known entities go by: the registry's and the reviewed annotations' in the folder. */
async function knownNames(dir: string): Promise<KnownNames[]> {
  const byId = new Map<string, KnownNames>();
  const add = (id: string, kind: string, names: string[]) => {
    const entry = byId.get(id) ?? { id, kind, names: [] };
    entry.names = [...new Set([...entry.names, ...names])];
    byId.set(id, entry);
  };
  for (const [id, { entity }] of await readRegistry(path.join(dir, REGISTRY_FILE))) add(id, entity.kind, [entity.name, ...entity.aliases]);
  for (const { annotation } of (await validateFiles(await listAnnotationFiles(dir))).articles) {
    for (const entity of annotation.entities) add(entity.id, entity.kind, [entity.name, ...entity.aliases]);
  }
  return [...byId.values()];
}

const program = new Command('annotate').description('Helps annotate articles.');

program
  .command('draft')
  .description('Write a draft annotation for an article text: known entities found, candidates to review.')
  .argument('<text-file>', 'the article text (UTF-8)')
  .option('--dir <folder>', 'folder of reviewed annotations and the registry to take known entities from', DEFAULT_SEED_DIR)
  .option('--id <article-id>', 'the article id (default: the text file name without .txt)')
  .option('--force', 'overwrite an existing annotation file', false)
  .action(async (textFile: string, options: { dir: string; id?: string; force: boolean }) => {
    const text = readFileSync(textFile, 'utf8');
    const stem = path.basename(textFile).replace(/\.txt$/, '');
    const out = path.join(path.dirname(textFile), `${stem}${DRAFT_SUFFIX}`);
    if (existsSync(out) && !options.force) throw new Error(`${out} exists; pass --force to overwrite it`);
    const known = await knownNames(options.dir);
    const draft = draftAnnotation({ text, textFile: path.basename(textFile), articleId: options.id ?? stem, known });
    writeFileSync(out, `${JSON.stringify(draft, null, 2)}\n`);
    const candidates = draft.candidates!;
    console.log(
      `Wrote ${out}: ${draft.entities.length} known entities with ${draft.entities.reduce((sum, entity) => sum + entity.mentions.length, 0)} mentions; ` +
        `candidates to review: ${candidates.people.length} people, ${candidates.places.length} places, ` +
        `${candidates.organizations.length} organizations, ${candidates.numbers.length} numbers. ` +
        `Review it (docs/annotating.md), delete "draft" and "candidates", and rename it to ${stem}.json.`,
    );
  });

program
  .command('schema')
  .description('Write the JSON Schemas of the annotation, registry and background files (seed/schema/).')
  .option('--check', 'only check that the committed schemas are current', false)
  .action((options: { check: boolean }) => {
    const schemas = jsonSchemas();
    for (const [name, file] of Object.entries(SCHEMA_FILES) as [keyof typeof SCHEMA_FILES, string][]) {
      const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
      if (current === schemas[name]) continue;
      if (options.check) throw new Error(`${file} is out of date: run npm run annotate -- schema`);
      writeFileSync(file, schemas[name]);
      console.log(`Wrote ${file}`);
    }
  });

program
  .command('hash')
  .description('Set an annotation\'s "textSha256" to the hash of its text as it is now (check its spans first), then validate it.')
  .argument('<annotation-file>', 'the annotation (JSON)')
  .action(async (file: string) => {
    const annotation = JSON.parse(withoutByteOrderMark(readFileSync(file, 'utf8'))) as { article?: Record<string, unknown> };
    if (typeof annotation.article?.textFile !== 'string') throw new Error(`${file}: $.article.textFile is missing; it names the text to hash`);
    const hash = textSha256(await readArticleText(file, annotation.article.textFile));
    // Placed after textFile, where the draft puts it.
    const { textSha256: _previous, ...article } = annotation.article;
    const entries = Object.entries(article);
    entries.splice(entries.findIndex(([key]) => key === 'textFile') + 1, 0, ['textSha256', hash]);
    writeFileSync(file, `${JSON.stringify({ ...annotation, article: Object.fromEntries(entries) }, null, 2)}\n`);
    console.log(`Set textSha256 of ${file} to ${hash}`);
    // Validated with its folder, as `npm run seed -- --check` would: other articles may declare what it references.
    const folderFiles = (await listAnnotationFiles(path.dirname(file))).map((each) => path.resolve(each));
    await validateFiles([...new Set([...folderFiles, path.resolve(file)])]);
    console.log(`${file} is valid, with the other annotations of its folder`);
  });

try {
  await program.parseAsync();
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
