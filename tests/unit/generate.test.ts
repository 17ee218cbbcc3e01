import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotationJson, createCorpus, generateCorpus, type GeneratedArticle } from '../../bench/corpus.ts';
import type { Annotation, Span } from '../../src/seed/annotation.ts';
import { checkSharedEntities, readAnnotationFile, type ValidatedArticle } from '../../src/seed/validate.ts';

const ARTICLES = 25;
const SEED = 42;

/** Writes a corpus the way `bench/generate.ts` does: `<id>.txt` and `<id>.json` side by side. */
async function writeCorpus(dir: string, articles: Iterable<GeneratedArticle>): Promise<void> {
  for (const article of articles) {
    await writeFile(path.join(dir, `${article.id}.txt`), article.text);
    await writeFile(path.join(dir, `${article.id}.json`), annotationJson(article));
  }
}

/** Every span in an annotation, with where it is. */
function allSpans(annotation: Annotation): Array<[string, Span]> {
  const spans: Array<[string, Span]> = [];
  const add = (where: string, list: Span[]) => list.forEach((span, index) => spans.push([`${where}[${index}]`, span]));
  annotation.entities.forEach((entity, index) => {
    add(`entities[${index}].mentions`, entity.mentions);
    if (entity.kind === 'EVENT') add(`entities[${index}].evidence`, entity.evidence);
  });
  annotation.relations.forEach((relation, index) => add(`relations[${index}].evidence`, relation.evidence));
  annotation.figures.forEach((figure, index) => add(`figures[${index}].evidence`, figure.evidence));
  annotation.claims.forEach((claim, index) => add(`claims[${index}].evidence`, claim.evidence));
  annotation.deployments.forEach((deployment, index) => add(`deployments[${index}].evidence`, deployment.evidence));
  return spans;
}

async function readDir(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of (await readdir(dir)).sort()) files.set(name, await readFile(path.join(dir, name), 'utf8'));
  return files;
}

