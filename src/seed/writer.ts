/**
 * Writes validated article annotations into the graph, many articles per transaction.
 * The only code that writes; the API reads through read transactions only.
 *
 * An article owns its mentions (with the aliases it uses), its relations (tagged with
 * `articleId`) and its reports: of events (`ASSERTED_IN`) and of figures, claims and deployments
 * (`REPORTED_IN`), each with the article's certainty, evidence and date. Entities and facts are
 * shared between articles by id: their identity comes from their declaration, and what several
 * reports say together (the strongest and weakest certainty, how many articles and sources, the
 * most precise date) is consolidated onto the node after every write. Rewriting an article first
 * removes what it owned, then creates it again, so loading twice leaves the graph unchanged; a
 * batch is one transaction, so each article's replacement is atomic.
 */
import { createHash } from 'node:crypto';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { dateInterval } from '../domain/dates.ts';
import { MAX_EVIDENCE_SPANS } from '../domain/limits.ts';
import { CERTAINTY_RANK, ENTITY_RELATION_TYPES, LABEL_OF_KIND, RELATION_TYPES } from '../domain/vocabulary.ts';
import { FACT_IDENTITY_FIELDS, type AnnotatedClaim, type AnnotatedEntity, type AnnotatedFact, type Annotation, type Background, type FactCollection, type PartialDate, type Span } from './annotation.ts';

/**
 * The graph's data version (`src/graph/data-version.ts` reads it): a random id rather than a
 * counter, since a counter would repeat after the graph is emptied.
 */
const BUMP_DATA_VERSION = `
  MERGE (meta:GraphMeta {id: 'graph'})
  SET meta.dataVersion = randomUUID(), meta.changedAt = datetime()`;

/** The statement that marks the graph changed; run it in the writing transaction. */
const bumpDataVersion = (): [query: string, parameters: Record<string, unknown>] => [BUMP_DATA_VERSION, {}];

export interface ArticleToWrite {
  annotation: Annotation;
  text: string;
  /** Hash of the annotation and text: an unchanged article is skipped. */
  hash: string;
}

export type WriteOutcome = 'written' | 'unchanged';

/**
 * Spans as three parallel arrays, the form relationships and nodes can store: `evidenceStarts`…,
 * or with a prefix for a part of a fact, such as `dateEvidenceStarts`.
 */
function evidenceProperties(spans: Span[], prefix: '' | 'date' | 'medium' = '') {
  const key = (name: string) => (prefix === '' ? `evidence${name}` : `${prefix}Evidence${name}`);
  return {
    [key('Starts')]: spans.map((span) => span.start),
    [key('Ends')]: spans.map((span) => span.end),
    [key('Texts')]: spans.map((span) => span.text),
  };
}

/** A date, the interval it can mean and its provenance; its evidence is written apart (see `dateEvidence`). */
function dateProperties(date: PartialDate | undefined) {
  const interval = date && dateInterval(date.iso, date.precision);
  return {
    dateIso: date?.iso ?? null,
    datePrecision: date?.precision ?? null,
    dateQualifier: date?.qualifier ?? null,
    dateStart: interval?.start ?? null,
    dateEnd: interval?.end ?? null,
    dateBasis: date?.basis ?? null,
    dateReason: date?.reason ?? null,
  };
}

/** The spans a date rests on: its own, or (an ARTICLE date) those of its fact. */
function dateEvidence(date: PartialDate | undefined, factEvidence: Span[]) {
  return evidenceProperties(date ? (date.evidence ?? factEvidence) : [], 'date');
}

/**
 * A claim's medium and date, with their provenance. A claim from the same statement as another
 * (`sameStatementAs`, possibly in a chain) takes that statement's medium and date as INFERRED,
 * resting on the linking words ("According to him") and the statement's own date evidence.
 */
function claimContext(claim: AnnotatedClaim, claims: Map<string, AnnotatedClaim>) {
  let statement = claim;
  const links: Span[] = [];
  while (statement.sameStatementAs) {
    links.push(...statement.sameStatementAs.evidence);
    statement = claims.get(statement.sameStatementAs.claimId)!;
  }
  const inferred = statement !== claim;
  const reason = inferred
    ? `From the same statement as the claim "${statement.summary}" (${links.map((span) => `"${span.text}"`).join(', ')})`
    : null;
  const date: PartialDate | undefined =
    statement.date && reason !== null
      ? { ...statement.date, basis: 'INFERRED', reason, evidence: [...links, ...(statement.date.evidence ?? statement.evidence)].slice(0, MAX_EVIDENCE_SPANS) }
      : statement.date;
  const hasMedium = statement.mediumId !== undefined;
  return {
    mediumId: statement.mediumId,
    properties: {
      mediumBasis: hasMedium ? (inferred ? 'INFERRED' : 'ARTICLE') : null,
      mediumReason: hasMedium ? reason : null,
      ...evidenceProperties(hasMedium ? [...links, ...statement.evidence].slice(0, MAX_EVIDENCE_SPANS) : [], 'medium'),
      ...dateProperties(date),
      ...dateEvidence(date, claim.evidence),
    },
  };
}

/**
 * The entity's identity; every declaration of it agrees (checked before writing). Every key is
 * always there (null when it does not apply), so an edited kind leaves no field of the old one.
 */
