/** The who-accused-whom network: speaker → subject, one edge per claim and subject, styled by certainty. */
import cytoscape from 'cytoscape';
import { ClaimsBySpeakerDocument, type ClaimsBySpeakerQuery } from '../../examples/generated/graphql.ts';
import { evidenceOf, showEvidence } from './article.ts';
import { request } from './api.ts';
import { certaintyBadge, legendItem } from './badges.ts';
import { CERTAINTIES, CERTAINTY } from './certainty.ts';
import { el, part, section } from './dom.ts';

type Claim = ClaimsBySpeakerQuery['claims']['edges'][number]['node'];

const root = section('claims');
/** cytoscape injects an inline <style> (which the CSP refuses) unless an element with this id exists; its rule is in style.css. */
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';

export async function loadClaims(): Promise<void> {
  // No speaker: every claim, so the network shows who accused whom.
  const claims = (await request(ClaimsBySpeakerDocument, { speakerId: null, first: 100 })).claims.edges.map((edge) => edge.node);
  const speakers = new Set(claims.flatMap((claim) => (claim.speaker ? [claim.speaker.id] : [])));
  const nodes = new Map<string, cytoscape.ElementDefinition>();
  const edges: cytoscape.ElementDefinition[] = [];
  for (const claim of claims) {
    if (!claim.speaker) continue;
    nodes.set(claim.speaker.id, { data: { id: claim.speaker.id, label: claim.speaker.name }, classes: 'speaker' });
    for (const subject of claim.about) {
      if (!nodes.has(subject.id)) nodes.set(subject.id, { data: { id: subject.id, label: subject.name }, classes: speakers.has(subject.id) ? 'speaker' : '' });
      edges.push({ data: { id: `${claim.id}|${subject.id}`, claim: claim.id, source: claim.speaker.id, target: subject.id, certainty: claim.certainty } });
    }
  }

  if (!document.getElementById(CYTOSCAPE_STYLESHEET_ID)) document.head.append(el('meta', { id: CYTOSCAPE_STYLESHEET_ID }));
  const cy = cytoscape({
    container: part(root, 'claims-graph'),
    elements: [...nodes.values(), ...edges],
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          'font-size': 11,
          'text-wrap': 'wrap',
          'text-max-width': '110px',
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'background-color': '#9aa7b4',
          width: 14,
          height: 14,
        },
      },
      { selector: 'node.speaker', style: { 'background-color': '#2c5f8a', width: 20, height: 20, 'font-weight': 'bold' } },
      {
        selector: 'edge',
        style: {
          width: 2,
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
          label: CERTAINTY[certainty].label,
        },
      })),
    ],
    layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 200_000, idealEdgeLength: () => 80, padding: 16 },
    userZoomingEnabled: false,
  });
  cy.on('tap', 'edge', (event) => {
    const claim = claims.find((candidate) => candidate.id === event.target.data('claim'));
    if (claim) showEvidence(evidenceOf(claim.id), claim.summary);
  });

  part(root, 'claims-legend').replaceChildren(...CERTAINTIES.map((certainty) => legendItem(certainty, 'line')));
  part(root, 'claims').replaceChildren(...claims.map((claim) => claimItem(claim, cy)));
}

/** A claim as a list row, carrying how its edges are drawn, so what the graph shows can be checked. */
function claimItem(claim: Claim, cy: cytoscape.Core): HTMLElement {
  const drawn = cy.edges().filter((edge) => edge.data('claim') === claim.id);
  const subjects = claim.about.map((subject) => subject.name).join(', ');
  const label = `${claim.speaker?.name ?? 'Someone'} → ${subjects}: ${claim.summary}`;
  const button = el('button', { type: 'button', class: 'fact' }, label);
  button.addEventListener('click', () => showEvidence(evidenceOf(claim.id), claim.summary));
  return el(
    'li',
    {
      'data-testid': 'claim',
      'data-claim-id': claim.id,
      'data-speaker': claim.speaker?.id ?? '',
      'data-certainty': claim.certainty,
      'data-edges': String(drawn.length),
      'data-line-style': [...new Set(drawn.map((edge) => String(edge.style('line-style'))))].join(' '),
      'data-edge-label': [...new Set(drawn.map((edge) => String(edge.style('label'))))].join(' '),
    },
    button,
    ' ',
    certaintyBadge(claim.certainty),
  );
}
