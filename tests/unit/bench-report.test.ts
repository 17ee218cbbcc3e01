import { describe, expect, it } from 'vitest';
import {
  coldTable,
  formatTable,
  latencyChartSvg,
  latencyGrowth,
  missedTargets,
  percentile,
  ratio,
  selectionDepth,
  type ResultRow,
  type ServerResult,
} from '../../bench/report.ts';

const result = (rps: number, p50: number, roundTrips = 1): ServerResult => ({ rps, p50, p95: p50 * 2, p99: p50 * 3, roundTrips });

function row(operation: string, articles: number, ours: ServerResult, raw: ServerResult, neo4jGraphql: ServerResult): ResultRow {
  return { operation, articles, concurrency: 8, ours, raw, neo4jGraphql, cold: { ours: 12.5, oursWithoutWarmUp: 4_321, raw: 800, neo4jGraphql: 2_000 } };
}

describe('benchmark report helpers', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2, 3], 0)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });

  it('divides only by positive numbers', () => {
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(3, 0)).toBeNaN();
  });

  it('tabulates first requests after a fresh start, with a dash where ours was not warmed', () => {
    const warmed = row('search', 1000, result(10, 5), result(10, 5), result(10, 5));
    const unwarmed = { ...warmed, cold: { ...warmed.cold, oursWithoutWarmUp: null } };
    expect(coldTable([warmed, unwarmed]).split('\n').slice(2)).toEqual([
      '| search    | 1000 | 12.5               | 4321                 | 800               | 2000                       |',
      '| search    | 1000 | 12.5               | –                    | 800               | 2000                       |',
    ]);
  });

  it('pads Markdown tables to the widest cell', () => {
    expect(formatTable(['a', 'bb'], [['ccc', 'd']])).toBe('| a   | bb |\n|-----|----|\n| ccc | d  |');
  });

  it('measures how deeply a document nests object fields, through inline fragments', () => {
    expect(selectionDepth('{ a }')).toBe(0);
    expect(selectionDepth('{ a { b } }')).toBe(1);
    expect(selectionDepth('query Q($id: ID!) { entity(id: $id) { id ... on Person { positions { of { id } } } } }')).toBe(3);
  });

  it('reports p50 growth from the smallest to the largest graph', () => {
    const rows = [
      row('search', 10000, result(50, 30), result(100, 15), result(40, 30)),
      row('search', 1000, result(60, 10), result(120, 10), result(50, 20)),
    ];
    expect(latencyGrowth(rows)).toEqual([{ operation: 'search', from: 1000, to: 10000, growth: { ours: 3, raw: 1.5, neo4jGraphql: 1.5 } }]);
  });

  it('names every missed target and nothing else', () => {
    const kinds = { lookup: { list: false, depth: 2 }, list: { list: true, depth: 2 } };
    const good = [
      row('lookup', 1000, result(80, 10, 2), result(100, 8), result(50, 20)),
      row('lookup', 10000, result(80, 14, 2), result(100, 8), result(50, 20)),
      row('list', 1000, result(80, 10, 2), result(100, 8), result(50, 20)),
      row('list', 10000, result(80, 29, 2), result(100, 8), result(50, 20)),
    ];
    expect(missedTargets(good, kinds)).toEqual([]);

    const bad = [
      row('lookup', 1000, result(60, 10, 2), result(100, 8), result(50, 20)),
      row('lookup', 10000, result(80, 16, 3), result(100, 8), result(60, 20)),
    ];
    expect(missedTargets(bad, kinds)).toEqual([
      'lookup at N=1000: ours/raw throughput 0.60 < 0.7',
      'lookup at N=1000: ours/neo4jGraphql throughput 1.20 < 1.5',
      'lookup at N=10000: ours/neo4jGraphql throughput 1.33 < 1.5',
      'lookup at N=10000: 3 round trips > selection depth 2',
      'lookup: round trips change with graph size (2, 3)',
      'lookup: ours p50 grew 1.60× from N=1000 to N=10000 (target ≤ 1.5× for indexed lookups)',
    ]);
  });

  it('draws one panel per operation and one point per server and size', () => {
    const rows = [
      row('search', 1000, result(60, 10), result(120, 10), result(50, 20)),
      row('search', 10000, result(50, 30), result(100, 15), result(40, 30)),
      row('path', 1000, result(60, 10), result(120, 10), result(50, 20)),
    ];
    const svg = latencyChartSvg(rows, 'p50 <ms>');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('p50 &lt;ms&gt;');
    expect(svg.match(/<circle /g)).toHaveLength(9);
    expect(svg.match(/<polyline /g)).toHaveLength(3);
  });
});
