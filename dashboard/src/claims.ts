/**
 * The who-accused-whom network: speaker → subject, one edge per certainty (wider for more claims),
 * styled by certainty; each claim lists the articles that report it, and a picker keeps only the
 * claims one article reports.
 */
import cytoscape from 'cytoscape';
import { ClaimsBySpeakerDocument, type ClaimsBySpeakerQuery } from '../../examples/generated/graphql.ts';
import { articleName, showEvidence, type ArticleRef } from './article.ts';
import { request } from './api.ts';
import { certaintyBadge, legendItem } from './badges.ts';
import { CERTAINTIES, CERTAINTY } from './certainty.ts';
import { el, part, section } from './dom.ts';
import { factButton, reportList } from './reports.ts';

type Claim = ClaimsBySpeakerQuery['claims']['edges'][number]['node'];

const root = section('claims');
/** cytoscape injects an inline <style> (which the CSP refuses) unless an element with this id exists; its rule is in style.css. */
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';

let cy: cytoscape.Core | undefined;

export async function loadClaims(): Promise<void> {
  // No speaker: every claim, so the network shows who accused whom.
  const claims = (await request(ClaimsBySpeakerDocument, { speakerId: null, first: 100 })).claims.edges.map((edge) => edge.node);
  const articles = new Map<string, ArticleRef>(claims.flatMap((claim) => claim.reports.map((report) => [report.article.id, report.article] as const)));
  const picker = part<HTMLSelectElement>(root, 'claims-article-picker');
  picker.replaceChildren(el('option', { value: '' }, 'Every article'), ...[...articles.values()].map((article) => el('option', { value: article.id }, articleName(article))));
  picker.addEventListener('change', () => draw(picker.value ? claims.filter((claim) => claim.reports.some((report) => report.article.id === picker.value)) : claims));
  draw(claims);
  part(root, 'claims-legend').replaceChildren(...CERTAINTIES.map((certainty) => legendItem(certainty, 'line')));
}

/** Draws the network of these claims and lists them. */
function draw(claims: Claim[]): void {
  const speakers = new Set(claims.flatMap((claim) => (claim.speaker ? [claim.speaker.id] : [])));
  const nodes = new Map<string, cytoscape.ElementDefinition>();
  const edges = new Map<string, { source: string; target: string; certainty: Claim['certainty']; claims: string[] }>();
  for (const claim of claims) {
    if (!claim.speaker) continue;
    nodes.set(claim.speaker.id, { data: { id: claim.speaker.id, label: claim.speaker.name }, classes: 'speaker' });
    for (const subject of claim.about) {
      if (!nodes.has(subject.id)) nodes.set(subject.id, { data: { id: subject.id, label: subject.name }, classes: speakers.has(subject.id) ? 'speaker' : '' });
      const key = `${claim.speaker.id}|${subject.id}|${claim.certainty}`;
      const edge = edges.get(key) ?? { source: claim.speaker.id, target: subject.id, certainty: claim.certainty, claims: [] };
      edge.claims.push(claim.id);
      edges.set(key, edge);
    }
  }

  if (!document.getElementById(CYTOSCAPE_STYLESHEET_ID)) document.head.append(el('meta', { id: CYTOSCAPE_STYLESHEET_ID }));
  const container = part(root, 'claims-graph');
  const layout = columns(speakers, edges, container.clientWidth);
  // Through the CSSOM, which the CSP allows: tall enough for every subject at a readable size.
  container.style.height = `${Math.max(240, layout.height + 60)}px`;
  cy?.destroy();
  cy = cytoscape({
    container,
    elements: [...nodes.values(), ...[...edges].map(([id, edge]) => ({ data: { id, ...edge, width: 1 + edge.claims.length } }))],
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          'font-size': 11,
          'text-wrap': 'wrap',
          'text-max-width': `${layout.labelWidth}px`,
          'text-valign': 'center',
          'text-halign': 'right',
          'text-margin-x': 6,
          'background-color': '#9aa7b4',
          width: 14,
          height: 14,
        },
      },
      {
        selector: 'node.speaker',
        style: { 'background-color': '#2c5f8a', width: 18, height: 18, 'font-weight': 'bold', 'text-halign': 'left', 'text-margin-x': -6 },
      },
      {
        selector: 'edge',
        style: {
          width: 'data(width)',
          'curve-style': 'bezier',
          'target-arrow-shape': 'triangle',
          'font-size': 9,
          'text-rotation': 'autorotate',
          'text-background-color': '#ffffff',
          'text-background-opacity': 1,
          'text-background-padding': '1px',
        },
      },
      ...CERTAINTIES.map((certainty) => ({
        selector: `edge[certainty = "${certainty}"]`,
        style: {
          'line-style': CERTAINTY[certainty].lineStyle,
          'line-color': CERTAINTY[certainty].color,
          'target-arrow-color': CERTAINTY[certainty].color,
          color: CERTAINTY[certainty].color,
          // Near the subject, where edges fan out, rather than in the crowd beside a prolific speaker.
          'target-label': CERTAINTY[certainty].label,
          'target-text-offset': 70,
        },
      })),
    ],
    layout: { name: 'preset', positions: layout.positions, padding: 8 },
    userZoomingEnabled: false,
  });
  // How far cytoscape shrank the network to fit its box, for people's tools and the browser test alike.
  container.dataset.zoom = cy.zoom().toFixed(2);
  cy.on('tap', 'edge', (event) => {
    const shown = claims.filter((claim) => (event.target.data('claims') as string[]).includes(claim.id));
    void showEvidence(shown.flatMap((claim) => claim.reports), shown.map((claim) => claim.summary).join(' / '));
  });
  const drawn = cy;
  part(root, 'claims').replaceChildren(...claims.map((claim) => claimItem(claim, drawn)));
}

