/** Certainty and basis badges, and legends, in the colours and line styles of certainty.ts. */
import type { Basis, Certainty } from '../../examples/generated/graphql.ts';
import { CERTAINTY } from './certainty.ts';
import { el } from './dom.ts';

const SVG = 'http://www.w3.org/2000/svg';
const DASHES = { solid: 'none', dashed: '6 4', dotted: '2 3' } as const;

/** A certainty as a badge in its colour (set through the CSSOM, which the CSP allows, unlike style attributes). */
export function certaintyBadge(certainty: Certainty): HTMLElement {
  const badge = el('span', { class: `badge certainty-${certainty}`, 'data-certainty': certainty }, CERTAINTY[certainty].label);
  badge.style.setProperty('--certainty', CERTAINTY[certainty].color);
  return badge;
}

const BASIS_LABEL: Record<Basis, string> = { ARTICLE: 'article', INFERRED: 'inferred', BACKGROUND: 'background' };

/** Where a fact comes from when not plainly from an article: "background" (with its reference as tooltip) or "inferred". */
export function basisBadge(basis: Basis, reference?: string | null): HTMLElement {
  return el('span', { class: `badge basis-${basis}`, 'data-basis': basis, ...(reference ? { title: reference } : {}) }, BASIS_LABEL[basis]);
}

/** A legend entry: a line as the claims network draws it, or a box as the timeline fills its bars. */
export function legendItem(certainty: Certainty, swatch: 'line' | 'box'): HTMLElement {
  const look = CERTAINTY[certainty];
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '36');
  svg.setAttribute('height', '10');
  const shape =
    swatch === 'line'
      ? svgElement('line', { x1: '0', y1: '5', x2: '36', y2: '5', stroke: look.color, 'stroke-width': '2', 'stroke-dasharray': DASHES[look.lineStyle] })
      : svgElement('rect', { x: '0', y: '0', width: '36', height: '10', fill: look.color });
  svg.append(shape);
  return el('li', { 'data-testid': 'legend-item', 'data-certainty': certainty }, svg, el('strong', {}, ` ${look.label}`), `: ${look.meaning}`);
}

function svgElement(tag: string, attributes: Record<string, string>): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}