function entityProperties(entity: AnnotatedEntity) {
  return {
    kind: entity.kind,
    name: entity.name,
    description: entity.description ?? null,
    category: 'category' in entity ? entity.category : null,
    isoCode: entity.kind === 'COUNTRY' ? entity.isoCode : null,
  };
}

const STORED_ARTICLES = `
  UNWIND $articleIds AS articleId
  MATCH (article:Article {id: articleId})
  RETURN articleId, article.annotationHash AS hash, [(article)<-[:MENTIONED_IN]-(entity:Entity) | entity.id] AS entityIds,
         [(article)<-[:REPORTED_IN]-(fact) | [labels(fact)[0], fact.id]] AS factIds`;

/** What the articles owned: relations between their entities, mentions, assertions, their own nodes. */
const REMOVE_OWNED = [
  `UNWIND $articleIds AS articleId
   MATCH (:Article {id: articleId})<-[:MENTIONED_IN]-(:Entity)-[relation]->(:Entity) WHERE relation.articleId = articleId
   DELETE relation`,
  `UNWIND $articleIds AS articleId
   MATCH (:Article {id: articleId})<-[:REPORTED_IN]-()-[link:VIA|TROOPS]->() WHERE link.articleId = articleId
   DELETE link`,
  `UNWIND $articleIds AS articleId
   MATCH (:Article {id: articleId})<-[link:MENTIONED_IN|ASSERTED_IN|REPORTED_IN]-()
   DELETE link`,
];

const REMOVE_ARTICLE = `MATCH (article:Article {id: $articleId}) DETACH DELETE article`;

/** Aliases and searchText again from the articles that still mention the entities, in article order. */
const DERIVE_ALIASES = `
  UNWIND $entityIds AS entityId
  MATCH (entity:Entity {id: entityId})
  WITH entity, COLLECT {
    MATCH (entity)-[mention:MENTIONED_IN]->(article:Article)
    WITH mention ORDER BY article.id
    UNWIND mention.aliases AS alias
    RETURN alias
  } AS aliases
  WITH entity, reduce(unique = [], alias IN aliases | CASE WHEN alias IN unique THEN unique ELSE unique + alias END) AS aliases
  SET entity.aliases = aliases, entity.searchText = reduce(text = entity.name, alias IN aliases | text + '\n' + alias)`;

/** Entities that no article mentions any more. */
const REMOVE_ORPHANS = `
  UNWIND $entityIds AS entityId
  MATCH (entity:Entity {id: entityId}) WHERE NOT (entity)-[:MENTIONED_IN]->(:Article)
  DETACH DELETE entity`;

/** What the graph holds of the batch's entities, to write only what changed. */
const STORED_ENTITIES = `
  UNWIND $ids AS id
  MATCH (entity:Entity {id: id})
  RETURN entity.id AS id, properties(entity) AS properties, labels(entity) AS labels`;

interface StoredEntity {
  properties: Record<string, unknown>;
  labels: string[];
}

/**
 * New entities, with their kind label, aliases and search text. MERGE, so that an entity another
 * load created meanwhile is not an error.
 */
const CREATE_ENTITIES = `
  UNWIND $rows AS row
  MERGE (entity:Entity {id: row.id})
  ON CREATE SET entity += row.properties, entity:$(row.label)`;

/**
 * Entities whose identity, aliases or search text changed: only what changed is set, which spares
 * the full-text index an update for shared entities that recur in most batches. An edited kind
 * loses its old label.
 */
const UPDATE_ENTITIES = `
  UNWIND $rows AS row
  MATCH (entity:Entity {id: row.id})
  SET entity += row.changes
  WITH entity, row
  WHERE row.label IS NOT NULL
  REMOVE entity:$([other IN labels(entity) WHERE other <> 'Entity'])
  SET entity:$(row.label)`;

/** The articles, each with its mentions and, for events, its assertion of them. */
const MERGE_ARTICLES = `
  UNWIND $rows AS row
  MERGE (article:Article {id: row.properties.id})
  SET article += row.properties
  WITH article, row
  UNWIND row.mentions AS mention
  MATCH (entity:Entity {id: mention.entityId})
  CREATE (entity)-[link:MENTIONED_IN]->(article)
  SET link = mention.properties
  WITH entity, article, mention
  WHERE mention.assertion IS NOT NULL
  CREATE (entity)-[assertion:ASSERTED_IN]->(article)
  SET assertion = mention.assertion`;

/** Properties set on entities the graph holds: a declared date's evidence, background facts. */
const SET_ENTITY_PROPERTIES = `
  UNWIND $rows AS row
  MATCH (entity:Entity {id: row.id})
  SET entity += row.properties`;

/**
 * The articles' relations between entities, of every type, and each claim as a direct `CLAIM` edge
 * from its speaker to each subject, so graph views walk the who-accused-whom network like any
 * relation. Owned by the article.
 */
const CREATE_RELATIONS = `
  UNWIND $rows AS row
  MATCH (from:Entity {id: row.from}), (to:Entity {id: row.to})
  CREATE (from)-[relation:$(row.type)]->(to)
  SET relation = row.properties`;

/**
 * The links from facts to what they refer to: those of their identity (the same in every
 * declaration), to entities, and the one a report gives (a claim's medium, a deployment's troop
 * figure), owned by its article. Types are static in each statement: a MERGE on a dynamic type
 * scans every relationship.
 */