/** A claim as a list row, carrying how its edges are drawn, so what the graph shows can be checked. */
function claimItem(claim: Claim, cy: cytoscape.Core): HTMLElement {
  const drawn = cy.edges().filter((edge) => (edge.data('claims') as string[]).includes(claim.id));
  const subjects = claim.about.map((subject) => subject.name).join(', ');
  const label = `${claim.speaker?.name ?? 'Someone'} → ${subjects}: ${claim.summary}`;
  return el(
    'li',
    {
      'data-testid': 'claim',
      'data-claim-id': claim.id,
      'data-speaker': claim.speaker?.id ?? '',
      'data-certainty': claim.certainty,
      'data-edges': String(drawn.length),
      'data-line-style': [...new Set(drawn.map((edge) => String(edge.style('line-style'))))].join(' '),
      'data-edge-label': [...new Set(drawn.map((edge) => String(edge.style('target-label'))))].join(' '),
      'data-articles': claim.reports.map((report) => report.article.id).join(' '),
    },
    factButton(claim.summary, claim, {}, label),
    ' ',
    certaintyBadge(claim.certainty),
    reportList(claim, claim.summary),
  );
}

/**
 * Speakers in a column on the left, what they speak about on the right, each subject level with
 * the average of its speakers (fewer crossings). In a narrow box (a phone) the columns come closer
 * and long names wrap, so cytoscape need not shrink the text to fit.
 */
function columns(speakers: ReadonlySet<string>, edges: Map<string, { source: string; target: string }>, width: number) {
  const left = [...speakers];
  const rows = new Map<string, number[]>();
  for (const { source, target } of edges.values()) {
    if (!speakers.has(target)) rows.set(target, [...(rows.get(target) ?? []), left.indexOf(source)]);
  }
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const right = [...rows].sort(([, a], [, b]) => mean(a) - mean(b)).map(([id]) => id);
  const positions: Record<string, cytoscape.Position> = {};
  const narrow = width < 600;
  const ROW = narrow ? 32 : 26;
  const height = Math.max(right.length - 1, 0) * ROW;
  const gap = narrow ? 90 : 320;
  left.forEach((id, index) => (positions[id] = { x: 0, y: ((index + 0.5) * height) / left.length }));
  right.forEach((id, index) => (positions[id] = { x: gap, y: index * ROW }));
  return { positions, height, labelWidth: narrow ? 110 : 240 };
}
