/**
 * A lint rule for Cypher: user input reaches the database only as parameters. Every `${…}`
 * interpolated into Cypher text must be one of the reviewed expressions below, all built from
 * closed sets (labels, relationship types, validated integers, fixed fragments); and no Cypher
 * may live outside `src/graph` (and `src/db` for the schema).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const REVIEWED_INTERPOLATIONS = new Set([
  // Projections and fragments of a fixed variable name.
  "evidenceProjection('link', 'article.id')", "evidenceProjection('relation', 'relation.articleId')", 'link', 'evidenceProjection(variable, `${variable}.articleId`)',
  'variable', 'articleId', 'relationProjection', 'returned',
  // Labels, relationship types and fixed fragments from closed lists in the same module.
  'ENTITY_RELATION_TYPES', 'label', 'label.toLowerCase()', 'type', 'kind', 'fromLabel', 'toLabel', 'name', 'hops',
  'CLAIM_ROLE_LINKS[role]', 'FIGURE_ROLE_LINKS[role]', 'ENTITY_SEARCH_INDEX', 'WHERE_EVENT_HAPPENED', 'relationPattern(query)', 'this.anchor',
  // Bounds validated as integers in a fixed range before the query is chosen.
  'depth', 'maxLength', 'maxHops',
  // Graph views (network.ts): one fixed ring step repeated `depth` times; claims kept unless ARTICLE is excluded.
  "Array.from({ length: depth }, () => NEXT_RING).join('')", 'CLAIMS_KEPT',
  // Analytics (analytics.ts): fixed fragments; filters, buckets and bases are parameters.
  'WHERE_HAPPENED', 'HAPPENED_KEPT', 'EVENT_INTERVAL', 'EVENT_BUCKETS', 'EVENT_GROUP_KEYS[grouping]', 'FIGURE_GROUPS[grouping]',
  // List specs assembled from the fixed fragments in lists.ts.
  'spec.pattern', "[...spec.sortKeys, 'n.id'].join(', ')", "spec.sortKeys.join(', ')", 'key', 'index', 'rest', 'nodes', 'where(pageConditions)', 'where(spec.conditions)', 'list.pattern',
  "list.conditions.map((condition) => `AND ${condition}`).join(' ')", 'condition', 'shape.projection',
  "request.withTotal ? `CALL () { ${count} }` : 'WITH null AS total'", 'count',
  // Facet expressions (fixed fragments) as columns or map entries; their values are parameters.
  'asColumns(expressions)', 'asMapEntries(expressions)', 'expression', 'prefix', 'projection',
  // Provenance: a basis test of a fixed variable, the date properties, and the fixed timeline order.
  "basisKept('relation', '$_excluded')", "basisKept('hop', '$_excluded')", "basisKept('hop', '$value.excluded')", "evidenceProjection('hop', 'hop.articleId')", 'DATE_PROPERTIES',
  "[...BY_DATE, 'n.id'].join(', ')",
  // The location walk: a fixed variable's derived names, and basis tests of a parameter name given in the module.
  'hops', 'allowed', 'excluded', 'locationExpression(variable)',
  // Graph views: the edge types (relations and CLAIM), an edge's projection and basis test of a fixed variable.
  'EDGE_TYPES', "edgeProjection('edge')", "KEPT('edge')",
  // Reports (article-writer.ts, mapping.ts): a fact's label, link and property names from fixed lists in the module;
  // certainty ranks from the vocabulary; report projections of fixed variable names; `first` a parameter or a constant.
  'IDENTITY_LINKS', 'REPORT_LINK', 'target',
  "certaintyRank('report.certainty')", 'CONSOLIDATE_ORPHANS', 'CONSOLIDATE_EVIDENCE', 'PRIMARY_PROPERTIES', 'BEST_DATE',
  'DATE_FIELD_PROJECTION', 'RELATION_GROUP', "relationProjection('$_excluded')", "basisKept('statement', excluded)", 'REPORT_ORDER(`${variable}Report`, `${variable}Article`)', 'first',
  'reportProjection(`${variable}Report`, `${variable}Article`)', 'CORROBORATION_PROPERTIES', "reportsExpression(variable, 'REPORTED_IN')",
  'factEvidenceProjection(variable)',
]);

/** A projection or ordering of a literal variable name, such as `entityProjection('n')`. */
const FIXED_VARIABLE = /^(entityProjection|figureProjection|claimProjection|deploymentProjection|articleProjection|TEXT_ORDER|KEPT|FIGURE_RANGE)\('\w+'\)$/;

/** `whereGiven([['fixed condition', value], …])`: conditions are literals, values become parameters. */
const WHERE_GIVEN = /^whereGiven\(\[(\s*\['[^'$]*(\$\w+[^'$]*)*', [\w.]+\],?)+\s*\]\)$/;

const reviewed = (expression: string) =>
  REVIEWED_INTERPOLATIONS.has(expression) || FIXED_VARIABLE.test(expression) || WHERE_GIVEN.test(expression);

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
  it('interpolates only reviewed expressions built from closed sets', () => {
    const unreviewed: string[] = [];
    for (const file of [...sourceFiles('src/graph'), ...sourceFiles('src/db')]) {
      for (const template of templates(readFileSync(file, 'utf8'))) {
        if (!CYPHER.test(template.text)) continue;
        for (const expression of template.interpolations) {
          if (!reviewed(expression)) unreviewed.push(`${file}: \${${expression}}`);
        }
      }
    }
    expect(unreviewed).toEqual([]);
  });

  it('keeps Cypher inside src/graph and src/db', () => {
    const outside = sourceFiles('src')
      .filter((file) => !file.startsWith(path.join('src', 'graph')) && !file.startsWith(path.join('src', 'db')))
      .filter((file) => templates(readFileSync(file, 'utf8')).some((template) => CYPHER.test(template.text)) ||
        /\.(executeQuery|run)\(\s*['"`]/.test(readFileSync(file, 'utf8')));
    expect(outside).toEqual([]);
  });

  it('catches an interpolated user value', () => {
    const source = 'const q = (id: string) => `MATCH (n {id: "${id}"}) RETURN n`;';
    const [template] = templates(source);
    expect(template?.interpolations).toEqual(['id']);
    expect(reviewed('id')).toBe(false);
    expect(reviewed("whereGiven([['n.id = $id', args.id]])")).toBe(true);
    expect(reviewed("whereGiven([[`n.id = '${args.id}'`, true]])")).toBe(false);
  });
});