const FACT_LINKS = {
  Figure: { identity: ['FIGURE_OF', 'SOURCED_FROM'], report: null },
  Claim: { identity: ['SAID_BY', 'ABOUT'], report: { type: 'VIA', target: 'Entity' } },
  Deployment: { identity: ['FROM_COUNTRY', 'TO_COUNTRY', 'MISSION'], report: { type: 'TROOPS', target: 'Figure' } },
} as const;
type ReportedLabel = keyof typeof FACT_LINKS;
type IdentityLinkType = (typeof FACT_LINKS)[ReportedLabel]['identity'][number];

/** Links of one type from `fact` to the entities in `row.links.<type>`, with their order. */
const identityLinks = (type: IdentityLinkType) => `
  CALL (fact, row) {
    UNWIND row.links.${type} AS link
    MATCH (to:Entity {id: link.to})
    MERGE (fact)-[edge:${type}]->(to)
    SET edge.position = link.position
  }`;

/** Facts shared by id, with their identity and its links. */
const mergeFactsQuery = (label: ReportedLabel) => {
  const IDENTITY_LINKS = FACT_LINKS[label].identity.map(identityLinks).join('');
  return `
  UNWIND $rows AS row
  MERGE (fact:${label} {id: row.id})
  SET fact += row.identity
  WITH fact, row
  ${IDENTITY_LINKS}`;
};

/** The link a report gives from `fact` to `row.linkTo`, owned by its article. */
const reportLink = ({ type, target }: { type: string; target: string }) => `
  WITH fact, row WHERE row.linkTo IS NOT NULL
  MATCH (to:${target} {id: row.linkTo})
  CREATE (fact)-[edge:${type}]->(to)
  SET edge.position = 0, edge.articleId = row.articleId`;

/** Each article's report of a fact, with the link it gives (`row.linkTo`), if any. */
const createReportsQuery = (label: ReportedLabel) => {
  const link = FACT_LINKS[label].report;
  const REPORT_LINK = link === null ? '' : reportLink(link);
  return `
  UNWIND $rows AS row
  MATCH (fact:${label} {id: row.id}), (article:Article {id: row.articleId})
  CREATE (fact)-[report:REPORTED_IN]->(article)
  SET report = row.report
  ${REPORT_LINK}`;
};

/** A link from a fact to an entity, in its order among its kind (a claim's subjects). */
interface LinkRow {
  to: string;
  position: number;
}

/** Certainties as a rank in Cypher, strongest first (`CERTAINTY_RANK`). */
const certaintyRank = (certainty: string) =>
  `CASE ${certainty} ${CERTAINTY_RANK.map((value, rank) => `WHEN '${value}' THEN ${rank}`).join(' ')} END`;

/**
 * What a fact's reports say together, set on its node: the strongest certainty and the weakest,
 * how many articles and distinct sources report it, the most precise date reported (with the
 * article whose spans are its evidence) and whether reported dates disagree; for figures, claims
 * and deployments also the wording of the primary report (the strongest, then the latest) and every
 * report's evidence. A figure, claim or deployment with no report left is removed.
 */
const consolidateQuery = (label: string, link: 'ASSERTED_IN' | 'REPORTED_IN', primaryProperties: readonly string[]) => {
  const PRIMARY_PROPERTIES = primaryProperties.map((property) => `fact.${property} = primary.${property}`).join(', ');
  const BEST_DATE = DATE_FIELDS.map((field) => `fact.${field} = best.report.${field}`).join(', ');
  // A fact (not an event: an entity goes with its last mention) that no report states any more is gone.
  const CONSOLIDATE_ORPHANS = link === 'REPORTED_IN' ? 'CALL (fact, reports) { WITH fact, reports WHERE size(reports) = 0 DETACH DELETE fact }' : '';
  const CONSOLIDATE_EVIDENCE = link === 'REPORTED_IN' ? FACT_EVIDENCE : '';
  return `
  UNWIND $ids AS id
  MATCH (fact:${label} {id: id})
  WITH fact, COLLECT {
    MATCH (fact)-[report:${link}]->(article:Article)
    WITH report, article ORDER BY ${certaintyRank('report.certainty')}, coalesce(article.publishedAt, '') DESC, article.id
    RETURN {report: properties(report), articleId: article.id, source: coalesce(article.source, article.id)}
  } AS reports
  WITH fact, reports, COLLECT {
    UNWIND reports AS entry
    WITH entry WHERE entry.report.dateIso IS NOT NULL
    WITH entry ORDER BY duration.inDays(date(entry.report.dateStart), date(entry.report.dateEnd)).days,
      CASE entry.report.dateBasis WHEN 'ARTICLE' THEN 0 ELSE 1 END, entry.articleId
    RETURN entry
  } AS dated
  ${CONSOLIDATE_ORPHANS}
  WITH fact, reports, dated, reports[0].report AS primary, head(dated) AS best
  WHERE size(reports) > 0
  SET ${PRIMARY_PROPERTIES},
      fact.weakestCertainty = last(reports).report.certainty,
      fact.articleCount = size(reports),
      fact.sourceCount = size(reduce(sources = [], entry IN reports | CASE WHEN entry.source IN sources THEN sources ELSE sources + entry.source END)),
      ${BEST_DATE},
      fact.dateArticleId = best.articleId,
      fact.datesDisagree = any(a IN dated WHERE any(b IN dated WHERE a.report.dateEnd < b.report.dateStart))
  ${CONSOLIDATE_EVIDENCE}`;
};

