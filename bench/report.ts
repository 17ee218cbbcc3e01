/** Pure helpers of the benchmark report: percentiles, ratios, tables, target checks and the chart. */
import { Kind, parse, type SelectionSetNode } from 'graphql';
import type { WarmUpReport } from '../src/api/warm-up.ts';

/** Our API, the raw-Cypher floor, and @neo4j/graphql. */
export const SERVERS = ['ours', 'raw', 'neo4jGraphql'] as const;
export type ServerName = (typeof SERVERS)[number];

export interface ServerResult {
  /** Completed requests per second. */
  rps: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  /** Database queries one request sends. */
  roundTrips: number;
}

/** One request of an operation, sent to every server before timing: its round trips and what came back. */
export interface ServerCheck {
  operation: string;
  roundTrips: Record<ServerName, number>;
  summaries: Record<ServerName, string>;
}

/**
 * The first request of an operation after a fresh start of Neo4j and the servers, in ms. Ours has
 * warmed up by then (`src/api/warm-up.ts`); `oursWithoutWarmUp` is what the same operation took in
 * that warm-up, which is what its first request would cost without one (null: not warmed).
 */
export interface ColdStart extends Record<ServerName, number> {
  oursWithoutWarmUp: number | null;
}

/** What `bench/serve.ts` prints, after READY_PREFIX, once its servers answer. */
export interface ServersReady {
  urls: Record<ServerName, string>;
  checks: ServerCheck[];
  /** Per operation name. */
  cold: Record<string, ColdStart>;
  /** First requests that failed (a timeout, say). */
  coldFailures: string[];
  /** Our warm-up: each run and its time. */
  warmUp: WarmUpReport;
}

export const READY_PREFIX = 'BENCH_READY ';

export interface ResultRow extends Record<ServerName, ServerResult> {
  operation: string;
  articles: number;
  concurrency: number;
  cold: ColdStart;
}

/** Nearest-rank percentile of ascending `sorted` values; NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** a / b, or NaN when b is not positive. */
export function ratio(a: number, b: number): number {
  return b > 0 ? a / b : Number.NaN;
}

function formatNumber(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return '–';
  return value >= 100 ? value.toFixed(0) : value.toFixed(digits);
}

/** A Markdown table, columns padded so it also reads well in a terminal. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(headers), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** The main table: one line per operation and graph size. */
export function resultsTable(rows: readonly ResultRow[]): string {
  return formatTable(
    ['operation', 'N', 'ours rps', 'p50', 'p95', 'p99', 'raw rps', 'neo4jGraphql rps', 'ours/raw', 'ours/neo4jGraphql', 'round trips ours/raw/neo4jGraphql'],
    rows.map((row) => [
      row.operation,
      String(row.articles),
      formatNumber(row.ours.rps),
      formatNumber(row.ours.p50),
      formatNumber(row.ours.p95),
      formatNumber(row.ours.p99),
      formatNumber(row.raw.rps),
      formatNumber(row.neo4jGraphql.rps),
      formatNumber(ratio(row.ours.rps, row.raw.rps), 2),
      formatNumber(ratio(row.ours.rps, row.neo4jGraphql.rps), 2),
      `${row.ours.roundTrips}/${row.raw.roundTrips}/${row.neo4jGraphql.roundTrips}`,
    ]),
  );
}

/** First requests after a fresh start: ours after its warm-up and without one, and the other two servers. */
export function coldTable(rows: readonly ResultRow[]): string {
  return formatTable(
    ['operation', 'N', 'ours first request', 'ours without warm-up', 'raw first request', 'neo4jGraphql first request'],
    rows.map((row) => [
      row.operation,
      String(row.articles),
      formatNumber(row.cold.ours),
      formatNumber(row.cold.oursWithoutWarmUp ?? Number.NaN),
      formatNumber(row.cold.raw),
      formatNumber(row.cold.neo4jGraphql),
    ]),
  );
}

interface Growth {
  operation: string;
  from: number;
  to: number;
  /** p50 at the largest size over p50 at the smallest, per server. */
  growth: Record<ServerName, number>;
}