describe('synthetic corpus generator', () => {
  let dir: string;
  let articles: ValidatedArticle[];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'corpus-'));
    await writeCorpus(dir, generateCorpus({ articles: ARTICLES, seed: SEED }));
    const jsonFiles = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
    articles = [];
    for (const name of jsonFiles) articles.push(await readAnnotationFile(path.join(dir, name)));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one valid text and annotation pair per article', async () => {
    const names = (await readdir(dir)).sort();
    expect(names).toHaveLength(2 * ARTICLES);
    expect(names[0]).toBe('synthetic-000001.json');
    expect(names[1]).toBe('synthetic-000001.txt');
    expect(articles).toHaveLength(ARTICLES);
    for (const { annotation } of articles) {
      expect(annotation.article.textFile).toBe(`${annotation.article.id}.txt`);
    }
  });

  it('makes every span match the article text', () => {
    let checked = 0;
    for (const { file, annotation, text } of articles) {
      for (const [where, span] of allSpans(annotation)) {
        expect(text.slice(span.start, span.end), `${path.basename(file)} ${where}`).toBe(span.text);
        checked++;
      }
      for (const figure of annotation.figures) {
        expect(figure.evidence.some((span) => span.text.includes(figure.text))).toBe(true);
      }
      for (const claim of annotation.claims) expect(text).toContain(claim.quote);
      for (const entity of annotation.entities) expect(entity.mentions.length).toBeGreaterThan(0);
    }
    expect(checked).toBeGreaterThan(ARTICLES * 50);
  });

  it('keeps ids unique within each file and figure, claim and deployment ids unique across files', () => {
    const global = new Set<string>();
    for (const { annotation } of articles) {
      const ids = [
        ...annotation.entities.map((entity) => entity.id),
        ...annotation.figures.map((figure) => figure.id),
        ...annotation.claims.map((claim) => claim.id),
        ...annotation.deployments.map((deployment) => deployment.id),
      ];
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids.slice(annotation.entities.length)) {
        expect(global.has(id)).toBe(false);
        global.add(id);
      }
    }
  });

  it('describes a shared entity the same way in every file', () => {
    expect(() => checkSharedEntities(articles)).not.toThrow();
    const seen = new Map<string, string>();
    for (const { file, annotation } of articles) {
      for (const { mentions: _mentions, ...entity } of annotation.entities) {
        // An event's evidence, and its date's, are the article's own spans.
        const description = JSON.stringify(
          entity.kind === 'EVENT' ? { ...entity, evidence: undefined, date: entity.date && { ...entity.date, evidence: undefined } } : entity,
        );
        const earlier = seen.get(entity.id);
        if (earlier === undefined) seen.set(entity.id, description);
        else expect(description, `${entity.id} in ${path.basename(file)}`).toBe(earlier);
      }
    }
  });

  it('reuses entities across articles, a few very often', () => {
    const articlesPerEntity = new Map<string, number>();
    for (const { annotation } of articles) {
      for (const entity of annotation.entities) {
        articlesPerEntity.set(entity.id, (articlesPerEntity.get(entity.id) ?? 0) + 1);
      }
    }
    const counts = [...articlesPerEntity.values()].sort((a, b) => b - a);
    expect(counts[0]).toBeGreaterThanOrEqual(ARTICLES / 4);
    expect(counts.filter((count) => count >= 3).length).toBeGreaterThanOrEqual(5);
    expect(counts.filter((count) => count === 1).length).toBeGreaterThan(counts.length / 3);
  });

  it('fills every part of the format with plausible amounts', () => {
    const kinds = new Set<string>();
    const relationTypes = new Set<string>();
    const certainties = new Set<string>();
    const metrics = new Set<string>();
    let deployments = 0;
    let diacritics = 0;
    for (const { annotation, text } of articles) {
      expect(text.length).toBeGreaterThan(1000);
      expect(annotation.entities.length).toBeGreaterThanOrEqual(6);
      expect(annotation.entities.filter((entity) => entity.kind === 'EVENT').length).toBeGreaterThanOrEqual(2);
      expect(annotation.relations.length).toBeGreaterThanOrEqual(8);
      expect(annotation.figures.length).toBeGreaterThanOrEqual(2);
      expect(annotation.claims.length).toBeGreaterThanOrEqual(1);
      for (const entity of annotation.entities) {
        kinds.add(entity.kind);
        if (entity.kind === 'EVENT') certainties.add(entity.certainty);
        if (/[^\u0000-\u007f]/.test(entity.name)) diacritics++;
      }
      for (const relation of annotation.relations) {
        relationTypes.add(relation.type);
        certainties.add(relation.certainty);
      }
      for (const figure of annotation.figures) metrics.add(figure.metric);
      for (const claim of annotation.claims) certainties.add(claim.certainty);
      deployments += annotation.deployments.length;
      const published = annotation.article.publishedAt ?? '';
      expect(published >= '2015-01-01' && published <= '2024-12-31').toBe(true);
    }
    expect([...kinds].sort()).toEqual(['COUNTRY', 'EVENT', 'ORGANIZATION', 'PERSON', 'PLACE']);
    expect([...certainties].sort()).toEqual(['ALLEGED', 'EXPECTED', 'REPORTED', 'STATED']);
    for (const type of ['HOLDS_POSITION', 'LOCATED_IN', 'PARTICIPATED_IN', 'OCCURRED_IN', 'PART_OF', 'MEMBER_OF', 'REPORTED_BY']) {
      expect(relationTypes).toContain(type);
    }
    expect(metrics).toContain('KILLED');
    expect(metrics).toContain('TROOPS');
    expect(deployments).toBeGreaterThan(0);
    expect(diacritics).toBeGreaterThan(0);
  });

  it('is deterministic for a seed and differs between seeds', async () => {
    const again = await mkdtemp(path.join(os.tmpdir(), 'corpus-again-'));
    const other = await mkdtemp(path.join(os.tmpdir(), 'corpus-other-'));
    try {
      await writeCorpus(again, generateCorpus({ articles: ARTICLES, seed: SEED }));
      await writeCorpus(other, generateCorpus({ articles: ARTICLES, seed: SEED + 1 }));
      const first = await readDir(dir);
      expect(await readDir(again)).toEqual(first);
      const different = await readDir(other);
      expect([...different.keys()]).toEqual([...first.keys()]);
      expect(different.get('synthetic-000001.txt')).not.toBe(first.get('synthetic-000001.txt'));
    } finally {
      await rm(again, { recursive: true, force: true });
      await rm(other, { recursive: true, force: true });
    }
  });

  it('gives random access to the same articles as the sequence', () => {
    const corpus = createCorpus({ articles: ARTICLES, seed: SEED });
    const sequence = [...generateCorpus({ articles: ARTICLES, seed: SEED })];
    expect(corpus.article(7)).toEqual(sequence[6]);
    expect(corpus.article(ARTICLES)).toEqual(sequence[ARTICLES - 1]);
  });
});