/** A fact's primary article and every report's evidence, the primary's first, each span with its article. */
const FACT_EVIDENCE = `SET fact.articleId = reports[0].articleId,
      fact.evidenceStarts = reduce(all = [], entry IN reports | all + entry.report.evidenceStarts),
      fact.evidenceEnds = reduce(all = [], entry IN reports | all + entry.report.evidenceEnds),
      fact.evidenceTexts = reduce(all = [], entry IN reports | all + entry.report.evidenceTexts),
      fact.evidenceArticleIds = reduce(all = [], entry IN reports | all + [start IN entry.report.evidenceStarts | entry.articleId])`;

/** The properties of a reported date, as `dateProperties` and `dateEvidence` write them. */
const DATE_FIELDS = [
  'dateIso', 'datePrecision', 'dateQualifier', 'dateStart', 'dateEnd', 'dateBasis', 'dateReason',
  'dateEvidenceStarts', 'dateEvidenceEnds', 'dateEvidenceTexts',
] as const;

/** The facts whose reports are consolidated, with the link of their reports and their primary report's wording. */
const CONSOLIDATED = {
  Event: consolidateQuery('Event', 'ASSERTED_IN', ['certainty']),
  Figure: consolidateQuery('Figure', 'REPORTED_IN', ['certainty', 'text']),
  Claim: consolidateQuery('Claim', 'REPORTED_IN', ['certainty', 'quote', 'mediumBasis', 'mediumReason', 'mediumEvidenceStarts', 'mediumEvidenceEnds', 'mediumEvidenceTexts']),
  Deployment: consolidateQuery('Deployment', 'REPORTED_IN', ['certainty', 'status']),
} as const;

export type FactLabel = keyof typeof CONSOLIDATED;
/** Ids of facts whose reports changed, by label. */
export type ChangedFacts = Record<FactLabel, Set<string>>;
const noChangedFacts = (): ChangedFacts => ({ Event: new Set(), Figure: new Set(), Claim: new Set(), Deployment: new Set() });

/** The statements that consolidate the reports of the facts that changed. */
function consolidateStatements(changed: ChangedFacts): Statement[] {
  return (Object.keys(CONSOLIDATED) as FactLabel[])
    .filter((label) => changed[label].size > 0)
    .map((label) => [CONSOLIDATED[label], { ids: [...changed[label]] }]);
}

type Statement = [query: string, parameters: Record<string, unknown>];

/** Rows keyed so a repeated one replaces the earlier, as MERGE did for one article. */
class KeyedRows<Row> {
  private readonly rows = new Map<string, Row>();
  set(key: string, row: Row) {
    this.rows.delete(key);
    this.rows.set(key, row);
  }
  list(): Row[] {
    return [...this.rows.values()];
  }
}

/** A fact's identity fields, null when absent, so every declaration sets the same keys. */
function factIdentity(collection: FactCollection, fact: AnnotatedFact) {
  return Object.fromEntries(
    FACT_IDENTITY_FIELDS[collection]
      .filter((field) => !field.endsWith('Id') && field !== 'aboutIds')
      .map((field) => [field, (fact as Record<string, unknown>)[field] ?? null]),
  );
}

/**
 * The statements that create everything the articles say, in order, after what they owned is
 * gone; the facts they report are added to `changed`, to be consolidated.
 */