/** p50 growth of each operation from the smallest to the largest graph measured. */
export function latencyGrowth(rows: readonly ResultRow[]): Growth[] {
  const operations = [...new Set(rows.map((row) => row.operation))];
  return operations.flatMap((operation) => {
    const measured = rows.filter((row) => row.operation === operation).sort((a, b) => a.articles - b.articles);
    const first = measured[0];
    const last = measured.at(-1);
    if (!first || !last || first === last) return [];
    const growth = Object.fromEntries(SERVERS.map((server) => [server, ratio(last[server].p50, first[server].p50)])) as Record<ServerName, number>;
    return [{ operation, from: first.articles, to: last.articles, growth }];
  });
}

export function growthTable(growths: readonly Growth[]): string {
  return formatTable(
    ['operation', 'sizes', 'p50 growth ours', 'raw', 'neo4jGraphql'],
    growths.map(({ operation, from, to, growth }) => [
      operation,
      `${from} → ${to}`,
      `${formatNumber(growth.ours, 2)}×`,
      `${formatNumber(growth.raw, 2)}×`,
      `${formatNumber(growth.neo4jGraphql, 2)}×`,
    ]),
  );
}

/** The issue's targets. */
const TARGETS = { minRawRatio: 0.7, minNeo4jGraphqlRatio: 1.5, maxLookupGrowth: 1.5, maxListGrowth: 3 } as const;

/** How deeply an operation nests object fields (`a { b { c } }` is 2): what round trips may grow with. */
export function selectionDepth(document: string): number {
  const depth = (selectionSet: SelectionSetNode | undefined): number =>
    Math.max(
      0,
      ...(selectionSet?.selections ?? []).map((selection) =>
        selection.kind === Kind.FIELD
          ? selection.selectionSet
            ? 1 + depth(selection.selectionSet)
            : 0
          : selection.kind === Kind.INLINE_FRAGMENT
            ? depth(selection.selectionSet)
            : 0,
      ),
    );
  return Math.max(0, ...parse(document).definitions.map((definition) => (definition.kind === Kind.OPERATION_DEFINITION ? depth(definition.selectionSet) : 0)));
}

export interface OperationKind {
  /** Its result grows with the graph (a list with a total), rather than being a lookup. */
  list: boolean;
  /** The selection depth of our document. */
  depth: number;
}

/** Every missed target, in words. */
export function missedTargets(rows: readonly ResultRow[], kinds: Readonly<Record<string, OperationKind>>): string[] {
  const misses: string[] = [];
  for (const row of rows) {
    const at = `${row.operation} at N=${row.articles}`;
    const toRaw = ratio(row.ours.rps, row.raw.rps);
    const toNeo = ratio(row.ours.rps, row.neo4jGraphql.rps);
    if (!(toRaw >= TARGETS.minRawRatio)) misses.push(`${at}: ours/raw throughput ${formatNumber(toRaw, 2)} < ${TARGETS.minRawRatio}`);
    if (!(toNeo >= TARGETS.minNeo4jGraphqlRatio)) {
      misses.push(`${at}: ours/neo4jGraphql throughput ${formatNumber(toNeo, 2)} < ${TARGETS.minNeo4jGraphqlRatio}`);
    }
    const depth = kinds[row.operation]?.depth;
    if (depth !== undefined && row.ours.roundTrips > depth) {
      misses.push(`${at}: ${row.ours.roundTrips} round trips > selection depth ${depth}`);
    }
  }
  for (const operation of new Set(rows.map((row) => row.operation))) {
    const roundTrips = new Set(rows.filter((row) => row.operation === operation).map((row) => row.ours.roundTrips));
    if (roundTrips.size > 1) misses.push(`${operation}: round trips change with graph size (${[...roundTrips].join(', ')})`);
  }
  for (const { operation, from, to, growth } of latencyGrowth(rows)) {
    const list = kinds[operation]?.list ?? false;
    const limit = list ? TARGETS.maxListGrowth : TARGETS.maxLookupGrowth;
    if (!(growth.ours <= limit)) {
      misses.push(`${operation}: ours p50 grew ${formatNumber(growth.ours, 2)}× from N=${from} to N=${to} (target ≤ ${limit}× for ${list ? 'lists with totals' : 'indexed lookups'})`);
    }
  }
  return misses;
}

