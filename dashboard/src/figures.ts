/** Casualty and arrest figures: the article's own wording first, then the range it allows and who gave it. */
import { CasualtyFiguresDocument, type CasualtyFiguresQuery, type FigureMetric } from '../../examples/generated/graphql.ts';
import { request } from './api.ts';
import { certaintyBadge } from './badges.ts';
import { el, part, section } from './dom.ts';
import { factButton, reportList } from './reports.ts';

type Figure = CasualtyFiguresQuery['figures']['edges'][number]['node'];

const METRIC_WORDS: Record<FigureMetric, string> = {
  KILLED: 'killed',
  INJURED: 'injured',
  HOSPITALIZED: 'hospitalized',
  IN_INTENSIVE_CARE: 'in intensive care',
  ARRESTED: 'arrested',
  TROOPS: 'troops',
};

const root = section('figures');
const number = new Intl.NumberFormat('en');

export async function loadFigures(): Promise<void> {
  const { figures } = await request(CasualtyFiguresDocument, { first: 100 });
  // Troop numbers belong to the deployments on the map.
  const shown = figures.edges.map((edge) => edge.node).filter((figure) => figure.metric !== 'TROOPS');
  part(root, 'figures').replaceChildren(...shown.map(figureCard));
}

/** A figure as a card: the wording, what it counts, its range and source (a button to its evidence), then its reports. */
function figureCard(figure: Figure): HTMLElement {
  const what = `${figure.counts} ${METRIC_WORDS[figure.metric]}`;
  const label = `${figure.text} ${what}`;
  return el(
    'div',
    { class: 'figure', 'data-testid': 'figure', 'data-figure-id': figure.id, 'data-metric': figure.metric },
    factButton(
      label,
      figure,
      { class: 'figure-fact', 'data-testid': 'figure-fact' },
      el('span', { class: 'figure-text', 'data-testid': 'figure-text' }, figure.text),
      el('span', { class: 'figure-what' }, what),
      el('span', { class: 'figure-range', 'data-testid': 'figure-range' }, range(figure)),
      el('span', { class: 'figure-source' }, figure.source ? `Source: ${figure.source.name} ` : 'Source not named ', certaintyBadge(figure.certainty)),
    ),
    reportList(figure, label),
  );
}

/** The numbers the wording allows: "more than 2,000" is > 2,000; "dozens" is ≥ 24, approximate. */
function range(figure: Figure): string {
  const approximate = figure.approximate ? ' (approximate)' : '';
  if (figure.value !== null && figure.value !== undefined) return `${figure.approximate ? '≈' : '='} ${number.format(figure.value)}${approximate}`;
  const low = figure.lowerBound ?? null;
  const high = figure.upperBound ?? null;
  if (low !== null && high !== null) return `${number.format(low)} to ${number.format(high)}${approximate}`;
  if (low !== null) return `${figure.lowerBoundExclusive ? '>' : '≥'} ${number.format(low)}${approximate}`;
  if (high !== null) return `≤ ${number.format(high)}${approximate}`;
  return 'number not given';
}