function createStatements(articles: ArticleToWrite[], storedEntities: Map<string, StoredEntity>, changed: ChangedFacts): Statement[] {
  const entities = new Map<string, { entity: AnnotatedEntity; aliases: string[] }>();
  const articleRows: unknown[] = [];
  const relations = new KeyedRows<unknown>();
  const facts = { Figure: new KeyedRows<FactRow>(), Claim: new KeyedRows<FactRow>(), Deployment: new KeyedRows<FactRow>() };
  const reports = { Figure: [] as unknown[], Claim: [] as unknown[], Deployment: [] as unknown[] };

  for (const { annotation, text, hash } of articles) {
    const articleId = annotation.article.id;
    const { textFile: _textFile, textSha256: _textSha256, ...fields } = annotation.article;
    const mentions: unknown[] = [];
    articleRows.push({ properties: { publishedAt: null, source: null, ...fields, text, annotationHash: hash }, mentions });
    const report = (
      label: ReportedLabel,
      collection: FactCollection,
      fact: AnnotatedFact,
      links: { identity: Partial<Record<IdentityLinkType, (string | undefined)[]>>; reportedTo?: string | undefined },
      properties: Record<string, unknown>,
    ) => {
      changed[label].add(fact.id);
      const identityLinks = Object.fromEntries(
        Object.entries(links.identity).map(([type, targets]) => [
          type,
          targets.flatMap((to, position): LinkRow[] => (to === undefined ? [] : [{ to, position }])),
        ]),
      );
      facts[label].set(fact.id, { id: fact.id, identity: factIdentity(collection, fact), links: identityLinks });
      reports[label].push({
        id: fact.id,
        articleId,
        report: { ...properties, certainty: fact.certainty, ...evidenceProperties(fact.evidence) },
        linkTo: links.reportedTo ?? null,
      });
    };
    for (const entity of annotation.entities) {
      const known = entities.get(entity.id);
      if (known) known.aliases = [...new Set([...known.aliases, ...entity.aliases])];
      else entities.set(entity.id, { entity, aliases: entity.aliases });
      const assertion =
        entity.kind === 'EVENT'
          ? { certainty: entity.certainty, ...evidenceProperties(entity.evidence), ...dateProperties(entity.date), ...dateEvidence(entity.date, entity.evidence) }
          : null;
      if (assertion) changed.Event.add(entity.id);
      mentions.push({ entityId: entity.id, properties: { aliases: entity.aliases, ...evidenceProperties(entity.mentions) }, assertion });
    }
    for (const relation of annotation.relations) {
      // Two relations of one type between the same pair differ by title or role.
      const key = `${relation.title ?? ''}|${relation.role ?? ''}`;
      relations.set(`${relation.type}|${articleId}|${relation.from}|${relation.to}|${key}`, {
        type: relation.type,
        from: relation.from,
        to: relation.to,
        properties: {
          articleId,
          key,
          certainty: relation.certainty,
          basis: relation.basis,
          reason: relation.reason ?? null,
          reference: null,
          title: relation.title ?? null,
          former: relation.former ?? null,
          role: relation.role ?? null,
          ...evidenceProperties(relation.evidence),
        },
      });
    }
    for (const figure of annotation.figures) {
      report('Figure', 'figures', figure, { identity: { FIGURE_OF: [figure.eventId], SOURCED_FROM: [figure.sourceId] } }, { text: figure.text });
    }
    const claimsById = new Map(annotation.claims.map((claim) => [claim.id, claim]));
    for (const claim of annotation.claims) {
      const context = claimContext(claim, claimsById);
      claim.aboutIds.forEach((aboutId, position) => {
        if (aboutId === claim.speakerId) return;
        relations.set(`CLAIM|${articleId}|${claim.id}|${position}`, {
          type: 'CLAIM',
          from: claim.speakerId,
          to: aboutId,
          properties: { articleId, claimId: claim.id, kind: claim.kind, certainty: claim.certainty, basis: 'ARTICLE', position, ...evidenceProperties(claim.evidence) },
        });
      });
      report(
        'Claim',
        'claims',
        claim,
        {
          identity: { SAID_BY: [claim.speakerId], ABOUT: claim.aboutIds },
          reportedTo: context.mediumId,
        },
        { quote: claim.quote, ...context.properties },
      );
    }
    for (const deployment of annotation.deployments) {
      report(
        'Deployment',
        'deployments',
        deployment,
        {
          identity: { FROM_COUNTRY: [deployment.countryId], TO_COUNTRY: [deployment.destinationId], MISSION: [deployment.missionId] },
          reportedTo: deployment.troopsFigureId,
        },
        { status: deployment.status, ...dateProperties(deployment.date), ...dateEvidence(deployment.date, deployment.evidence) },
      );
    }
  }

  const statements: Statement[] = [];
  const run = (query: string, parameters: Record<string, unknown[]>) => {
    if (Object.values(parameters).some((rows) => rows.length > 0)) statements.push([query, parameters]);
  };
  statements.push(...entityStatements([...entities.values()], storedEntities));
  run(MERGE_ARTICLES, { rows: articleRows });
  run(CREATE_RELATIONS, { rows: relations.list() });
  // Figures first: a deployment's report links to its troop figure.
  for (const label of ['Figure', 'Claim', 'Deployment'] as const) {
    run(MERGE_FACTS[label], { rows: facts[label].list() });
    run(CREATE_REPORTS[label], { rows: reports[label] });
  }
  return statements;
}

const sameValue = (stored: unknown, declared: unknown) =>
  Array.isArray(declared) ? Array.isArray(stored) && stored.length === declared.length && declared.every((item, index) => stored[index] === item) : (stored ?? null) === declared;

/**
 * The statements that write the batch's entities: new ones created, stored ones updated where
 * their identity, aliases or search text differ, the rest left alone. Aliases are those already
 * derived plus the batch's (rewritten articles' entities are derived again after).
 */
function entityStatements(entities: { entity: AnnotatedEntity; aliases: string[] }[], stored: Map<string, StoredEntity>): Statement[] {
  const created: unknown[] = [];
  const updated: unknown[] = [];
  for (const { entity, aliases: declared } of entities) {
    const label = LABEL_OF_KIND[entity.kind];
    const before = stored.get(entity.id);
    const aliases = [...new Set([...((before?.properties.aliases as string[] | undefined) ?? []), ...declared])];
    const properties = { ...entityProperties(entity), aliases, searchText: [entity.name, ...aliases].join('\n') };
    if (!before) {
      created.push({ id: entity.id, label, properties });
      continue;
    }
    const changes = Object.fromEntries(Object.entries(properties).filter(([key, value]) => !sameValue(before.properties[key], value)));
    const relabel = before.labels.length !== 2 || !before.labels.includes(label);
    if (Object.keys(changes).length > 0 || relabel) updated.push({ id: entity.id, changes, label: relabel ? label : null });
  }
  return [
    ...(created.length > 0 ? [[CREATE_ENTITIES, { rows: created }] as Statement] : []),
    ...(updated.length > 0 ? [[UPDATE_ENTITIES, { rows: updated }] as Statement] : []),
  ];
}

/** A fact's identity and the links it gives, by type, as written once per batch. */
interface FactRow {
  id: string;
  identity: Record<string, unknown>;
  links: Record<string, LinkRow[]>;
}

