/**
 * `npm run annotate -- draft PATH/TO/article.txt`: writes a draft annotation next to the text, as
 * `article.draft.json` (which the loader does not read until a reviewer renames it), and why each
 * proposal was made, as `article.draft-notes.md`.
 * `npm run annotate -- list [--kind EVENT] [--search almaty]`: the entities and events a folder gives the graph.
 * `npm run annotate -- schema [--check]`: writes (or checks) the JSON Schemas editors validate with.
 * `npm run annotate -- hash PATH/TO/article.json`: sets the annotation's `textSha256` to its text's hash.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { ENTITY_KINDS } from '../domain/vocabulary.ts';
import { formatListing, listKnown } from './draft/listing.ts';
import { readKnownGraph } from './draft/known.ts';
import { jsonSchemas, SCHEMA_FILES } from './json-schema.ts';
import { DEFAULT_SEED_DIR, DRAFT_SUFFIX, listAnnotationFiles, validateFiles } from './load.ts';
import { readArticleText, readRegistry, REGISTRY_FILE, textSha256, withoutByteOrderMark } from './validate.ts';

/** The reviewer's notes beside a draft: why each proposal was made. Not read by the loader. */
const DRAFT_NOTES_SUFFIX = '.draft-notes.md';

const program = new Command('annotate').description('Helps annotate articles.');

program
  .command('draft')
  .description('Write a draft annotation for an article text: entities, events, figures, dates and claims to review, linked to what the folder already holds.')
  .argument('<text-file>', 'the article text (UTF-8)')
  .option('--dir <folder>', 'folder of reviewed annotations and the registry to link to', DEFAULT_SEED_DIR)
  .option('--id <article-id>', 'the article id (default: the text file name without .txt)')
  .option('--published <YYYY-MM-DD>', 'publication date, which "Thursday" and "this week" are resolved against (default: the dateline\'s)')
  .option('--force', 'overwrite an existing draft', false)
  .action(async (textFile: string, options: { dir: string; id?: string; published?: string; force: boolean }) => {
    if (options.published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.published)) throw new Error(`--published must be a date as YYYY-MM-DD, not "${options.published}"`);
    const text = readFileSync(textFile, 'utf8');
    const stem = path.basename(textFile).replace(/\.txt$/, '');
    const out = path.join(path.dirname(textFile), `${stem}${DRAFT_SUFFIX}`);
    const notesFile = path.join(path.dirname(textFile), `${stem}${DRAFT_NOTES_SUFFIX}`);
    if (existsSync(out) && !options.force) throw new Error(`${out} exists; pass --force to overwrite it`);
    const articleId = options.id ?? stem;
    const known = await readKnownGraph(options.dir, articleId);
    // Loaded here: the NLP model and the gazetteer take a moment, which the other commands need not wait for.
    const { draftAnnotation } = await import('./draft.ts');
    const { annotation, notes } = draftAnnotation({ text, textFile: path.basename(textFile), articleId, known, ...(options.published ? { publishedAt: options.published } : {}) });
    writeFileSync(out, `${JSON.stringify(annotation, null, 2)}\n`);
    writeFileSync(notesFile, `# Review notes for ${out}\n\nWhy each proposal was made; check each, then delete this file.\n\n${notes.map((note) => `- ${note}`).join('\n')}\n`);
    const events = annotation.entities.filter((entity) => entity.kind === 'EVENT' || ('certainty' in entity && entity.certainty !== undefined));
    console.log(
      `Wrote ${out}: ${annotation.entities.length - events.length} entities, ${events.length} events ` +
        `(${events.filter((event) => event.kind === undefined).length} already in the graph), ${annotation.relations.length} relations, ` +
        `${annotation.figures.length} figures, ${annotation.claims.length} claims, ${annotation.deployments.length} deployments; ` +
        `why each was proposed: ${notesFile}. Review it (docs/annotating.md), delete "draft", and rename it to ${stem}.json.`,
    );
  });

program
  .command('list')
  .description('List the entities and events the graph will hold (the registry and the reviewed annotations of a folder), with ids, kinds, dates and places.')
  .option('--dir <folder>', 'folder of reviewed annotations and the registry', DEFAULT_SEED_DIR)
  .option('--kind <kind>', `only this kind: ${ENTITY_KINDS.join(', ')}`)
  .option('--search <words>', 'only entries whose id, name or aliases contain every word (case and diacritics ignored)')
  .action(async (options: { dir: string; kind?: string; search?: string }) => {
    const kind = options.kind?.toUpperCase();
    if (kind !== undefined && !(ENTITY_KINDS as readonly string[]).includes(kind)) throw new Error(`--kind must be one of ${ENTITY_KINDS.join(', ')}, not "${options.kind}"`);
    const rows = listKnown(await readKnownGraph(options.dir), { ...(kind ? { kind } : {}), ...(options.search ? { search: options.search } : {}) });
    console.log(formatListing(rows));
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
