/**
 * Lint rules for Cypher: user input reaches the database only as parameters. The read path
 * (`src/graph` but the loader's writer) builds its Cypher with `@neo4j/cypher-builder`, never from
 * template strings; the writer and the schema (`src/db`) may interpolate only the reviewed
 * expressions below, all built from closed sets (labels, relationship types, fixed fragments);
 * and no Cypher lives outside `src/graph` and `src/db`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The loader's writer, which still writes its Cypher as reviewed templates. */
const WRITER = path.join('src', 'seed', 'writer.ts');

const REVIEWED_INTERPOLATIONS = new Set([
  // Labels, relationship types and index names from closed lists in the same module.
  'ENTITY_RELATION_TYPES', 'ENTITY_SEARCH_INDEX', 'label', 'label.toLowerCase()', 'link', 'type', 'fromLabel', 'toLabel',
  // The writer's fixed fragments: how a fact's reports are consolidated, certainty ranks from the vocabulary.
  'BEST_DATE', 'CONSOLIDATE_EVIDENCE', 'CONSOLIDATE_ORPHANS', 'DATE_FIELD_PROJECTION', 'PRIMARY_PROPERTIES', "certaintyRank('report.certainty')",
  // A fact label's identity links and report link, from fixed lists in the writer.
  'IDENTITY_LINKS', 'REPORT_LINK', 'target',
]);

const reviewed = (expression: string) => REVIEWED_INTERPOLATIONS.has(expression);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The template literals of a file, each with the expressions interpolated into it. */
function templates(source: string): { text: string; interpolations: string[] }[] {
  const found: { text: string; interpolations: string[] }[] = [];
  const read = (start: number): number => {
    // `start` is just past an opening backtick; returns the index past the closing one.
    let text = '';
    const interpolations: string[] = [];
    let index = start;
    while (index < source.length && source[index] !== '`') {
      if (source[index] === '\\') {
        text += source.slice(index, index + 2);
        index += 2;
      } else if (source.startsWith('${', index)) {
        let depth = 1;
        let end = index + 2;
        while (depth > 0) {
          if (source[end] === '`') end = read(end + 1);
          else {
            if (source[end] === '{') depth += 1;
            if (source[end] === '}') depth -= 1;
            end += 1;
          }
        }
        interpolations.push(source.slice(index + 2, end - 1).trim());
        text += '${}';
        index = end;
      } else {
        text += source[index];
        index += 1;
      }
    }
    found.push({ text, interpolations });
    return index + 1;
  };
  for (let index = 0; index < source.length; index += 1) {
    if (source[index] === '`') index = read(index + 1) - 1;
    else if (source[index] === "'" || source[index] === '"') {
      const quote = source[index];
      index += 1;
      while (index < source.length && source[index] !== quote) index += source[index] === '\\' ? 2 : 1;
    } else if (source.startsWith('//', index)) index = source.indexOf('\n', index);
    else if (source.startsWith('/*', index)) index = source.indexOf('*/', index) + 1;
  }
  return found;
}

const CYPHER = /\b(MATCH|MERGE|UNWIND|RETURN|CREATE|DETACH DELETE|CALL db\.)\b/;

describe('Cypher is parameterised', () => {
  it('builds the read path with the Cypher builder, never from template strings', () => {
    const templated = sourceFiles(path.join('src', 'graph'))
      .filter((file) => file !== WRITER)
      .flatMap((file) =>
        templates(readFileSync(file, 'utf8'))
          .filter((template) => CYPHER.test(template.text) && template.interpolations.length > 0)
          .map((template) => `${file}: ${template.text.slice(0, 60)}`),
      );
    expect(templated).toEqual([]);
  });

  it('interpolates only reviewed expressions built from closed sets in the writer and the schema', () => {
    const unreviewed: string[] = [];
    for (const file of [WRITER, ...sourceFiles('src/db')]) {
      for (const template of templates(readFileSync(file, 'utf8'))) {
        if (!CYPHER.test(template.text)) continue;
        for (const expression of template.interpolations) {
          if (!reviewed(expression)) unreviewed.push(`${file}: \${${expression}}`);
        }
      }
    }
    expect(unreviewed).toEqual([]);
  });

  it('keeps Cypher inside src/graph, src/db and the loader\'s writer', () => {
    const outside = sourceFiles('src')
      .filter((file) => !file.startsWith(path.join('src', 'graph')) && !file.startsWith(path.join('src', 'db')) && file !== WRITER)
      .filter((file) => templates(readFileSync(file, 'utf8')).some((template) => CYPHER.test(template.text)) ||
        /\.(executeQuery|run)\(\s*['"`]/.test(readFileSync(file, 'utf8')));
    expect(outside).toEqual([]);
  });

  it('catches an interpolated user value', () => {
    const source = 'const q = (id: string) => `MATCH (n {id: "${id}"}) RETURN n`;';
    const [template] = templates(source);
    expect(template?.interpolations).toEqual(['id']);
    expect(CYPHER.test(template!.text)).toBe(true);
    expect(reviewed('id')).toBe(false);
  });
});