const MERGE_FACTS = { Figure: mergeFactsQuery('Figure'), Claim: mergeFactsQuery('Claim'), Deployment: mergeFactsQuery('Deployment') } as const;
const CREATE_REPORTS = { Figure: createReportsQuery('Figure'), Claim: createReportsQuery('Claim'), Deployment: createReportsQuery('Deployment') } as const;

/** Background relations between entities the graph holds: no article, no evidence, a reference. */
const MERGE_BACKGROUND_RELATIONS = Object.fromEntries(
  RELATION_TYPES.map((type) => [
    type,
    `UNWIND $rows AS row
     MATCH (from:Entity {id: row.from}), (to:Entity {id: row.to})
     MERGE (from)-[relation:${type} {key: 'background'}]->(to)
     SET relation += row.properties`,
  ]),
) as Record<(typeof RELATION_TYPES)[number], string>;

/** What an earlier background file said, removed before its new version is applied. */
const CLEAR_BACKGROUND = [
  `MATCH ()-[relation:${ENTITY_RELATION_TYPES}]->() WHERE relation.basis = 'BACKGROUND' DELETE relation`,
  `MATCH (entity:Entity) WHERE entity.wikidataId IS NOT NULL OR entity.coordinatesReference IS NOT NULL
   SET entity.wikidataId = null, entity.latitude = null, entity.longitude = null, entity.coordinatesReference = null`,
];

const STORED_BACKGROUND = "OPTIONAL MATCH (meta:GraphMeta {id: 'graph'}) RETURN meta.backgroundHash AS hash";
const STORE_BACKGROUND = "MERGE (meta:GraphMeta {id: 'graph'}) SET meta.backgroundHash = $hash";

/** The statements that apply the background facts; each is idempotent, and skips entities the graph lacks. */
function backgroundStatements(background: Background): Statement[] {
  const statements: Statement[] = [];
  const entities = background.entities.map(({ id, wikidata, coordinates }) => ({
    id,
    properties: {
      wikidataId: wikidata ?? null,
      latitude: coordinates?.latitude ?? null,
      longitude: coordinates?.longitude ?? null,
      coordinatesReference: coordinates?.reference ?? null,
    },
  }));
  if (entities.length > 0) statements.push([SET_ENTITY_PROPERTIES, { rows: entities }]);
  for (const type of RELATION_TYPES) {
    const rows = background.relations
      .filter((relation) => relation.type === type)
      .map(({ from, to, reference }) => ({
        from,
        to,
        properties: {
          basis: 'BACKGROUND',
          reference,
          reason: null,
          certainty: 'STATED',
          articleId: null,
          title: null,
          former: null,
          role: null,
          ...evidenceProperties([]),
        },
      }));
    if (rows.length > 0) statements.push([MERGE_BACKGROUND_RELATIONS[type], { rows }]);
  }
  return statements;
}

/** The stored format this writer produces: 2 added provenance and date intervals, 3 claim edges, 4 reports. */
const FORMAT_VERSION = 4;
const STORED_FORMAT = "OPTIONAL MATCH (meta:GraphMeta {id: 'graph'}) RETURN meta.formatVersion AS version";
/** Brings a graph written before provenance up to date: what it held was stated by its articles. */
const UPGRADE_TO_PROVENANCE = [
  `MATCH ()-[relation:${ENTITY_RELATION_TYPES}]->() WHERE relation.basis IS NULL SET relation.basis = 'ARTICLE'`,
  `MATCH (event:Event) WHERE event.dateIso IS NOT NULL AND event.dateStart IS NULL
   WITH event, date(event.dateIso) AS first
   SET event.dateStart = event.dateIso, event.dateBasis = 'ARTICLE',
       event.dateEnd = toString(CASE event.datePrecision
         WHEN 'DAY' THEN first
         WHEN 'WEEK' THEN first + duration({days: 6})
         WHEN 'MONTH' THEN first + duration({months: 1}) - duration({days: 1})
         ELSE first + duration({years: 1}) - duration({days: 1}) END)`,
  // Coordinates once came from annotations, without a reference: the background file supplies them now.
  'MATCH (place:Place) WHERE place.latitude IS NOT NULL AND place.coordinatesReference IS NULL REMOVE place.latitude, place.longitude',
  `MATCH (claim:Claim)-[:SAID_BY]->(speaker:Entity), (claim)-[about:ABOUT]->(subject:Entity)
   WHERE subject <> speaker AND NOT EXISTS { (speaker)-[:CLAIM {claimId: claim.id}]->(subject) }
   CREATE (speaker)-[:CLAIM {articleId: claim.articleId, claimId: claim.id, kind: claim.kind, certainty: claim.certainty,
                             basis: 'ARTICLE', position: about.position, evidenceStarts: claim.evidenceStarts,
                             evidenceEnds: claim.evidenceEnds, evidenceTexts: claim.evidenceTexts}]->(subject)`,
];
const DATE_FIELD_PROJECTION = DATE_FIELDS.map((field) => `.${field}`).join(', ');
/** Brings a graph written before reports up to date: each fact was one article's, its only report. */
const UPGRADE_TO_REPORTS = [
  `MATCH (fact) WHERE (fact:Figure OR fact:Claim OR fact:Deployment) AND fact.articleId IS NOT NULL AND NOT (fact)-[:REPORTED_IN]->()
   MATCH (article:Article {id: fact.articleId})
   CREATE (fact)-[report:REPORTED_IN]->(article)
   SET report = fact {.certainty, .text, .quote, .status, .mediumBasis, .mediumReason, .mediumEvidenceStarts, .mediumEvidenceEnds,
                      .mediumEvidenceTexts, .evidenceStarts, .evidenceEnds, .evidenceTexts, ${DATE_FIELD_PROJECTION}}`,
  'MATCH (fact)-[link:VIA|TROOPS]->() WHERE link.articleId IS NULL SET link.articleId = fact.articleId',
  `MATCH (event:Event)-[assertion:ASSERTED_IN]->(article:Article) WHERE event.dateArticleId = article.id AND assertion.dateIso IS NULL
   SET assertion += event {${DATE_FIELD_PROJECTION}}`,
];
const ALL_FACT_IDS = `MATCH (fact) WHERE fact:Event OR fact:Figure OR fact:Claim OR fact:Deployment
  RETURN [CASE WHEN fact:Event THEN 'Event' WHEN fact:Figure THEN 'Figure' WHEN fact:Claim THEN 'Claim' ELSE 'Deployment' END, fact.id] AS fact`;
