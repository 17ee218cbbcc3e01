/**
 * A fact and its reports, the same everywhere on the page: the fact as a button that highlights its
 * evidence, its badge (certainty, or "background" for background knowledge), and one button per
 * reporting article (with that article's certainty) that shows the evidence in that article.
 */
import type { Basis, Certainty } from '../../examples/generated/graphql.ts';
import { articleName, showBackground, showEvidence, type Evidence } from './article.ts';
import { basisBadge, certaintyBadge } from './badges.ts';
import { el } from './dom.ts';

export interface Report extends Evidence {
  certainty: Certainty;
  provenance: { basis: Basis };
  /** The date this article gives (events and deployments select it). */
  date?: { iso: string; qualifier?: string | null } | null;
}

/** What every fact selects: its certainty, where it comes from, and its reports. */
export interface Fact {
  certainty: Certainty;
  articleCount: number;
  reports: readonly Report[];
  provenance?: { basis: Basis; reference?: string | null };
}

/** The fact's button (showing `content`, or else `label`): highlights its evidence, or says it is background knowledge. */
export function factButton(
  label: string,
  fact: { reports: readonly Evidence[]; provenance?: Fact['provenance'] },
  attributes: Record<string, string> = {},
  ...content: (Node | string)[]
): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'fact', 'data-testid': 'fact', ...attributes }, ...(content.length > 0 ? content : [label]));
  button.addEventListener('click', () =>
    fact.provenance?.basis === 'BACKGROUND' ? showBackground(label, fact.provenance.reference) : void showEvidence(fact.reports, label),
  );
  return button;
}

/** A background fact is badged as background, whatever its nominal certainty; an inferred one says so beside its certainty. */
export function factBadges(fact: Pick<Fact, 'certainty' | 'provenance'>): HTMLElement[] {
  const basis = fact.provenance?.basis;
  if (basis === 'BACKGROUND') return [basisBadge('BACKGROUND', fact.provenance?.reference)];
  return basis === 'INFERRED' ? [certaintyBadge(fact.certainty), basisBadge('INFERRED')] : [certaintyBadge(fact.certainty)];
}

/** "Reported in" and a button per reporting article; "and N more" past the reports asked for. */
export function reportList(fact: Pick<Fact, 'articleCount' | 'reports'>, label: string): HTMLElement | null {
  if (fact.reports.length === 0) return null;
  const items = fact.reports.map((report) => {
    const button = el('button', { type: 'button', class: 'link', 'data-testid': 'report', 'data-article-id': report.article.id }, articleName(report.article));
    button.addEventListener('click', () => void showEvidence([report], label));
    const date = report.date && ` ${[report.date.qualifier, report.date.iso].filter(Boolean).join(' ')}`;
    return el('li', {}, button, date, ' ', certaintyBadge(report.certainty), report.provenance.basis === 'INFERRED' ? basisBadge('INFERRED') : null);
  });
  const more = fact.articleCount - fact.reports.length;
  if (more > 0) items.push(el('li', { class: 'muted' }, `and ${more} more`));
  return el(
    'div',
    { class: 'reports', 'data-testid': 'reports', 'data-count': String(fact.articleCount) },
    el('span', { class: 'muted' }, fact.articleCount === 1 ? 'Reported in' : `Reported in ${fact.articleCount} articles:`),
    el('ul', {}, ...items),
  );
}
