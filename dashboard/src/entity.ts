/** The search box and the entity card; each fact on the card lists its reports and highlights its evidence in their articles. */
import { EntityCardDocument, SearchBoxDocument, type EntityCardQuery } from '../../examples/generated/graphql.ts';
import type { Evidence } from './article.ts';
import { request } from './api.ts';
import { el, load, part, section } from './dom.ts';
import { factBadges, factButton, reportList, type Fact } from './reports.ts';

type Entity = NonNullable<EntityCardQuery['entity']>;

const root = section('entity');
const results = part<HTMLUListElement>(root, 'search-results');
const card = part(root, 'entity-card');

export function setUpSearch(): void {
  part<HTMLFormElement>(root, 'search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = part<HTMLInputElement>(root, 'search-input').value.trim();
    if (text) void load(root, () => search(text));
  });
}

async function search(text: string): Promise<void> {
  const hits = (await request(SearchBoxDocument, { text, first: 10 })).search;
  results.replaceChildren(
    ...hits.map(({ entity }) =>
      el(
        'li',
        {},
        el('button', { type: 'button', class: 'link', 'data-testid': 'search-hit', 'data-entity-id': entity.id }, entity.name),
        el('span', { class: 'muted' }, ` ${entity.kind.toLowerCase()}`),
      ),
    ),
  );
  if (hits.length === 0) results.append(el('li', { class: 'muted' }, `Nothing found for “${text}”.`));
}

results.addEventListener('click', (event) => {
  const id = (event.target as Element).closest<HTMLElement>('[data-entity-id]')?.dataset.entityId;
  if (id) void showEntity(id);
});

export function showEntity(id: string): Promise<void> {
  return load(root, async () => {
    const { entity } = await request(EntityCardDocument, { id });
    if (!entity) throw new Error(`No entity ${id}.`);
    renderCard(entity);
  });
}

function renderCard(entity: Entity): void {
  const facts = el('ul', { class: 'facts' });
  const fact = (label: string, about: Fact, ...extra: (Node | string)[]) =>
    facts.append(el('li', {}, factButton(label, about), ' ', ...factBadges(about), ...extra, reportList(about, label)));

  if ('reports' in entity) {
    const when = entity.date ? ` (${[entity.date.qualifier, entity.date.iso].filter(Boolean).join(' ')}${entity.datesDisagree ? '; the articles give different dates' : ''})` : '';
    fact(`Event: ${entity.name}${when}`, entity);
  }
  for (const relation of entity.relations) {
    const words = [relation.type.toLowerCase().replaceAll('_', ' '), relation.title, relation.role && `as ${relation.role}`].filter(Boolean).join(' ');
    const arrow = relation.direction === 'IN' ? '←' : '→';
    fact(`${arrow} ${words}: ${relation.other.name}`, relation, ' ', openButton(relation.other.id));
  }
  for (const claim of entity.claims) fact(`Claim: ${claim.summary}`, claim);
  for (const figure of entity.figures) fact(`Figure: ${figure.text} ${figure.counts} (${figure.metric.toLowerCase().replaceAll('_', ' ')})`, figure);
  if (entity.mentions.length > 0) {
    const label = `Mentioned ${entity.mentions.length} time(s)`;
    facts.append(el('li', {}, factButton(label, { reports: mentionsByArticle(entity.mentions) })));
  }

  const description = entity.description ? [el('p', {}, entity.description)] : [];
  const aliases = entity.aliases.length > 0 ? [el('p', { class: 'muted' }, `Also: ${entity.aliases.join(', ')}`)] : [];
  card.replaceChildren(
    el('h3', { 'data-testid': 'entity-name' }, entity.name, el('span', { class: 'muted' }, ` ${entity.kind.toLowerCase()}`)),
    ...description,
    ...aliases,
    ...details(entity),
    facts.childElementCount > 0 ? facts : el('p', { class: 'muted' }, 'No facts about it yet.'),
  );
}

/** Mentions grouped by the article they are in, so each highlights in its own article. */
function mentionsByArticle(mentions: Entity['mentions']): Evidence[] {
  const byArticle = new Map<string, Evidence & { evidence: Entity['mentions'] }>();
  for (const mention of mentions) {
    const group = byArticle.get(mention.article.id) ?? { article: mention.article, evidence: [] };
    group.evidence.push(mention);
    byArticle.set(mention.article.id, group);
  }
  return [...byArticle.values()];
}

/** The fields only one kind of entity has. */
function details(entity: Entity): Node[] {
  const lines: string[] = [];
  if ('positions' in entity) for (const p of entity.positions) lines.push(`${p.former ? 'Former ' : ''}${p.title}, ${p.of.name}`);
  if ('organizationCategory' in entity) {
    if (entity.organizationCategory) lines.push(entity.organizationCategory.toLowerCase().replaceAll('_', ' '));
    if (entity.ledBy) lines.push(`Led by ${entity.ledBy.name}`);
    if (entity.parent) lines.push(`Part of ${entity.parent.name}`);
    if (entity.country) lines.push(`In ${entity.country.name}`);
  }
  if ('placeCategory' in entity) {
    if (entity.placeCategory) lines.push(entity.placeCategory.toLowerCase());
    const where = [entity.within?.name, entity.country?.name].filter(Boolean).join(', ');
    if (where) lines.push(`In ${where}`);
  }
  if ('isoCode' in entity) lines.push(`ISO code ${entity.isoCode}`);
  return lines.map((line) => el('p', { class: 'detail' }, line));
}

function openButton(id: string): HTMLButtonElement {
  return el('button', { type: 'button', class: 'link open', 'data-entity-id': id, title: 'Open its card' }, 'card ›');
}

card.addEventListener('click', (event) => {
  const id = (event.target as Element).closest<HTMLElement>('.open[data-entity-id]')?.dataset.entityId;
  if (id) void showEntity(id);
});