const STORE_FORMAT = "MERGE (meta:GraphMeta {id: 'graph'}) SET meta.formatVersion = $version";

/** Upgrades a graph stored in an older format, in one transaction; a current one is left alone. */
export async function upgradeStoredGraph(driver: Driver, database: string): Promise<boolean> {
  const session = driver.session({ database });
  try {
    return await session.executeWrite(async (tx) => {
      const [record] = (await tx.run(STORED_FORMAT)).records;
      if (Number(record?.get('version') ?? 0) >= FORMAT_VERSION) return false;
      for (const query of [...UPGRADE_TO_PROVENANCE, ...UPGRADE_TO_REPORTS]) await tx.run(query);
      const facts = (await tx.run(ALL_FACT_IDS)).records.map((fact) => fact.get('fact') as [FactLabel, string]);
      await runAll(tx, [
        ...consolidateStatements(reportedBefore([{ hash: null, entityIds: [], factIds: facts }], noChangedFacts())),
        [STORE_FORMAT, { version: FORMAT_VERSION }],
        bumpDataVersion(),
      ]);
      return true;
    });
  } finally {
    await session.close();
  }
}

export function backgroundHash(background: Background): string {
  return createHash('sha256').update(JSON.stringify(background)).digest('hex');
}

/**
 * Makes the graph hold exactly this background: when it differs from the one last applied, the
 * old facts are removed and the new ones applied, in one transaction. Returns whether it changed.
 */
export async function syncBackground(driver: Driver, database: string, background: Background): Promise<boolean> {
  const hash = backgroundHash(background);
  const session = driver.session({ database });
  try {
    return await session.executeWrite(async (tx) => {
      const [record] = (await tx.run(STORED_BACKGROUND)).records;
      if (record?.get('hash') === hash) return false;
      for (const query of CLEAR_BACKGROUND) await tx.run(query);
      await runAll(tx, [...backgroundStatements(background), [STORE_BACKGROUND, { hash }], bumpDataVersion()]);
      return true;
    });
  } finally {
    await session.close();
  }
}

/** An entity whose stored identity differs from this run's, and the articles outside the run that mention it. */
export interface IdentityConflict {
  entityId: string;
  field: string;
  stored: unknown;
  declared: unknown;
  articleIds: string[];
}

/** Stored nodes (`label`) whose identity differs from a row's, with the articles outside the run that state them. */
const identityConflictsQuery = (label: string, link: string) => `
  UNWIND $rows AS row
  MATCH (node:${label} {id: row.id})
  WITH node, row, [key IN keys(row.properties) WHERE
    coalesce(node[key] <> row.properties[key], node[key] IS NOT NULL OR row.properties[key] IS NOT NULL)] AS fields
  WHERE size(fields) > 0
  WITH node, row, fields,
       [(node)-[:${link}]->(article:Article) WHERE NOT article.id IN $articleIds | article.id] AS others
  WHERE size(others) > 0
  RETURN node.id AS entityId, fields[0] AS field, node[fields[0]] AS stored, row.properties[fields[0]] AS declared, others[..5] AS articleIds`;

const FACT_LABELS = { figures: 'Figure', claims: 'Claim', deployments: 'Deployment' } as const satisfies Record<FactCollection, FactLabel>;

/**
 * Entities and facts that the database holds with another identity and that articles outside this
 * run mention or report: writing the run would let load order decide the identity. Editing an
 * entity's or fact's only declaration is fine when every article stating it is in the run.
 */
export async function findIdentityConflicts(driver: Driver, database: string, articles: ArticleToWrite[]): Promise<IdentityConflict[]> {
  const articleIds = articles.map(({ annotation }) => annotation.article.id);
  const distinct = <T extends { id: string }>(items: T[]) => [...new Map(items.map((item) => [item.id, item])).values()];
  const checks: [string, unknown[]][] = [
    [
      identityConflictsQuery('Entity', 'MENTIONED_IN'),
      distinct(articles.flatMap(({ annotation }) => annotation.entities)).map((entity) => ({ id: entity.id, properties: entityProperties(entity) })),
    ],
    ...(Object.entries(FACT_LABELS) as [FactCollection, FactLabel][]).map(([collection, label]): [string, unknown[]] => [
      identityConflictsQuery(label, 'REPORTED_IN'),
      distinct(articles.flatMap(({ annotation }) => annotation[collection] as AnnotatedFact[])).map((fact) => ({ id: fact.id, properties: factIdentity(collection, fact) })),
    ]),
  ];
  const conflicts: IdentityConflict[] = [];
  for (const [query, rows] of checks) {
    if (rows.length === 0) continue;
    const { records } = await driver.executeQuery(query, { rows, articleIds }, { database });
    conflicts.push(...records.map((record) => record.toObject() as IdentityConflict));
  }
  return conflicts;
}