const COLORS: Record<ServerName, string> = { ours: '#1f77b4', raw: '#7f7f7f', neo4jGraphql: '#ff7f0e' };

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Small multiples: p50 latency against graph size (log scale), one panel per operation, a line per server. */
export function latencyChartSvg(rows: readonly ResultRow[], title: string): string {
  const operations = [...new Set(rows.map((row) => row.operation))];
  const sizes = [...new Set(rows.map((row) => row.articles))].sort((a, b) => a - b);
  const columns = Math.min(4, operations.length);
  const panel = { width: 250, height: 190, left: 48, right: 14, top: 28, bottom: 34 };
  const header = 56;
  const width = columns * panel.width;
  const height = header + Math.ceil(operations.length / columns) * panel.height;
  const logMin = Math.log10(sizes[0] ?? 1);
  const logMax = Math.log10(sizes.at(-1) ?? 10);
  const plotWidth = panel.width - panel.left - panel.right;
  const plotHeight = panel.height - panel.top - panel.bottom;
  const x = (articles: number) =>
    panel.left + (logMax === logMin ? plotWidth / 2 : ((Math.log10(articles) - logMin) / (logMax - logMin)) * plotWidth);

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
    ...SERVERS.map(
      (server, index) =>
        `<g transform="translate(${10 + index * 130},38)"><line x1="0" y1="0" x2="18" y2="0" stroke="${COLORS[server]}" stroke-width="2.5"/>` +
        `<text x="24" y="4">${server}</text></g>`,
    ),
  ];
  operations.forEach((operation, index) => {
    const originX = (index % columns) * panel.width;
    const originY = header + Math.floor(index / columns) * panel.height;
    const measured = rows.filter((row) => row.operation === operation);
    const top = Math.max(...measured.flatMap((row) => SERVERS.map((server) => row[server].p50)).filter(Number.isFinite), 1) * 1.15;
    const y = (milliseconds: number) => panel.top + plotHeight - (milliseconds / top) * plotHeight;
    parts.push(`<g transform="translate(${originX},${originY})">`);
    parts.push(`<text x="${panel.left}" y="16" font-weight="bold">${escapeXml(operation)}</text>`);
    parts.push(`<line x1="${panel.left}" y1="${panel.top + plotHeight}" x2="${panel.left + plotWidth}" y2="${panel.top + plotHeight}" stroke="#333"/>`);
    parts.push(`<line x1="${panel.left}" y1="${panel.top}" x2="${panel.left}" y2="${panel.top + plotHeight}" stroke="#333"/>`);
    for (const fraction of [0, 0.5, 1]) {
      const value = (top / 1.15) * fraction;
      parts.push(`<text x="${panel.left - 4}" y="${y(value) + 4}" text-anchor="end">${formatNumber(value)}</text>`);
      if (fraction > 0) parts.push(`<line x1="${panel.left}" y1="${y(value)}" x2="${panel.left + plotWidth}" y2="${y(value)}" stroke="#ddd"/>`);
    }
    for (const articles of sizes) {
      parts.push(`<text x="${x(articles)}" y="${panel.top + plotHeight + 14}" text-anchor="middle">${articles}</text>`);
    }
    parts.push(`<text x="${panel.left + plotWidth / 2}" y="${panel.height - 4}" text-anchor="middle" fill="#555">articles (log) · p50 ms</text>`);
    for (const server of SERVERS) {
      const points = measured
        .filter((row) => Number.isFinite(row[server].p50))
        .sort((a, b) => a.articles - b.articles)
        .map((row) => [x(row.articles), y(row[server].p50)] as const);
      if (points.length > 1) {
        parts.push(`<polyline fill="none" stroke="${COLORS[server]}" stroke-width="2" points="${points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ')}"/>`);
      }
      for (const [px, py] of points) parts.push(`<circle cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="3" fill="${COLORS[server]}"/>`);
    }
    parts.push('</g>');
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