/** Runs statements in order, sent together so the server needs no round trip each. */
async function runAll(tx: ManagedTransaction, statements: Statement[]): Promise<void> {
  await Promise.all(statements.map(([query, parameters]) => tx.run(query, parameters)));
}

/** Removes what the articles owned; the entities they mentioned are derived again afterwards. */
function removeStatements(articleIds: string[]): Statement[] {
  return REMOVE_OWNED.map((query) => [query, { articleIds }]);
}

/** Aliases derived again for entities whose mentions changed, then those no article mentions removed. */
function rederiveStatements(entityIds: string[]): Statement[] {
  return entityIds.length === 0
    ? []
    : [
        [DERIVE_ALIASES, { entityIds }],
        [REMOVE_ORPHANS, { entityIds }],
      ];
}

interface StoredArticle {
  hash: string | null;
  entityIds: string[];
  /** The facts it reports, as [label, id]. */
  factIds: [FactLabel, string][];
}

const storedArticle = (record: { get(key: string): unknown }): StoredArticle => ({
  hash: record.get('hash') as string | null,
  entityIds: record.get('entityIds') as string[],
  factIds: record.get('factIds') as [FactLabel, string][],
});

async function readStoredEntities(tx: ManagedTransaction, articles: ArticleToWrite[]): Promise<Map<string, StoredEntity>> {
  const ids = [...new Set(articles.flatMap(({ annotation }) => annotation.entities.map((entity) => entity.id)))];
  const { records } = await tx.run(STORED_ENTITIES, { ids });
  return new Map(records.map((record) => [record.get('id') as string, { properties: record.get('properties') as Record<string, unknown>, labels: record.get('labels') as string[] }]));
}

/** The facts that the stored articles reported (events among the entities they mention), to be consolidated again. */
function reportedBefore(articles: StoredArticle[], changed: ChangedFacts): ChangedFacts {
  for (const { entityIds, factIds } of articles) {
    for (const id of entityIds) changed.Event.add(id);
    for (const [label, id] of factIds) changed[label].add(id);
  }
  return changed;
}

/**
 * Writes the articles in one transaction, skipping those whose stored hash is the same (unless
 * `force`). Returns each article's outcome, in order. A failure writes none of them.
 */
export async function writeArticles(
  driver: Driver,
  database: string,
  articles: ArticleToWrite[],
  options: { force?: boolean; background?: Background | null } = {},
): Promise<WriteOutcome[]> {
  const session = driver.session({ database });
  try {
    return await session.executeWrite(async (tx) => {
      const articleIds = articles.map((article) => article.annotation.article.id);
      const stored = new Map(
        (await tx.run(STORED_ARTICLES, { articleIds })).records.map((record) => [record.get('articleId') as string, storedArticle(record)]),
      );
      const outcomes = articles.map((article, index): WriteOutcome =>
        !options.force && stored.get(articleIds[index]!)?.hash === article.hash ? 'unchanged' : 'written',
      );
      const toWrite = articles.filter((_, index) => outcomes[index] === 'written');
      if (toWrite.length === 0) return outcomes;
      const rewritten = toWrite.map((article) => article.annotation.article.id).filter((id) => stored.has(id));
      const previouslyMentioned = [...new Set(rewritten.flatMap((id) => stored.get(id)!.entityIds))];
      const changed = reportedBefore(rewritten.map((id) => stored.get(id)!), noChangedFacts());
      await runAll(tx, [
        ...(rewritten.length > 0 ? removeStatements(rewritten) : []),
        ...createStatements(toWrite, await readStoredEntities(tx, toWrite), changed),
        ...rederiveStatements(previouslyMentioned),
        ...consolidateStatements(changed),
        // New entities get their background facts in the transaction that creates them.
        ...(options.background ? backgroundStatements(options.background) : []),
        bumpDataVersion(),
      ]);
      return outcomes;
    });
  } finally {
    await session.close();
  }
}

/** Removes an article and everything only it said; entities other articles mention stay. Returns false if absent. */
export async function removeArticle(driver: Driver, database: string, articleId: string): Promise<boolean> {
  const session = driver.session({ database });
  try {
    return await session.executeWrite(async (tx) => {
      const [record] = (await tx.run(STORED_ARTICLES, { articleIds: [articleId] })).records;
      if (!record) return false;
      const stored = storedArticle(record);
      await runAll(tx, [
        ...removeStatements([articleId]),
        [REMOVE_ARTICLE, { articleId }],
        ...rederiveStatements(stored.entityIds),
        ...consolidateStatements(reportedBefore([stored], noChangedFacts())),
        bumpDataVersion(),
      ]);
      return true;
    });
  } finally {
    await session.close();
  }
}
