import type { GraphQLResolveInfo } from 'graphql';
import type { EntityRecord, RelationRecord, SpanRecord, PartialDateRecord, FigureRecord, ClaimRecord, DeploymentRecord, ArticleRecord, ReportRecord, SearchHitRecord, PageRecord, SubgraphRecord, PathRecord, GraphStatsRecord } from '../graph/types.ts';
import type { RequestContext } from '../api/context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
};

/** A news article and what was annotated in it. */
export type Article = {
  __typename?: 'Article';
  /** Claims the article reports, in text order. */
  claims: Array<Claim>;
  /** Deployments the article reports, in text order. */
  deployments: Array<Deployment>;
  /** Entities the article mentions, by kind and name. */
  entities: Array<Entity>;
  /** Figures the article gives, in text order. */
  figures: Array<Figure>;
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** Publication date (YYYY-MM-DD) when known. */
  publishedAt?: Maybe<Scalars['String']['output']>;
  /** The publishing outlet when known. */
  source?: Maybe<Scalars['String']['output']>;
  /** The full text; evidence offsets index into it. */
  text: Scalars['String']['output'];
  /** A title for the article. */
  title: Scalars['String']['output'];
};


/** A news article and what was annotated in it. */
export type ArticleClaimsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A news article and what was annotated in it. */
export type ArticleDeploymentsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A news article and what was annotated in it. */
export type ArticleEntitiesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  kinds?: InputMaybe<Array<EntityKind>>;
};


/** A news article and what was annotated in it. */
export type ArticleFiguresArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of articles, by id. */
export type ArticleConnection = {
  __typename?: 'ArticleConnection';
  /** Articles on this page. */
  edges: Array<ArticleEdge>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many articles there are, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An article in a list. */
export type ArticleEdge = {
  __typename?: 'ArticleEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The article. */
  node: Article;
};

/** Where a statement comes from. Certainty is a separate axis: how sure its source is. */
export type Basis =
  /** The article states it; its evidence spans show where. */
  | 'ARTICLE'
  /** Background knowledge, not from any article, with a reference such as a Wikidata id. */
  | 'BACKGROUND'
  /** Inferred from the article's own context: the evidence spans it rests on and a one-line reason. */
  | 'INFERRED';

/** Who may cache a response: every answer of this API is the same for every client (`PUBLIC`). */
export type CacheControlScope =
  /** Only the client's own cache may keep it. */
  | 'PRIVATE'
  /** Any cache may keep it (browsers, proxies, the server's response cache). */
  | 'PUBLIC';

/** How sure the article is of a statement. Dashboards should show anything weaker than STATED as hedged. */
export type Certainty =
  /** An accusation or characterisation made by a party; not established as fact. */
  | 'ALLEGED'
  /** Future or planned: "is expected to". */
  | 'EXPECTED'
  /** Hedged as hearsay: "reportedly", "according to some sources", "media outlets say". */
  | 'REPORTED'
  /** A source states it plainly (the article, or a source the article names). */
  | 'STATED';

/** A statement an article attributes to someone: it says who said it, not that it is true. */
export type Claim = {
  __typename?: 'Claim';
  /** What the claim is about, in the order the annotation lists them. */
  about: Array<Entity>;
  /** The primary reporting article (the surest, then the latest); `quote` is its wording. */
  article: Article;
  /** How many articles report it. */
  articleCount: Scalars['Int']['output'];
  /** How sure the articles are of it (accusations are ALLEGED): the strongest certainty any report gives. */
  certainty: Certainty;
  /** When it was said: the most precise date any report gives. */
  date?: Maybe<PartialDate>;
  /** True when two reports give dates that cannot both be right (intervals that do not overlap); `reports` has each. */
  datesDisagree: Scalars['Boolean']['output'];
  /** The spans that report it, in every reporting article (at most 10). */
  evidence: Array<TextSpan>;
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** What kind of claim it is. */
  kind: ClaimKind;
  /** Where it was said, such as a news agency. */
  medium?: Maybe<Entity>;
  /** Where `medium` comes from: ARTICLE, or INFERRED when the article ties the claim to another one from the same statement ("According to him"). */
  mediumProvenance?: Maybe<Provenance>;
  /** The speaker's words, verbatim from the article. */
  quote: Scalars['String']['output'];
  /** The articles' reports of it: the strongest first, then the latest. */
  reports: Array<Report>;
  /** How many distinct sources (publishing outlets) report it. */
  sourceCount: Scalars['Int']['output'];
  /** Who made the claim. */
  speaker?: Maybe<Entity>;
  /** A neutral one-line summary that names the speaker. */
  summary: Scalars['String']['output'];
  /** The weakest certainty any report gives (`certainty` is the strongest: corroboration never lowers it). */
  weakestCertainty: Certainty;
};


/** A statement an article attributes to someone: it says who said it, not that it is true. */
export type ClaimReportsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of claims, in article and text order. */
export type ClaimConnection = {
  __typename?: 'ClaimConnection';
  /** Claims on this page. */
  edges: Array<ClaimEdge>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many claims match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A claim in a list. */
export type ClaimEdge = {
  __typename?: 'ClaimEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The claim. */
  node: Claim;
};

/** Kinds of claim. */
export type ClaimKind =
  /** Accusing someone of something. */
  | 'ACCUSATION'
  /** Blaming someone for something. */
  | 'BLAME'
  /** Saying what will happen. */
  | 'PREDICTION'
  /** Any other statement. */
  | 'STATEMENT';

/** An entity's part in a claim. */
export type ClaimRole =
  /** Either. */
  | 'ANY'
  /** The entity made the claim. */
  | 'SPEAKER'
  /** The claim is about the entity. */
  | 'SUBJECT';

/**
 * Latitude and longitude in degrees (WGS 84). Never from an article: BACKGROUND (a gazetteer or a
 * country's centroid, with its reference), or INFERRED for a place without known coordinates of its
 * own, shown at those of the place or country it is in (the reason names it).
 */
export type Coordinates = {
  __typename?: 'Coordinates';
  /** Degrees north (negative: south). */
  latitude: Scalars['Float']['output'];
  /** Degrees east (negative: west). */
  longitude: Scalars['Float']['output'];
  /** Where the coordinates come from. */
  provenance: Provenance;
};

/** A country. */
export type Country = Entity & {
  __typename?: 'Country';
  /** Other names the articles use. */
  aliases: Array<Scalars['String']['output']>;
  /** Claims this country made or that are about it. */
  claims: Array<Claim>;
  /** Its centroid, from a reviewed data set (BACKGROUND); null when BACKGROUND is excluded. */
  coordinates?: Maybe<Coordinates>;
  /** A short description grounded in the articles. */
  description?: Maybe<Scalars['String']['output']>;
  /** Figures that involve this entity, in article and text order: those it gave ("the Interior Ministry said 18 died") and, for an event, those that count it. */
  figures: Array<Figure>;
  /** Stable, readable id. */
  id: Scalars['ID']['output'];
  /** Identifiers in other data sets, such as Wikidata (background knowledge). */
  identifiers: Array<ExternalId>;
  /** ISO 3166-1 alpha-2 code, such as "KZ" (background data). */
  isoCode: Scalars['String']['output'];
  /** Always COUNTRY. */
  kind: EntityKind;
  /** Every place an article mentions this country, by article. */
  mentions: Array<TextSpan>;
  /** Canonical name. */
  name: Scalars['String']['output'];
  /** Organizations in this country. */
  organizations: Array<Organization>;
  /** Places in this country, directly or through other places. */
  places: Array<Place>;
  /** Relations to other entities. */
  relations: Array<Relation>;
};


/** A country. */
export type CountryClaimsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<ClaimRole>;
};


/** A country. */
export type CountryCoordinatesArgs = {
  excludeBasis?: InputMaybe<Array<Basis>>;
};


/** A country. */
export type CountryFiguresArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<FigureRole>;
};


/** A country. */
export type CountryMentionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A country. */
export type CountryOrganizationsArgs = {
  excludeBasis?: InputMaybe<Array<Basis>>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A country. */
export type CountryPlacesArgs = {
  excludeBasis?: InputMaybe<Array<Basis>>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A country. */
export type CountryRelationsArgs = {
  direction?: InputMaybe<Direction>;
  excludeBasis?: InputMaybe<Array<Basis>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  types?: InputMaybe<Array<RelationType>>;
};

/** A page of countries. */
export type CountryConnection = {
  __typename?: 'CountryConnection';
  /** Countries on this page. */
  edges: Array<CountryEdge>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many countries match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A country in a list. */
export type CountryEdge = {
  __typename?: 'CountryEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The country. */
  node: Country;
};

/** How precise a `PartialDate` is. */
export type DatePrecision =
  /** A single day. */
  | 'DAY'
  /** Some day in the month starting at `iso`. */
  | 'MONTH'
  /** Some day in the week starting at `iso`. */
  | 'WEEK'
  /** Some day in the year starting at `iso`. */
  | 'YEAR';

/** Troops one country sends to another: one contingent, however many articles report it. */
export type Deployment = {
  __typename?: 'Deployment';
  /** The primary reporting article (the surest, then the latest); `status` is its word. */
  article: Article;
  /** How many articles report it. */
  articleCount: Scalars['Int']['output'];
  /** How sure the articles are of it: the strongest certainty any report gives. */
  certainty: Certainty;
  /** The sending country. */
  country: Country;
  /** When: the most precise date any report gives. */
  date?: Maybe<PartialDate>;
  /** True when two reports give dates that cannot both be right (intervals that do not overlap); `reports` has each. */
  datesDisagree: Scalars['Boolean']['output'];
  /** The country receiving the troops. */
  destination: Country;
  /** The spans that report it, in every reporting article (at most 10). */
  evidence: Array<TextSpan>;
  /** The article's word for the force: "paratroopers", "peacekeepers", "troops". */
  force: Scalars['String']['output'];
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** The mission it is part of. */
  mission?: Maybe<Event>;
  /** The articles' reports of it: the strongest first, then the latest. */
  reports: Array<Report>;
  /** How many distinct sources (publishing outlets) report it. */
  sourceCount: Scalars['Int']['output'];
  /** Where the deployment stands. */
  status: DeploymentStatus;
  /** How many, when the article says. */
  troops?: Maybe<Figure>;
  /** The weakest certainty any report gives (`certainty` is the strongest: corroboration never lowers it). */
  weakestCertainty: Certainty;
};


/** Troops one country sends to another: one contingent, however many articles report it. */
export type DeploymentReportsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of deployments, in article and text order. */
export type DeploymentConnection = {
  __typename?: 'DeploymentConnection';
  /** Deployments on this page. */
  edges: Array<DeploymentEdge>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many deployments match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A deployment in a list. */
export type DeploymentEdge = {
  __typename?: 'DeploymentEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The deployment. */
  node: Deployment;
};

/** Where a deployment of troops stands. */
export type DeploymentStatus =
  /** The troops arrived. */
  | 'ARRIVED'
  /** Sending them is expected. */
  | 'EXPECTED'
  /** The troops are being sent. */
  | 'SENDING'
  /** The troops were sent. */
  | 'SENT';

/** How many deployments of one status. */
export type DeploymentStatusCount = {
  __typename?: 'DeploymentStatusCount';
  /** How many deployments have it. */
  count: Scalars['Int']['output'];
  /** The status. */
  status: DeploymentStatus;
};

/** Deployments from one country to another, added up. */
export type DeploymentTotal = {
  __typename?: 'DeploymentTotal';
  /** The sending country. */
  country: Country;
  /** How many deployments: contingents, each one however many articles report it. */
  deployments: Scalars['Int']['output'];
  /** The receiving country. */
  destination: Country;
  /** How many reports of those deployments, across articles. */
  reports: Scalars['Int']['output'];
  /** How many deployments are in each status, in the order ARRIVED, SENT, SENDING, EXPECTED (only statuses that occur). */
  statuses: Array<DeploymentStatusCount>;
  /** The troop numbers their troop figures give; `unknown` counts deployments that give none. */
  troops: FigureRange;
};

/** Which way a relation points, seen from the entity it is asked on. */
export type Direction =
  /** Either way. */
  | 'BOTH'
  /** From the other entity to this one (this entity is the object). */
  | 'IN'
  /** From this entity to the other one (this entity is the subject). */
  | 'OUT';

/**
 * Anything the articles talk about: a person, organization, country, place or event.
 * Entities are shared between articles by `id`.
 */
export type Entity = {
  /** Other names the articles use: short forms, spellings, acronyms. */
  aliases: Array<Scalars['String']['output']>;
  /** Claims this entity made or that are about it. */
  claims: Array<Claim>;
  /** A short description grounded in the articles. */
  description?: Maybe<Scalars['String']['output']>;
  /** Figures that involve this entity, in article and text order: those it gave ("the Interior Ministry said 18 died") and, for an event, those that count it. */
  figures: Array<Figure>;
  /** Stable, readable id, such as "kassym-jomart-tokayev". */
  id: Scalars['ID']['output'];
  /** Identifiers in other data sets, such as Wikidata (background knowledge). */
  identifiers: Array<ExternalId>;
  /** What kind of entity this is. */
  kind: EntityKind;
  /** Every place an article mentions this entity, by article. */
  mentions: Array<TextSpan>;
  /** Canonical name. */
  name: Scalars['String']['output'];
  /** Relations to other entities, each with its certainty and evidence. */
  relations: Array<Relation>;
};


/**
 * Anything the articles talk about: a person, organization, country, place or event.
 * Entities are shared between articles by `id`.
 */
export type EntityClaimsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<ClaimRole>;
};


/**
 * Anything the articles talk about: a person, organization, country, place or event.
 * Entities are shared between articles by `id`.
 */
export type EntityFiguresArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<FigureRole>;
};


/**
 * Anything the articles talk about: a person, organization, country, place or event.
 * Entities are shared between articles by `id`.
 */
export type EntityMentionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Anything the articles talk about: a person, organization, country, place or event.
 * Entities are shared between articles by `id`.
 */
export type EntityRelationsArgs = {
  direction?: InputMaybe<Direction>;
  excludeBasis?: InputMaybe<Array<Basis>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  types?: InputMaybe<Array<RelationType>>;
};

/** A page of entities. */
export type EntityConnection = {
  __typename?: 'EntityConnection';
  /** Entities on this page. */
  edges: Array<EntityEdge>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many entities match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An entity in a list. */
export type EntityEdge = {
  __typename?: 'EntityEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The entity. */
  node: Entity;
};

/** The kind of an entity; each kind has its own type implementing `Entity`. */
export type EntityKind =
  /** A sovereign country, with its ISO code. */
  | 'COUNTRY'
  /** Something that happened (or is expected to): a protest, a clash, a deployment. */
  | 'EVENT'
  /** An organization: a ministry, a police force, a news outlet, an alliance, a movement. */
  | 'ORGANIZATION'
  /** A person, such as a president or a commentator. */
  | 'PERSON'
  /** A city, town, building or airport. */
  | 'PLACE';

/** Something that happened, or is expected to. */
export type Event = Entity & {
  __typename?: 'Event';
  /** Other names the articles use. */
  aliases: Array<Scalars['String']['output']>;
  /** How many articles report it. */
  articleCount: Scalars['Int']['output'];
  /** What kind of event it is. */
  category?: Maybe<EventCategory>;
  /** How sure the articles are that it happened: the strongest certainty any report gives (corroboration never lowers it). */
  certainty: Certainty;
  /** Claims about this event. */
  claims: Array<Claim>;
  /** Countries where it happened, directly or through its places. */
  countries: Array<Country>;
  /** When it happened: the most precise date any report gives, with the spans of the article that gives it. */
  date?: Maybe<PartialDate>;
  /** True when two reports give dates that cannot both be right (intervals that do not overlap); `reports` has each. */
  datesDisagree: Scalars['Boolean']['output'];
  /** A short description grounded in the articles. */
  description?: Maybe<Scalars['String']['output']>;
  /** The article spans that state it happened, by article. */
  evidence: Array<TextSpan>;
  /** Figures that involve this entity, in article and text order: those it gave ("the Interior Ministry said 18 died") and, for an event, those that count it. */
  figures: Array<Figure>;
  /** Stable, readable id. */
  id: Scalars['ID']['output'];
  /** Identifiers in other data sets, such as Wikidata (background knowledge). */
  identifiers: Array<ExternalId>;
  /** Always EVENT. */
  kind: EntityKind;
  /** Every place an article mentions this event, by article. */
  mentions: Array<TextSpan>;
  /** Canonical name. */
  name: Scalars['String']['output'];
  /** The larger event it is part of. */
  partOf?: Maybe<Event>;
  /** Who took part, and in which role. */
  participants: Array<Participant>;
  /** Where it happened. */
  places: Array<Place>;
  /** Relations to other entities. */
  relations: Array<Relation>;
  /** Who reported it. */
  reportedBy: Array<Entity>;
  /** The articles' reports of it: the strongest first, then the latest. */
  reports: Array<Report>;
  /** How many distinct sources (publishing outlets) report it. */
  sourceCount: Scalars['Int']['output'];
  /** Events that are part of this one. */
  subEvents: Array<Event>;
  /** The weakest certainty any report gives (`certainty` is the strongest: corroboration never lowers it). */
  weakestCertainty: Certainty;
};


/** Something that happened, or is expected to. */
export type EventClaimsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<ClaimRole>;
};


/** Something that happened, or is expected to. */
export type EventCountriesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Something that happened, or is expected to. */
export type EventEvidenceArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Something that happened, or is expected to. */
export type EventFiguresArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<FigureRole>;
};


/** Something that happened, or is expected to. */
export type EventMentionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Something that happened, or is expected to. */
export type EventParticipantsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Something that happened, or is expected to. */
export type EventPlacesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Something that happened, or is expected to. */
export type EventRelationsArgs = {
  direction?: InputMaybe<Direction>;
  excludeBasis?: InputMaybe<Array<Basis>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  types?: InputMaybe<Array<RelationType>>;
};


/** Something that happened, or is expected to. */
export type EventReportedByArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Something that happened, or is expected to. */
export type EventReportsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Something that happened, or is expected to. */
export type EventSubEventsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Kinds of event. */
export type EventCategory =
  /** Arrests. */
  | 'ARREST'
  /** Setting fire to buildings. */
  | 'ARSON'
  /** Restricting media or communication. */
  | 'CENSORSHIP'
  /** Clashes between groups. */
  | 'CLASH'
  /** A coup attempt. */
  | 'COUP_ATTEMPT'
  /** Sending troops. */
  | 'DEPLOYMENT'
  /** Killings. */
  | 'KILLING'
  /** Looting. */
  | 'LOOTING'
  /** Anything else. */
  | 'OTHER'
  /** Protests or demonstrations. */
  | 'PROTEST'
  /** A request, such as a call for help. */
  | 'REQUEST'
  /** Riots. */
  | 'RIOT'
  /** Seizing a place. */
  | 'SEIZURE'
  /** Shutting something down: airports, the Internet. */
  | 'SHUTDOWN';

/** A page of events. */
export type EventConnection = {
  __typename?: 'EventConnection';
  /** Events on this page. */
  edges: Array<EventEdge>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many events match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/**
 * Events of one time bucket and one group. Without `bucket`, one row per group covers the whole
 * range `from`…`to` (open ends: all time).
 */
export type EventCountRow = {
  __typename?: 'EventCountRow';
  /** The category counted (grouped by CATEGORY); null for events without one, and otherwise. */
  category?: Maybe<EventCategory>;
  /** Events whose date interval lies inside the bucket. */
  count: Scalars['Int']['output'];
  /** Last day of the bucket (YYYY-MM-DD), cut at `to`; null on rows of undated events and without `bucket` or `to`. */
  end?: Maybe<Scalars['String']['output']>;
  /** The country or place counted (grouped by COUNTRY or PLACE); null for events with none known, and otherwise. */
  entity?: Maybe<Entity>;
  /** Events whose date interval overlaps the bucket but is wider than it (a week, month or year): they may or may not have happened in it. */
  overlapping: Scalars['Int']['output'];
  /** First day of the bucket (YYYY-MM-DD), cut at `from`; null on rows of undated events and without `bucket` or `from`. */
  start?: Maybe<Scalars['String']['output']>;
  /** Events without a date (or whose date's basis is excluded); only on rows with neither `start` nor `end` when counting by time. */
  undated: Scalars['Int']['output'];
};

/** Event counts for a chart, with what could not be placed in time said apart. */
export type EventCounts = {
  __typename?: 'EventCounts';
  /** Events that match the filters, each once, whatever its buckets and groups. */
  events: Scalars['Int']['output'];
  /** The counts, one row per bucket and group that has events: at most `first`. */
  rows: Array<EventCountRow>;
  /** True when there were more rows than `first`. */
  truncated: Scalars['Boolean']['output'];
  /** Of these, events without a date (or whose date's basis is excluded). */
  undated: Scalars['Int']['output'];
};

/** An event in a list. */
export type EventEdge = {
  __typename?: 'EventEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The event. */
  node: Event;
};

/** What events are counted per, besides time. */
export type EventGrouping =
  /** The event's category. */
  | 'CATEGORY'
  /** The countries where an event happened (an event in two countries counts in both). */
  | 'COUNTRY'
  /** The places an event happened at directly (OCCURRED_IN). */
  | 'PLACE';

/** An identifier of an entity in another data set, for joining with it. */
export type ExternalId = {
  __typename?: 'ExternalId';
  /** The identifier there, such as "Q35493". */
  id: Scalars['String']['output'];
  /** Always BACKGROUND, with the data set as reference. */
  provenance: Provenance;
  /** The data set: "wikidata". */
  scheme: Scalars['String']['output'];
  /** Where to look it up. */
  url: Scalars['String']['output'];
};

/**
 * A number an article gives, exactly as precise as the article: "more than 2,000" is
 * `lowerBound: 2000, lowerBoundExclusive: true`, "some 70" is `value: 70, approximate: true`,
 * "an unknown number" has neither value nor bounds.
 */
export type Figure = {
  __typename?: 'Figure';
  /** True when the wording is approximate: "some", "about", "dozens". */
  approximate: Scalars['Boolean']['output'];
  /** The primary reporting article (the surest, then the latest); `text` is its wording. */
  article: Article;
  /** How many articles report it. */
  articleCount: Scalars['Int']['output'];
  /** How sure the articles are of it: the strongest certainty any report gives. */
  certainty: Certainty;
  /** Who or what is counted, in the article's words: "security personnel", "people". */
  counts: Scalars['String']['output'];
  /** The event the number belongs to. */
  event?: Maybe<Event>;
  /** The spans that give it, in every reporting article (at most 10). */
  evidence: Array<TextSpan>;
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** The least the number can be, when the article gives a floor ("more than", "at least", "dozens"). */
  lowerBound?: Maybe<Scalars['Int']['output']>;
  /** True when the number is above `lowerBound` rather than at least it ("more than 2,000"). */
  lowerBoundExclusive: Scalars['Boolean']['output'];
  /** What is counted. */
  metric: FigureMetric;
  /** The articles' reports of it: the strongest first, then the latest. */
  reports: Array<Report>;
  /** Who gave the number. */
  source?: Maybe<Entity>;
  /** How many distinct sources (publishing outlets) report it. */
  sourceCount: Scalars['Int']['output'];
  /** The article's own wording of the number: "more than 2,000", "some 70". */
  text: Scalars['String']['output'];
  /** The most the number can be, when the article gives a ceiling. */
  upperBound?: Maybe<Scalars['Int']['output']>;
  /** The number, when the article gives one. */
  value?: Maybe<Scalars['Int']['output']>;
  /** The weakest certainty any report gives (`certainty` is the strongest: corroboration never lowers it). */
  weakestCertainty: Certainty;
};


/**
 * A number an article gives, exactly as precise as the article: "more than 2,000" is
 * `lowerBound: 2000, lowerBoundExclusive: true`, "some 70" is `value: 70, approximate: true`,
 * "an unknown number" has neither value nor bounds.
 */
export type FigureReportsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of figures, in article and text order. */
export type FigureConnection = {
  __typename?: 'FigureConnection';
  /** Figures on this page. */
  edges: Array<FigureEdge>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many figures match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A figure in a list. */
export type FigureEdge = {
  __typename?: 'FigureEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The figure. */
  node: Figure;
};

/** What figure summaries are made per. */
export type FigureGrouping =
  /** The countries where that event happened (a figure of an event in two countries counts in both). */
  | 'COUNTRY'
  /** The event a figure belongs to. */
  | 'EVENT';

/** What a figure counts. */
export type FigureMetric =
  /** People arrested. */
  | 'ARRESTED'
  /** People taken to hospital. */
  | 'HOSPITALIZED'
  /** People injured. */
  | 'INJURED'
  /** People in intensive care. */
  | 'IN_INTENSIVE_CARE'
  /** People killed. */
  | 'KILLED'
  /** Troops, soldiers or peacekeepers sent. */
  | 'TROOPS';

/**
 * The range of numbers several figures give for one thing. A figure gives a `value`, or a floor
 * (`lowerBound`, exclusive for "more than") and/or a ceiling (`upperBound`), or no number at all.
 */
export type FigureRange = {
  __typename?: 'FigureRange';
  /** True when any of the figures is approximate ("some", "about", "dozens"). */
  approximate: Scalars['Boolean']['output'];
  /** The greatest number any figure gives: a value or either bound; null when none gives a number. */
  highest?: Maybe<Scalars['Int']['output']>;
  /** True when `highest` is only a floor ("more than", "at least"): the number may be higher still. */
  highestIsFloor: Scalars['Boolean']['output'];
  /** The least any figure allows: the lowest value or lower bound (ACLED's conservative count); null when none gives one. */
  lowest?: Maybe<Scalars['Int']['output']>;
  /** True when every figure giving `lowest` says more than it ("more than 2,000"). */
  lowestExclusive: Scalars['Boolean']['output'];
  /** How many give no number at all ("an unknown number"). */
  unknown: Scalars['Int']['output'];
};

/** An entity's part in a figure. */
export type FigureRole =
  /** Either. */
  | 'ANY'
  /** The figure counts something of this event: its dead, its arrests, its troops. */
  | 'EVENT'
  /** The entity gave the figure: it is its source. */
  | 'SOURCE';

/** What the figures of one metric say about one event or country. */
export type FigureSummary = {
  __typename?: 'FigureSummary';
  /** How many articles give them. */
  articleCount: Scalars['Int']['output'];
  /** For troop figures of a deployment: the country whose contingent they count (each contingent is its own summary). */
  contingent?: Maybe<Country>;
  /** The country (grouped by COUNTRY); null for figures of events in no known country, and when grouped by event. */
  country?: Maybe<Country>;
  /**
   * Who is counted, in the figures' words ("security personnel", "people"): figures of different
   * populations are summarised apart, never turned into one range.
   */
  counts: Scalars['String']['output'];
  /** The event (grouped by EVENT); null for figures of no event, and when grouped by country. */
  event?: Maybe<Event>;
  /** How many figures. */
  figureCount: Scalars['Int']['output'];
  /** The figures, in article and text order. */
  figures: Array<Figure>;
  /** What is counted. */
  metric: FigureMetric;
  /** The lowest and highest numbers across the figures. */
  range: FigureRange;
  /** How many distinct entities gave them (their sources). */
  sourceCount: Scalars['Int']['output'];
};


/** What the figures of one metric say about one event or country. */
export type FigureSummaryFiguresArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * An edge of a graph view: a relation between two entities, or a claim from its speaker to one of
 * its subjects (one edge per claim and subject: who accused whom).
 */
export type GraphEdge = {
  __typename?: 'GraphEdge';
  /** Where it comes from: claims are always ARTICLE. */
  basis: Basis;
  /** How sure the article is of it (accusations are ALLEGED). */
  certainty: Certainty;
  /** CLAIM edges: the claim's id (`Query.claims` has its quote and evidence); null on relations. */
  claimId?: Maybe<Scalars['ID']['output']>;
  /** CLAIM edges: what kind of claim it is; null on relations. */
  claimKind?: Maybe<ClaimKind>;
  /** Id of the entity the edge points from (a claim's speaker). */
  source: Scalars['ID']['output'];
  /** Id of the entity the edge points to (a claim's subject). */
  target: Scalars['ID']['output'];
  /** The relation type, or CLAIM. */
  type: GraphEdgeType;
};

/** What an edge of a graph view stands for: a relation type, or a claim. */
export type GraphEdgeType =
  /** A claim: from its speaker to one of its subjects (`claimId`, `claimKind`). */
  | 'CLAIM'
  /** A person holds (or held) a position in an organization or country. */
  | 'HOLDS_POSITION'
  /** An organization is led by a person, country or organization. */
  | 'LED_BY'
  /** Something is located in a place or country. */
  | 'LOCATED_IN'
  /** A member of an organization or alliance. */
  | 'MEMBER_OF'
  /** An event happened at a place or in a country. */
  | 'OCCURRED_IN'
  /** An entity took part in an event. */
  | 'PARTICIPATED_IN'
  /** Something is part of a larger organization, place or event. */
  | 'PART_OF'
  /** An event was reported by someone. */
  | 'REPORTED_BY';

/** Counts over the whole graph. */
export type GraphStats = {
  __typename?: 'GraphStats';
  /** Articles loaded. */
  articles: Scalars['Int']['output'];
  /** Claims. */
  claims: Scalars['Int']['output'];
  /**
   * Changes whenever a load changes the graph (an article written or removed), and only then; poll
   * it to know when to refetch. `"initial"` for a graph no load has written.
   */
  dataVersion: Scalars['String']['output'];
  /** Deployments. */
  deployments: Scalars['Int']['output'];
  /** Entities of all kinds. */
  entities: Scalars['Int']['output'];
  /** Entities by kind. */
  entitiesByKind: Array<KindCount>;
  /** Figures. */
  figures: Scalars['Int']['output'];
  /** Relations by type. */
  relationsByType: Array<RelationTypeCount>;
};

/** How many entities of one kind there are. */
export type KindCount = {
  __typename?: 'KindCount';
  /** How many. */
  count: Scalars['Int']['output'];
  /** The kind. */
  kind: EntityKind;
};

/** An organization. */
export type Organization = Entity & {
  __typename?: 'Organization';
  /** Other names the articles use, such as acronyms. */
  aliases: Array<Scalars['String']['output']>;
  /** What kind of organization it is. */
  category?: Maybe<OrganizationCategory>;
  /** Claims this organization made or that are about it. */
  claims: Array<Claim>;
  /** The country it belongs to, through LOCATED_IN or PART_OF relations. */
  country?: Maybe<Country>;
  /** A short description grounded in the articles. */
  description?: Maybe<Scalars['String']['output']>;
  /** Figures that involve this entity, in article and text order: those it gave ("the Interior Ministry said 18 died") and, for an event, those that count it. */
  figures: Array<Figure>;
  /** Stable, readable id. */
  id: Scalars['ID']['output'];
  /** Identifiers in other data sets, such as Wikidata (background knowledge). */
  identifiers: Array<ExternalId>;
  /** Always ORGANIZATION. */
  kind: EntityKind;
  /** Who leads it (a person, a country for "Russia-led", or an organization). */
  ledBy?: Maybe<Entity>;
  /** Every place an article mentions this organization, by article. */
  mentions: Array<TextSpan>;
  /** Canonical name. */
  name: Scalars['String']['output'];
  /** The organization it is part of. */
  parent?: Maybe<Organization>;
  /** Relations to other entities. */
  relations: Array<Relation>;
};


/** An organization. */
export type OrganizationClaimsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<ClaimRole>;
};


/** An organization. */
export type OrganizationCountryArgs = {
  excludeBasis?: InputMaybe<Array<Basis>>;
};


/** An organization. */
export type OrganizationFiguresArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<FigureRole>;
};


/** An organization. */
export type OrganizationMentionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** An organization. */
export type OrganizationRelationsArgs = {
  direction?: InputMaybe<Direction>;
  excludeBasis?: InputMaybe<Array<Basis>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  types?: InputMaybe<Array<RelationType>>;
};

/** Kinds of organization. */
export type OrganizationCategory =
  /** Schools or other educational institutions. */
  | 'EDUCATIONAL'
  /** A national government as a whole. */
  | 'GOVERNMENT'
  /** Another government body. */
  | 'GOVERNMENT_BODY'
  /** A parliament or one of its chambers. */
  | 'LEGISLATURE'
  /** An armed militant or terrorist group (as named by the articles' speakers). */
  | 'MILITANT_GROUP'
  /** Armed forces. */
  | 'MILITARY'
  /** A military alliance. */
  | 'MILITARY_ALLIANCE'
  /** A ministry. */
  | 'MINISTRY'
  /** A political or religious movement. */
  | 'MOVEMENT'
  /** A news outlet or news service. */
  | 'NEWS_MEDIA'
  /** Anything else. */
  | 'OTHER'
  /** A police force. */
  | 'POLICE';

/** A page of organizations. */
export type OrganizationConnection = {
  __typename?: 'OrganizationConnection';
  /** Organizations on this page. */
  edges: Array<OrganizationEdge>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many organizations match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An organization in a list. */
export type OrganizationEdge = {
  __typename?: 'OrganizationEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The organization. */
  node: Organization;
};

/** Relay-style page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last edge; pass it as `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
};

/**
 * A date as precise as the text supports, with the article's own narrowing words, the interval it
 * can mean, and where it comes from (the article's words, or an inference from their context).
 */
export type PartialDate = {
  __typename?: 'PartialDate';
  /** The last day of that interval, inclusive (YYYY-MM-DD): `WEEK 2022-01-03` ends on 2022-01-09. */
  end: Scalars['String']['output'];
  /** The first day the date can mean, as YYYY-MM-DD (for example "2022-01-06"; a WEEK starts on its Monday). */
  iso: Scalars['String']['output'];
  /** How much of `iso` is meant. */
  precision: DatePrecision;
  /** Where the date comes from: ARTICLE (the text gives it) or INFERRED (its context implies it, with a reason). */
  provenance: Provenance;
  /** The article's narrowing words, such as "early", "evening" or "earlier this week". */
  qualifier?: Maybe<Scalars['String']['output']>;
  /** The first day of the interval the date can mean (YYYY-MM-DD): equal to `iso`. */
  start: Scalars['String']['output'];
};

/** Someone's part in an event. */
export type Participant = {
  __typename?: 'Participant';
  /** How many articles report it. */
  articleCount: Scalars['Int']['output'];
  /** How sure the articles are of it: the strongest certainty any report gives. */
  certainty: Certainty;
  /** Who took part. */
  entity: Entity;
  /** The spans that support it, in every reporting article. */
  evidence: Array<TextSpan>;
  /** The articles' reports of it: the strongest first, then the latest. */
  reports: Array<Report>;
  /** Their role, such as "protesters", "requester" or "contingent". */
  role: Scalars['String']['output'];
  /** How many distinct sources (publishing outlets) report it. */
  sourceCount: Scalars['Int']['output'];
  /** The weakest certainty any report gives (`certainty` is the strongest: corroboration never lowers it). */
  weakestCertainty: Certainty;
};


/** Someone's part in an event. */
export type ParticipantReportsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A chain of relations and claims between two entities. */
export type Path = {
  __typename?: 'Path';
  /** The relations and claims along the path, in order. */
  edges: Array<GraphEdge>;
  /** How many edges the path has. */
  length: Scalars['Int']['output'];
  /** The entities along the path, from start to end. */
  nodes: Array<Entity>;
};

/** A person. */
export type Person = Entity & {
  __typename?: 'Person';
  /** Other names the articles use. */
  aliases: Array<Scalars['String']['output']>;
  /** Claims this person made or that are about them. */
  claims: Array<Claim>;
  /** A short description grounded in the articles. */
  description?: Maybe<Scalars['String']['output']>;
  /** Figures that involve this entity, in article and text order: those it gave ("the Interior Ministry said 18 died") and, for an event, those that count it. */
  figures: Array<Figure>;
  /** Stable, readable id. */
  id: Scalars['ID']['output'];
  /** Identifiers in other data sets, such as Wikidata (background knowledge). */
  identifiers: Array<ExternalId>;
  /** Always PERSON. */
  kind: EntityKind;
  /** Every place an article mentions this person, by article. */
  mentions: Array<TextSpan>;
  /** Canonical name. */
  name: Scalars['String']['output'];
  /** Positions the person holds or held. */
  positions: Array<Position>;
  /** Relations to other entities. */
  relations: Array<Relation>;
};


/** A person. */
export type PersonClaimsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<ClaimRole>;
};


/** A person. */
export type PersonFiguresArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<FigureRole>;
};


/** A person. */
export type PersonMentionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A person. */
export type PersonPositionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A person. */
export type PersonRelationsArgs = {
  direction?: InputMaybe<Direction>;
  excludeBasis?: InputMaybe<Array<Basis>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  types?: InputMaybe<Array<RelationType>>;
};

/** A page of people. */
export type PersonConnection = {
  __typename?: 'PersonConnection';
  /** People on this page. */
  edges: Array<PersonEdge>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many people match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A person in a list. */
export type PersonEdge = {
  __typename?: 'PersonEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The person. */
  node: Person;
};

/** A place: a city, town, building or airport. */
export type Place = Entity & {
  __typename?: 'Place';
  /** Other names the articles use. */
  aliases: Array<Scalars['String']['output']>;
  /** What kind of place it is. */
  category?: Maybe<PlaceCategory>;
  /** Claims about this place. */
  claims: Array<Claim>;
  /**
   * Where it is on a map: its own coordinates (BACKGROUND), or else those of the nearest place or
   * country it is in (INFERRED); null when neither is known or allowed.
   */
  coordinates?: Maybe<Coordinates>;
  /** The country it is in, directly or through other places. */
  country?: Maybe<Country>;
  /** A short description grounded in the articles. */
  description?: Maybe<Scalars['String']['output']>;
  /** Events that happened at this place (OCCURRED_IN it directly), by date (undated last), then name. */
  events: Array<Event>;
  /** Figures that involve this entity, in article and text order: those it gave ("the Interior Ministry said 18 died") and, for an event, those that count it. */
  figures: Array<Figure>;
  /** Stable, readable id. */
  id: Scalars['ID']['output'];
  /** Identifiers in other data sets, such as Wikidata (background knowledge). */
  identifiers: Array<ExternalId>;
  /** Always PLACE. */
  kind: EntityKind;
  /** Every place an article mentions this place, by article. */
  mentions: Array<TextSpan>;
  /** Canonical name. */
  name: Scalars['String']['output'];
  /** Relations to other entities. */
  relations: Array<Relation>;
  /** The place it is directly in, such as the city of a building. */
  within?: Maybe<Place>;
};


/** A place: a city, town, building or airport. */
export type PlaceClaimsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<ClaimRole>;
};


/** A place: a city, town, building or airport. */
export type PlaceCoordinatesArgs = {
  excludeBasis?: InputMaybe<Array<Basis>>;
};


/** A place: a city, town, building or airport. */
export type PlaceCountryArgs = {
  excludeBasis?: InputMaybe<Array<Basis>>;
};


/** A place: a city, town, building or airport. */
export type PlaceEventsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A place: a city, town, building or airport. */
export type PlaceFiguresArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<FigureRole>;
};


/** A place: a city, town, building or airport. */
export type PlaceMentionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A place: a city, town, building or airport. */
export type PlaceRelationsArgs = {
  direction?: InputMaybe<Direction>;
  excludeBasis?: InputMaybe<Array<Basis>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  types?: InputMaybe<Array<RelationType>>;
};

/** Kinds of place. */
export type PlaceCategory =
  /** An airport. */
  | 'AIRPORT'
  /** A building, such as a residence or an office. */
  | 'BUILDING'
  /** A city. */
  | 'CITY'
  /** Anything else. */
  | 'OTHER'
  /** A region or province. */
  | 'REGION'
  /** A town. */
  | 'TOWN';

/** A page of places. */
export type PlaceConnection = {
  __typename?: 'PlaceConnection';
  /** Places on this page. */
  edges: Array<PlaceEdge>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many places match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A place in a list. */
export type PlaceEdge = {
  __typename?: 'PlaceEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The place. */
  node: Place;
};

/** A position a person holds or held. */
export type Position = {
  __typename?: 'Position';
  /** How many articles report it. */
  articleCount: Scalars['Int']['output'];
  /** How sure the articles are of it: the strongest certainty any report gives. */
  certainty: Certainty;
  /** The spans that support it, in every reporting article. */
  evidence: Array<TextSpan>;
  /** True when the articles call it former. */
  former: Scalars['Boolean']['output'];
  /** The organization or country the position is in. */
  of: Entity;
  /** The articles' reports of it: the strongest first, then the latest. */
  reports: Array<Report>;
  /** How many distinct sources (publishing outlets) report it. */
  sourceCount: Scalars['Int']['output'];
  /** The title, such as "President" or "Member". */
  title: Scalars['String']['output'];
  /** The weakest certainty any report gives (`certainty` is the strongest: corroboration never lowers it). */
  weakestCertainty: Certainty;
};


/** A position a person holds or held. */
export type PositionReportsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * Where a statement comes from: the article (with its evidence spans), an inference from the
 * article's own context (with the spans it rests on and a reason), or background knowledge (with a
 * reference). Filter with the `excludeBasis` arguments.
 */
export type Provenance = {
  __typename?: 'Provenance';
  /** The kind of source. */
  basis: Basis;
  /** ARTICLE and INFERRED: the article spans it rests on (empty for BACKGROUND). */
  evidence: Array<TextSpan>;
  /** INFERRED: why the article's context supports it, in one line. */
  reason?: Maybe<Scalars['String']['output']>;
  /** BACKGROUND: where it is documented, such as "GeoNames 1526384 (Almaty)". */
  reference?: Maybe<Scalars['String']['output']>;
};

/** Read-only queries over the news knowledge graph. Start with `search`, `entity` or `timeline`. */
export type Query = {
  __typename?: 'Query';
  /** One article by id; null when there is none. */
  article?: Maybe<Article>;
  /** Articles, by id. */
  articles: ArticleConnection;
  /** Claims, optionally by speaker, subject or certainty: the who-accused-whom network. */
  claims: ClaimConnection;
  /** Countries, by name. */
  countries: CountryConnection;
  /** Troop deployments added up per sending and receiving country: how many, how many troops, in which status. */
  deploymentTotals: Array<DeploymentTotal>;
  /** Troop deployments, optionally to one country. */
  deployments: DeploymentConnection;
  /** All entities, by name. */
  entities: EntityConnection;
  /** One entity by id; null when there is none. */
  entity?: Maybe<Entity>;
  /**
   * Events counted by time bucket and/or by country, category or place, for charts. An event's date
   * is an interval (a WEEK-, MONTH- or YEAR-precise date can mean any day in it): an event counts in
   * a bucket (`count`) only when its whole interval lies inside; an event whose interval overlaps the
   * bucket but is wider is counted apart (`overlapping`), never as if it happened there. Undated
   * events are counted apart too (`undated`).
   */
  eventCounts: EventCounts;
  /** Events, by the start of their date (undated events last), then precision (DAY first), then name. */
  events: EventConnection;
  /**
   * What the figures say, per metric and per event or country: the lowest and highest numbers
   * across sources (as ACLED keeps the lowest reported figure), how many sources and articles give
   * them, and the figures themselves.
   */
  figureSummaries: Array<FigureSummary>;
  /** Figures (casualties, arrests, troops), optionally of one metric or event, in article and text order. */
  figures: FigureConnection;
  /**
   * The entities around an entity, reached through relations and claims (a speaker and the subjects of
   * their claims are one step apart), with the edges between them, ready for a graph view.
   */
  neighborhood: Subgraph;
  /** Organizations, by name. */
  organizations: OrganizationConnection;
  /** A shortest chain of relations and claims (speaker to subject, one step each) between two entities; null when there is none. */
  path?: Maybe<Path>;
  /** People, by name. */
  people: PersonConnection;
  /** Places, by name. */
  places: PlaceConnection;
  /** Find entities by name or alias: case- and diacritic-insensitive, partial words ("gulen", "toka"). */
  search: Array<SearchHit>;
  /** Counts for a dashboard's header, and the data version to poll: cached for 5 s at most. */
  stats: GraphStats;
  /** Dated events for a timeline: by the start of their date interval, then precision (DAY first), then name. */
  timeline: Array<Event>;
};


/** Read-only queries over the news knowledge graph. Start with `search`, `entity` or `timeline`. */
export type QueryArticleArgs = {
  id: Scalars['ID']['input'];
};


/** Read-only queries over the news knowledge graph. Start with `search`, `entity` or `timeline`. */
export type QueryArticlesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read-only queries over the news knowledge graph. Start with `search`, `entity` or `timeline`. */
export type QueryClaimsArgs = {
  aboutId?: InputMaybe<Scalars['ID']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  certainty?: InputMaybe<Certainty>;
  first?: InputMaybe<Scalars['Int']['input']>;
  speakerId?: InputMaybe<Scalars['ID']['input']>;
};


/** Read-only queries over the news knowledge graph. Start with `search`, `entity` or `timeline`. */
export type QueryCountriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read-only queries over the news knowledge graph. Start with `search`, `entity` or `timeline`. */
export type QueryDeploymentTotalsArgs = {
  countryId?: InputMaybe<Scalars['ID']['input']>;
  destinationId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read-only queries over the news knowledge graph. Start with `search`, `entity` or `timeline`. */
export type QueryDeploymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  destinationId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read-only queries over the news knowledge graph. Start with `search`, `entity` or `timeline`. */
export type QueryEntitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kinds?: InputMaybe<Array<EntityKind>>;
};


/** Read-only queries over the news knowledge graph. Start with `search`, `entity` or `timeline`. */
export type QueryEntityArgs = {
  id: Scalars['ID']['input'];
};


/** Read-only queries over the news knowledge graph. Start with `search`, `entity` or `timeline`. */
export type QueryEventCountsArgs = {
  bucket?: InputMaybe<TimeBucket>;
  categories?: InputMaybe<Array<EventCategory>>;
  countryId?: InputMaybe<Scalars['ID']['input']>;
  excludeBasis?: InputMaybe<Array<Basis>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['String']['input']>;
  groupBy?: InputMaybe<EventGrouping>;
  to?: InputMaybe<Scalars['String']['input']>;
};


/** Read-only queries over the news knowledge graph. Start with `search`, `entity` or `timeline`. */
export type QueryEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  categories?: InputMaybe<Array<EventCategory>>;
  countryId?: InputMaybe<Scalars['ID']['input']>;
  excludeBasis?: InputMaybe<Array<Basis>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['String']['input']>;
  participantId?: InputMaybe<Scalars['ID']['input']>;
  placeId?: InputMaybe<Scalars['ID']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
};


/** Read-only queries over the news knowledge graph. Start with `search`, `entity` or `timeline`. */
export type QueryFigureSummariesArgs = {
  countryId?: InputMaybe<Scalars['ID']['input']>;
  eventId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  groupBy?: InputMaybe<FigureGrouping>;
  metric?: InputMaybe<FigureMetric>;
};


/** Read-only queries over the news knowledge graph. Start with `search`, `entity` or `timeline`. */
export type QueryFiguresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  eventId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  metric?: InputMaybe<FigureMetric>;
  sourceId?: InputMaybe<Scalars['ID']['input']>;
};


/** Read-only queries over the news knowledge graph. Start with `search`, `entity` or `timeline`. */
export type QueryNeighborhoodArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  excludeBasis?: InputMaybe<Array<Basis>>;
  id: Scalars['ID']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
};


/** Read-only queries over the news knowledge graph. Start with `search`, `entity` or `timeline`. */
export type QueryOrganizationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  categories?: InputMaybe<Array<OrganizationCategory>>;
  countryId?: InputMaybe<Scalars['ID']['input']>;
  excludeBasis?: InputMaybe<Array<Basis>>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read-only queries over the news knowledge graph. Start with `search`, `entity` or `timeline`. */
export type QueryPathArgs = {
  excludeBasis?: InputMaybe<Array<Basis>>;
  from: Scalars['ID']['input'];
  maxLength?: InputMaybe<Scalars['Int']['input']>;
  to: Scalars['ID']['input'];
};


/** Read-only queries over the news knowledge graph. Start with `search`, `entity` or `timeline`. */
export type QueryPeopleArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read-only queries over the news knowledge graph. Start with `search`, `entity` or `timeline`. */
export type QueryPlacesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  categories?: InputMaybe<Array<PlaceCategory>>;
  countryId?: InputMaybe<Scalars['ID']['input']>;
  excludeBasis?: InputMaybe<Array<Basis>>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read-only queries over the news knowledge graph. Start with `search`, `entity` or `timeline`. */
export type QuerySearchArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  kinds?: InputMaybe<Array<EntityKind>>;
  text: Scalars['String']['input'];
};


/** Read-only queries over the news knowledge graph. Start with `search`, `entity` or `timeline`. */
export type QueryTimelineArgs = {
  countryId?: InputMaybe<Scalars['ID']['input']>;
  excludeBasis?: InputMaybe<Array<Basis>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
};

/**
 * A relation between two entities: one relation however many articles state it (each statement is
 * one of its `reports`), or a background fact.
 */
export type Relation = {
  __typename?: 'Relation';
  /** How many articles report it. */
  articleCount: Scalars['Int']['output'];
  /** How sure the articles are of it: the strongest certainty any report gives (STATED for a background fact). */
  certainty: Certainty;
  /** Which way it points, seen from the entity it was asked on. */
  direction: Direction;
  /** The spans that support it, in every reporting article. */
  evidence: Array<TextSpan>;
  /** HOLDS_POSITION: whether the position is a former one. */
  former?: Maybe<Scalars['Boolean']['output']>;
  /** The entity at the other end. */
  other: Entity;
  /** Where it comes from: the article, an inference from its context, or background knowledge. */
  provenance: Provenance;
  /** The articles' reports of it: the strongest first, then the latest. */
  reports: Array<Report>;
  /** PARTICIPATED_IN: the participant's role, such as "protesters". */
  role?: Maybe<Scalars['String']['output']>;
  /** How many distinct sources (publishing outlets) report it. */
  sourceCount: Scalars['Int']['output'];
  /** HOLDS_POSITION: the position's title, such as "President". */
  title?: Maybe<Scalars['String']['output']>;
  /** The relation type. */
  type: RelationType;
  /** The weakest certainty any report gives (`certainty` is the strongest: corroboration never lowers it). */
  weakestCertainty: Certainty;
};


/**
 * A relation between two entities: one relation however many articles state it (each statement is
 * one of its `reports`), or a background fact.
 */
export type RelationReportsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** The types of relation between entities. */
export type RelationType =
  /** A person holds (or held) a position in an organization or country. */
  | 'HOLDS_POSITION'
  /** An organization is led by a person, country or organization. */
  | 'LED_BY'
  /** Something is located in a place or country. */
  | 'LOCATED_IN'
  /** A member of an organization or alliance. */
  | 'MEMBER_OF'
  /** An event happened at a place or in a country. */
  | 'OCCURRED_IN'
  /** An entity took part in an event. */
  | 'PARTICIPATED_IN'
  /** Something is part of a larger organization, place or event. */
  | 'PART_OF'
  /** An event was reported by someone. */
  | 'REPORTED_BY';

/** How many relations of one type there are. */
export type RelationTypeCount = {
  __typename?: 'RelationTypeCount';
  /** How many. */
  count: Scalars['Int']['output'];
  /** The relation type. */
  type: RelationType;
};

/**
 * One article's report of a fact: how that article states it. A fact (an event, a relation, a
 * figure, a claim, a deployment) is one node or edge however many articles report it; each report
 * keeps that article's certainty, evidence and date.
 */
export type Report = {
  __typename?: 'Report';
  /** The reporting article. */
  article: Article;
  /** How sure this article is of the fact. */
  certainty: Certainty;
  /** The date this article gives (events, claims and deployments), as precisely as it says it. */
  date?: Maybe<PartialDate>;
  /** The spans of this article that state the fact. */
  evidence: Array<TextSpan>;
  /** ARTICLE, or INFERRED from this article's context (with its reason and the spans it rests on). */
  provenance: Provenance;
};

/** A search result. */
export type SearchHit = {
  __typename?: 'SearchHit';
  /** The entity found. */
  entity: Entity;
  /** Relevance; higher is better. */
  score: Scalars['Float']['output'];
};

/** Entities and the relations between them, ready for a graph view. */
export type Subgraph = {
  __typename?: 'Subgraph';
  /** The relations and claims between them: at most four per entity (see `edgesTruncated`). */
  edges: Array<GraphEdge>;
  /** True when the view had more edges than it returns. */
  edgesTruncated: Scalars['Boolean']['output'];
  /** The entities. */
  nodes: Array<Entity>;
};

/** A stretch of an article's text that supports a fact: `article.text.slice(start, end) == text`. */
export type TextSpan = {
  __typename?: 'TextSpan';
  /** The article the span is in. */
  article: Article;
  /** Offset just past the last character. */
  end: Scalars['Int']['output'];
  /** Offset of the first character (a JavaScript string index, UTF-16 code units). */
  start: Scalars['Int']['output'];
  /** The exact text of the span. */
  text: Scalars['String']['output'];
};

/** A span of time events are counted by. */
export type TimeBucket =
  /** One calendar day. */
  | 'DAY'
  /** Seven days from a Monday (ISO week). */
  | 'WEEK';



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Article: ResolverTypeWrapper<ArticleRecord>;
  ArticleConnection: ResolverTypeWrapper<PageRecord<ArticleRecord>>;
  ArticleEdge: ResolverTypeWrapper<Omit<ArticleEdge, 'node'> & { node: ResolversTypes['Article'] }>;
  Basis: Basis;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CacheControlScope: CacheControlScope;
  Certainty: Certainty;
  Claim: ResolverTypeWrapper<ClaimRecord>;
  ClaimConnection: ResolverTypeWrapper<PageRecord<ClaimRecord>>;
  ClaimEdge: ResolverTypeWrapper<Omit<ClaimEdge, 'node'> & { node: ResolversTypes['Claim'] }>;
  ClaimKind: ClaimKind;
  ClaimRole: ClaimRole;
  Coordinates: ResolverTypeWrapper<Omit<Coordinates, 'provenance'> & { provenance: ResolversTypes['Provenance'] }>;
  Country: ResolverTypeWrapper<EntityRecord>;
  CountryConnection: ResolverTypeWrapper<PageRecord<EntityRecord>>;
  CountryEdge: ResolverTypeWrapper<Omit<CountryEdge, 'node'> & { node: ResolversTypes['Country'] }>;
  DatePrecision: DatePrecision;
  Deployment: ResolverTypeWrapper<DeploymentRecord>;
  DeploymentConnection: ResolverTypeWrapper<PageRecord<DeploymentRecord>>;
  DeploymentEdge: ResolverTypeWrapper<Omit<DeploymentEdge, 'node'> & { node: ResolversTypes['Deployment'] }>;
  DeploymentStatus: DeploymentStatus;
  DeploymentStatusCount: ResolverTypeWrapper<DeploymentStatusCount>;
  DeploymentTotal: ResolverTypeWrapper<Omit<DeploymentTotal, 'country' | 'destination'> & { country: ResolversTypes['Country'], destination: ResolversTypes['Country'] }>;
  Direction: Direction;
  Entity: ResolverTypeWrapper<EntityRecord>;
  EntityConnection: ResolverTypeWrapper<PageRecord<EntityRecord>>;
  EntityEdge: ResolverTypeWrapper<Omit<EntityEdge, 'node'> & { node: ResolversTypes['Entity'] }>;
  EntityKind: EntityKind;
  Event: ResolverTypeWrapper<EntityRecord>;
  EventCategory: EventCategory;
  EventConnection: ResolverTypeWrapper<PageRecord<EntityRecord>>;
  EventCountRow: ResolverTypeWrapper<Omit<EventCountRow, 'entity'> & { entity?: Maybe<ResolversTypes['Entity']> }>;
  EventCounts: ResolverTypeWrapper<Omit<EventCounts, 'rows'> & { rows: Array<ResolversTypes['EventCountRow']> }>;
  EventEdge: ResolverTypeWrapper<Omit<EventEdge, 'node'> & { node: ResolversTypes['Event'] }>;
  EventGrouping: EventGrouping;
  ExternalId: ResolverTypeWrapper<Omit<ExternalId, 'provenance'> & { provenance: ResolversTypes['Provenance'] }>;
  Figure: ResolverTypeWrapper<FigureRecord>;
  FigureConnection: ResolverTypeWrapper<PageRecord<FigureRecord>>;
  FigureEdge: ResolverTypeWrapper<Omit<FigureEdge, 'node'> & { node: ResolversTypes['Figure'] }>;
  FigureGrouping: FigureGrouping;
  FigureMetric: FigureMetric;
  FigureRange: ResolverTypeWrapper<FigureRange>;
  FigureRole: FigureRole;
  FigureSummary: ResolverTypeWrapper<Omit<FigureSummary, 'contingent' | 'country' | 'event' | 'figures'> & { contingent?: Maybe<ResolversTypes['Country']>, country?: Maybe<ResolversTypes['Country']>, event?: Maybe<ResolversTypes['Event']>, figures: Array<ResolversTypes['Figure']> }>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  GraphEdge: ResolverTypeWrapper<GraphEdge>;
  GraphEdgeType: GraphEdgeType;
  GraphStats: ResolverTypeWrapper<GraphStatsRecord>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  KindCount: ResolverTypeWrapper<KindCount>;
  Organization: ResolverTypeWrapper<EntityRecord>;
  OrganizationCategory: OrganizationCategory;
  OrganizationConnection: ResolverTypeWrapper<PageRecord<EntityRecord>>;
  OrganizationEdge: ResolverTypeWrapper<Omit<OrganizationEdge, 'node'> & { node: ResolversTypes['Organization'] }>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PartialDate: ResolverTypeWrapper<PartialDateRecord>;
  Participant: ResolverTypeWrapper<RelationRecord>;
  Path: ResolverTypeWrapper<PathRecord>;
  Person: ResolverTypeWrapper<EntityRecord>;
  PersonConnection: ResolverTypeWrapper<PageRecord<EntityRecord>>;
  PersonEdge: ResolverTypeWrapper<Omit<PersonEdge, 'node'> & { node: ResolversTypes['Person'] }>;
  Place: ResolverTypeWrapper<EntityRecord>;
  PlaceCategory: PlaceCategory;
  PlaceConnection: ResolverTypeWrapper<PageRecord<EntityRecord>>;
  PlaceEdge: ResolverTypeWrapper<Omit<PlaceEdge, 'node'> & { node: ResolversTypes['Place'] }>;
  Position: ResolverTypeWrapper<RelationRecord>;
  Provenance: ResolverTypeWrapper<Omit<Provenance, 'evidence'> & { evidence: Array<ResolversTypes['TextSpan']> }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Relation: ResolverTypeWrapper<RelationRecord>;
  RelationType: RelationType;
  RelationTypeCount: ResolverTypeWrapper<RelationTypeCount>;
  Report: ResolverTypeWrapper<ReportRecord>;
  SearchHit: ResolverTypeWrapper<SearchHitRecord>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subgraph: ResolverTypeWrapper<SubgraphRecord>;
  TextSpan: ResolverTypeWrapper<SpanRecord>;
  TimeBucket: TimeBucket;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Article: ArticleRecord;
  ArticleConnection: PageRecord<ArticleRecord>;
  ArticleEdge: Omit<ArticleEdge, 'node'> & { node: ResolversParentTypes['Article'] };
  Boolean: Scalars['Boolean']['output'];
  Claim: ClaimRecord;
  ClaimConnection: PageRecord<ClaimRecord>;
  ClaimEdge: Omit<ClaimEdge, 'node'> & { node: ResolversParentTypes['Claim'] };
  Coordinates: Omit<Coordinates, 'provenance'> & { provenance: ResolversParentTypes['Provenance'] };
  Country: EntityRecord;
  CountryConnection: PageRecord<EntityRecord>;
  CountryEdge: Omit<CountryEdge, 'node'> & { node: ResolversParentTypes['Country'] };
  Deployment: DeploymentRecord;
  DeploymentConnection: PageRecord<DeploymentRecord>;
  DeploymentEdge: Omit<DeploymentEdge, 'node'> & { node: ResolversParentTypes['Deployment'] };
  DeploymentStatusCount: DeploymentStatusCount;
  DeploymentTotal: Omit<DeploymentTotal, 'country' | 'destination'> & { country: ResolversParentTypes['Country'], destination: ResolversParentTypes['Country'] };
  Entity: EntityRecord;
  EntityConnection: PageRecord<EntityRecord>;
  EntityEdge: Omit<EntityEdge, 'node'> & { node: ResolversParentTypes['Entity'] };
  Event: EntityRecord;
  EventConnection: PageRecord<EntityRecord>;
  EventCountRow: Omit<EventCountRow, 'entity'> & { entity?: Maybe<ResolversParentTypes['Entity']> };
  EventCounts: Omit<EventCounts, 'rows'> & { rows: Array<ResolversParentTypes['EventCountRow']> };
  EventEdge: Omit<EventEdge, 'node'> & { node: ResolversParentTypes['Event'] };
  ExternalId: Omit<ExternalId, 'provenance'> & { provenance: ResolversParentTypes['Provenance'] };
  Figure: FigureRecord;
  FigureConnection: PageRecord<FigureRecord>;
  FigureEdge: Omit<FigureEdge, 'node'> & { node: ResolversParentTypes['Figure'] };
  FigureRange: FigureRange;
  FigureSummary: Omit<FigureSummary, 'contingent' | 'country' | 'event' | 'figures'> & { contingent?: Maybe<ResolversParentTypes['Country']>, country?: Maybe<ResolversParentTypes['Country']>, event?: Maybe<ResolversParentTypes['Event']>, figures: Array<ResolversParentTypes['Figure']> };
  Float: Scalars['Float']['output'];
  GraphEdge: GraphEdge;
  GraphStats: GraphStatsRecord;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  KindCount: KindCount;
  Organization: EntityRecord;
  OrganizationConnection: PageRecord<EntityRecord>;
  OrganizationEdge: Omit<OrganizationEdge, 'node'> & { node: ResolversParentTypes['Organization'] };
  PageInfo: PageInfo;
  PartialDate: PartialDateRecord;
  Participant: RelationRecord;
  Path: PathRecord;
  Person: EntityRecord;
  PersonConnection: PageRecord<EntityRecord>;
  PersonEdge: Omit<PersonEdge, 'node'> & { node: ResolversParentTypes['Person'] };
  Place: EntityRecord;
  PlaceConnection: PageRecord<EntityRecord>;
  PlaceEdge: Omit<PlaceEdge, 'node'> & { node: ResolversParentTypes['Place'] };
  Position: RelationRecord;
  Provenance: Omit<Provenance, 'evidence'> & { evidence: Array<ResolversParentTypes['TextSpan']> };
  Query: Record<PropertyKey, never>;
  Relation: RelationRecord;
  RelationTypeCount: RelationTypeCount;
  Report: ReportRecord;
  SearchHit: SearchHitRecord;
  String: Scalars['String']['output'];
  Subgraph: SubgraphRecord;
  TextSpan: SpanRecord;
};

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ArticleResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Article'] = ResolversParentTypes['Article']> = {
  claims?: Resolver<Array<ResolversTypes['Claim']>, ParentType, ContextType, RequireFields<ArticleClaimsArgs, 'first'>>;
  deployments?: Resolver<Array<ResolversTypes['Deployment']>, ParentType, ContextType, RequireFields<ArticleDeploymentsArgs, 'first'>>;
  entities?: Resolver<Array<ResolversTypes['Entity']>, ParentType, ContextType, RequireFields<ArticleEntitiesArgs, 'first'>>;
  figures?: Resolver<Array<ResolversTypes['Figure']>, ParentType, ContextType, RequireFields<ArticleFiguresArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  publishedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ArticleConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ArticleConnection'] = ResolversParentTypes['ArticleConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ArticleEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ArticleEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ArticleEdge'] = ResolversParentTypes['ArticleEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Article'], ParentType, ContextType>;
};

export type ClaimResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Claim'] = ResolversParentTypes['Claim']> = {
  about?: Resolver<Array<ResolversTypes['Entity']>, ParentType, ContextType>;
  article?: Resolver<ResolversTypes['Article'], ParentType, ContextType>;
  articleCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  certainty?: Resolver<ResolversTypes['Certainty'], ParentType, ContextType>;
  date?: Resolver<Maybe<ResolversTypes['PartialDate']>, ParentType, ContextType>;
  datesDisagree?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['TextSpan']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ClaimKind'], ParentType, ContextType>;
  medium?: Resolver<Maybe<ResolversTypes['Entity']>, ParentType, ContextType>;
  mediumProvenance?: Resolver<Maybe<ResolversTypes['Provenance']>, ParentType, ContextType>;
  quote?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reports?: Resolver<Array<ResolversTypes['Report']>, ParentType, ContextType, RequireFields<ClaimReportsArgs, 'first'>>;
  sourceCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  speaker?: Resolver<Maybe<ResolversTypes['Entity']>, ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weakestCertainty?: Resolver<ResolversTypes['Certainty'], ParentType, ContextType>;
};

export type ClaimConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ClaimConnection'] = ResolversParentTypes['ClaimConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ClaimEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClaimEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ClaimEdge'] = ResolversParentTypes['ClaimEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Claim'], ParentType, ContextType>;
};

export type CoordinatesResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Coordinates'] = ResolversParentTypes['Coordinates']> = {
  latitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  longitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  provenance?: Resolver<ResolversTypes['Provenance'], ParentType, ContextType>;
};

export type CountryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Country'] = ResolversParentTypes['Country']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  claims?: Resolver<Array<ResolversTypes['Claim']>, ParentType, ContextType, RequireFields<CountryClaimsArgs, 'first' | 'role'>>;
  coordinates?: Resolver<Maybe<ResolversTypes['Coordinates']>, ParentType, ContextType, RequireFields<CountryCoordinatesArgs, 'excludeBasis'>>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  figures?: Resolver<Array<ResolversTypes['Figure']>, ParentType, ContextType, RequireFields<CountryFiguresArgs, 'first' | 'role'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identifiers?: Resolver<Array<ResolversTypes['ExternalId']>, ParentType, ContextType>;
  isoCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['EntityKind'], ParentType, ContextType>;
  mentions?: Resolver<Array<ResolversTypes['TextSpan']>, ParentType, ContextType, RequireFields<CountryMentionsArgs, 'first'>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  organizations?: Resolver<Array<ResolversTypes['Organization']>, ParentType, ContextType, RequireFields<CountryOrganizationsArgs, 'excludeBasis' | 'first'>>;
  places?: Resolver<Array<ResolversTypes['Place']>, ParentType, ContextType, RequireFields<CountryPlacesArgs, 'excludeBasis' | 'first'>>;
  relations?: Resolver<Array<ResolversTypes['Relation']>, ParentType, ContextType, RequireFields<CountryRelationsArgs, 'direction' | 'excludeBasis' | 'first'>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CountryConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CountryConnection'] = ResolversParentTypes['CountryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CountryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CountryEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CountryEdge'] = ResolversParentTypes['CountryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Country'], ParentType, ContextType>;
};

export type DeploymentResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Deployment'] = ResolversParentTypes['Deployment']> = {
  article?: Resolver<ResolversTypes['Article'], ParentType, ContextType>;
  articleCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  certainty?: Resolver<ResolversTypes['Certainty'], ParentType, ContextType>;
  country?: Resolver<ResolversTypes['Country'], ParentType, ContextType>;
  date?: Resolver<Maybe<ResolversTypes['PartialDate']>, ParentType, ContextType>;
  datesDisagree?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  destination?: Resolver<ResolversTypes['Country'], ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['TextSpan']>, ParentType, ContextType>;
  force?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mission?: Resolver<Maybe<ResolversTypes['Event']>, ParentType, ContextType>;
  reports?: Resolver<Array<ResolversTypes['Report']>, ParentType, ContextType, RequireFields<DeploymentReportsArgs, 'first'>>;
  sourceCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DeploymentStatus'], ParentType, ContextType>;
  troops?: Resolver<Maybe<ResolversTypes['Figure']>, ParentType, ContextType>;
  weakestCertainty?: Resolver<ResolversTypes['Certainty'], ParentType, ContextType>;
};

export type DeploymentConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['DeploymentConnection'] = ResolversParentTypes['DeploymentConnection']> = {
  edges?: Resolver<Array<ResolversTypes['DeploymentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DeploymentEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['DeploymentEdge'] = ResolversParentTypes['DeploymentEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Deployment'], ParentType, ContextType>;
};

export type DeploymentStatusCountResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['DeploymentStatusCount'] = ResolversParentTypes['DeploymentStatusCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DeploymentStatus'], ParentType, ContextType>;
};

export type DeploymentTotalResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['DeploymentTotal'] = ResolversParentTypes['DeploymentTotal']> = {
  country?: Resolver<ResolversTypes['Country'], ParentType, ContextType>;
  deployments?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  destination?: Resolver<ResolversTypes['Country'], ParentType, ContextType>;
  reports?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  statuses?: Resolver<Array<ResolversTypes['DeploymentStatusCount']>, ParentType, ContextType>;
  troops?: Resolver<ResolversTypes['FigureRange'], ParentType, ContextType>;
};

export type EntityResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Entity'] = ResolversParentTypes['Entity']> = {
  __resolveType: TypeResolveFn<'Country' | 'Event' | 'Organization' | 'Person' | 'Place', ParentType, ContextType>;
};

export type EntityConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['EntityConnection'] = ResolversParentTypes['EntityConnection']> = {
  edges?: Resolver<Array<ResolversTypes['EntityEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EntityEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['EntityEdge'] = ResolversParentTypes['EntityEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Entity'], ParentType, ContextType>;
};

export type EventResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Event'] = ResolversParentTypes['Event']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  articleCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  category?: Resolver<Maybe<ResolversTypes['EventCategory']>, ParentType, ContextType>;
  certainty?: Resolver<ResolversTypes['Certainty'], ParentType, ContextType>;
  claims?: Resolver<Array<ResolversTypes['Claim']>, ParentType, ContextType, RequireFields<EventClaimsArgs, 'first' | 'role'>>;
  countries?: Resolver<Array<ResolversTypes['Country']>, ParentType, ContextType, RequireFields<EventCountriesArgs, 'first'>>;
  date?: Resolver<Maybe<ResolversTypes['PartialDate']>, ParentType, ContextType>;
  datesDisagree?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['TextSpan']>, ParentType, ContextType, RequireFields<EventEvidenceArgs, 'first'>>;
  figures?: Resolver<Array<ResolversTypes['Figure']>, ParentType, ContextType, RequireFields<EventFiguresArgs, 'first' | 'role'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identifiers?: Resolver<Array<ResolversTypes['ExternalId']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['EntityKind'], ParentType, ContextType>;
  mentions?: Resolver<Array<ResolversTypes['TextSpan']>, ParentType, ContextType, RequireFields<EventMentionsArgs, 'first'>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  partOf?: Resolver<Maybe<ResolversTypes['Event']>, ParentType, ContextType>;
  participants?: Resolver<Array<ResolversTypes['Participant']>, ParentType, ContextType, RequireFields<EventParticipantsArgs, 'first'>>;
  places?: Resolver<Array<ResolversTypes['Place']>, ParentType, ContextType, RequireFields<EventPlacesArgs, 'first'>>;
  relations?: Resolver<Array<ResolversTypes['Relation']>, ParentType, ContextType, RequireFields<EventRelationsArgs, 'direction' | 'excludeBasis' | 'first'>>;
  reportedBy?: Resolver<Array<ResolversTypes['Entity']>, ParentType, ContextType, RequireFields<EventReportedByArgs, 'first'>>;
  reports?: Resolver<Array<ResolversTypes['Report']>, ParentType, ContextType, RequireFields<EventReportsArgs, 'first'>>;
  sourceCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subEvents?: Resolver<Array<ResolversTypes['Event']>, ParentType, ContextType, RequireFields<EventSubEventsArgs, 'first'>>;
  weakestCertainty?: Resolver<ResolversTypes['Certainty'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type EventConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['EventConnection'] = ResolversParentTypes['EventConnection']> = {
  edges?: Resolver<Array<ResolversTypes['EventEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EventCountRowResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['EventCountRow'] = ResolversParentTypes['EventCountRow']> = {
  category?: Resolver<Maybe<ResolversTypes['EventCategory']>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  end?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  entity?: Resolver<Maybe<ResolversTypes['Entity']>, ParentType, ContextType>;
  overlapping?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  start?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  undated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EventCountsResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['EventCounts'] = ResolversParentTypes['EventCounts']> = {
  events?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['EventCountRow']>, ParentType, ContextType>;
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  undated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EventEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['EventEdge'] = ResolversParentTypes['EventEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Event'], ParentType, ContextType>;
};

export type ExternalIdResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ExternalId'] = ResolversParentTypes['ExternalId']> = {
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provenance?: Resolver<ResolversTypes['Provenance'], ParentType, ContextType>;
  scheme?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type FigureResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Figure'] = ResolversParentTypes['Figure']> = {
  approximate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  article?: Resolver<ResolversTypes['Article'], ParentType, ContextType>;
  articleCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  certainty?: Resolver<ResolversTypes['Certainty'], ParentType, ContextType>;
  counts?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  event?: Resolver<Maybe<ResolversTypes['Event']>, ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['TextSpan']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lowerBound?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  lowerBoundExclusive?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['FigureMetric'], ParentType, ContextType>;
  reports?: Resolver<Array<ResolversTypes['Report']>, ParentType, ContextType, RequireFields<FigureReportsArgs, 'first'>>;
  source?: Resolver<Maybe<ResolversTypes['Entity']>, ParentType, ContextType>;
  sourceCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  upperBound?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  weakestCertainty?: Resolver<ResolversTypes['Certainty'], ParentType, ContextType>;
};

export type FigureConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['FigureConnection'] = ResolversParentTypes['FigureConnection']> = {
  edges?: Resolver<Array<ResolversTypes['FigureEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FigureEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['FigureEdge'] = ResolversParentTypes['FigureEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
};

export type FigureRangeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['FigureRange'] = ResolversParentTypes['FigureRange']> = {
  approximate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  highest?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  highestIsFloor?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lowest?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  lowestExclusive?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  unknown?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FigureSummaryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['FigureSummary'] = ResolversParentTypes['FigureSummary']> = {
  articleCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  contingent?: Resolver<Maybe<ResolversTypes['Country']>, ParentType, ContextType>;
  country?: Resolver<Maybe<ResolversTypes['Country']>, ParentType, ContextType>;
  counts?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  event?: Resolver<Maybe<ResolversTypes['Event']>, ParentType, ContextType>;
  figureCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  figures?: Resolver<Array<ResolversTypes['Figure']>, ParentType, ContextType, RequireFields<FigureSummaryFiguresArgs, 'first'>>;
  metric?: Resolver<ResolversTypes['FigureMetric'], ParentType, ContextType>;
  range?: Resolver<ResolversTypes['FigureRange'], ParentType, ContextType>;
  sourceCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type GraphEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['GraphEdge'] = ResolversParentTypes['GraphEdge']> = {
  basis?: Resolver<ResolversTypes['Basis'], ParentType, ContextType>;
  certainty?: Resolver<ResolversTypes['Certainty'], ParentType, ContextType>;
  claimId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  claimKind?: Resolver<Maybe<ResolversTypes['ClaimKind']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['GraphEdgeType'], ParentType, ContextType>;
};

export type GraphStatsResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['GraphStats'] = ResolversParentTypes['GraphStats']> = {
  articles?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  claims?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dataVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deployments?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  entities?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  entitiesByKind?: Resolver<Array<ResolversTypes['KindCount']>, ParentType, ContextType>;
  figures?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  relationsByType?: Resolver<Array<ResolversTypes['RelationTypeCount']>, ParentType, ContextType>;
};

export type KindCountResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['KindCount'] = ResolversParentTypes['KindCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['EntityKind'], ParentType, ContextType>;
};

export type OrganizationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Organization'] = ResolversParentTypes['Organization']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  category?: Resolver<Maybe<ResolversTypes['OrganizationCategory']>, ParentType, ContextType>;
  claims?: Resolver<Array<ResolversTypes['Claim']>, ParentType, ContextType, RequireFields<OrganizationClaimsArgs, 'first' | 'role'>>;
  country?: Resolver<Maybe<ResolversTypes['Country']>, ParentType, ContextType, RequireFields<OrganizationCountryArgs, 'excludeBasis'>>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  figures?: Resolver<Array<ResolversTypes['Figure']>, ParentType, ContextType, RequireFields<OrganizationFiguresArgs, 'first' | 'role'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identifiers?: Resolver<Array<ResolversTypes['ExternalId']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['EntityKind'], ParentType, ContextType>;
  ledBy?: Resolver<Maybe<ResolversTypes['Entity']>, ParentType, ContextType>;
  mentions?: Resolver<Array<ResolversTypes['TextSpan']>, ParentType, ContextType, RequireFields<OrganizationMentionsArgs, 'first'>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType>;
  relations?: Resolver<Array<ResolversTypes['Relation']>, ParentType, ContextType, RequireFields<OrganizationRelationsArgs, 'direction' | 'excludeBasis' | 'first'>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type OrganizationConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['OrganizationConnection'] = ResolversParentTypes['OrganizationConnection']> = {
  edges?: Resolver<Array<ResolversTypes['OrganizationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type OrganizationEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['OrganizationEdge'] = ResolversParentTypes['OrganizationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PartialDateResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PartialDate'] = ResolversParentTypes['PartialDate']> = {
  end?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  iso?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  precision?: Resolver<ResolversTypes['DatePrecision'], ParentType, ContextType>;
  provenance?: Resolver<ResolversTypes['Provenance'], ParentType, ContextType>;
  qualifier?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  start?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ParticipantResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Participant'] = ResolversParentTypes['Participant']> = {
  articleCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  certainty?: Resolver<ResolversTypes['Certainty'], ParentType, ContextType>;
  entity?: Resolver<ResolversTypes['Entity'], ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['TextSpan']>, ParentType, ContextType>;
  reports?: Resolver<Array<ResolversTypes['Report']>, ParentType, ContextType, RequireFields<ParticipantReportsArgs, 'first'>>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sourceCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  weakestCertainty?: Resolver<ResolversTypes['Certainty'], ParentType, ContextType>;
};

export type PathResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Path'] = ResolversParentTypes['Path']> = {
  edges?: Resolver<Array<ResolversTypes['GraphEdge']>, ParentType, ContextType>;
  length?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Entity']>, ParentType, ContextType>;
};

export type PersonResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  claims?: Resolver<Array<ResolversTypes['Claim']>, ParentType, ContextType, RequireFields<PersonClaimsArgs, 'first' | 'role'>>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  figures?: Resolver<Array<ResolversTypes['Figure']>, ParentType, ContextType, RequireFields<PersonFiguresArgs, 'first' | 'role'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identifiers?: Resolver<Array<ResolversTypes['ExternalId']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['EntityKind'], ParentType, ContextType>;
  mentions?: Resolver<Array<ResolversTypes['TextSpan']>, ParentType, ContextType, RequireFields<PersonMentionsArgs, 'first'>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  positions?: Resolver<Array<ResolversTypes['Position']>, ParentType, ContextType, RequireFields<PersonPositionsArgs, 'first'>>;
  relations?: Resolver<Array<ResolversTypes['Relation']>, ParentType, ContextType, RequireFields<PersonRelationsArgs, 'direction' | 'excludeBasis' | 'first'>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PersonConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PersonConnection'] = ResolversParentTypes['PersonConnection']> = {
  edges?: Resolver<Array<ResolversTypes['PersonEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PersonEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PersonEdge'] = ResolversParentTypes['PersonEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
};

export type PlaceResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Place'] = ResolversParentTypes['Place']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  category?: Resolver<Maybe<ResolversTypes['PlaceCategory']>, ParentType, ContextType>;
  claims?: Resolver<Array<ResolversTypes['Claim']>, ParentType, ContextType, RequireFields<PlaceClaimsArgs, 'first' | 'role'>>;
  coordinates?: Resolver<Maybe<ResolversTypes['Coordinates']>, ParentType, ContextType, RequireFields<PlaceCoordinatesArgs, 'excludeBasis'>>;
  country?: Resolver<Maybe<ResolversTypes['Country']>, ParentType, ContextType, RequireFields<PlaceCountryArgs, 'excludeBasis'>>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['Event']>, ParentType, ContextType, RequireFields<PlaceEventsArgs, 'first'>>;
  figures?: Resolver<Array<ResolversTypes['Figure']>, ParentType, ContextType, RequireFields<PlaceFiguresArgs, 'first' | 'role'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identifiers?: Resolver<Array<ResolversTypes['ExternalId']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['EntityKind'], ParentType, ContextType>;
  mentions?: Resolver<Array<ResolversTypes['TextSpan']>, ParentType, ContextType, RequireFields<PlaceMentionsArgs, 'first'>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  relations?: Resolver<Array<ResolversTypes['Relation']>, ParentType, ContextType, RequireFields<PlaceRelationsArgs, 'direction' | 'excludeBasis' | 'first'>>;
  within?: Resolver<Maybe<ResolversTypes['Place']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PlaceConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PlaceConnection'] = ResolversParentTypes['PlaceConnection']> = {
  edges?: Resolver<Array<ResolversTypes['PlaceEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PlaceEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PlaceEdge'] = ResolversParentTypes['PlaceEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Place'], ParentType, ContextType>;
};

export type PositionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Position'] = ResolversParentTypes['Position']> = {
  articleCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  certainty?: Resolver<ResolversTypes['Certainty'], ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['TextSpan']>, ParentType, ContextType>;
  former?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  of?: Resolver<ResolversTypes['Entity'], ParentType, ContextType>;
  reports?: Resolver<Array<ResolversTypes['Report']>, ParentType, ContextType, RequireFields<PositionReportsArgs, 'first'>>;
  sourceCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weakestCertainty?: Resolver<ResolversTypes['Certainty'], ParentType, ContextType>;
};

export type ProvenanceResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Provenance'] = ResolversParentTypes['Provenance']> = {
  basis?: Resolver<ResolversTypes['Basis'], ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['TextSpan']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  article?: Resolver<Maybe<ResolversTypes['Article']>, ParentType, ContextType, RequireFields<QueryArticleArgs, 'id'>>;
  articles?: Resolver<ResolversTypes['ArticleConnection'], ParentType, ContextType, RequireFields<QueryArticlesArgs, 'first'>>;
  claims?: Resolver<ResolversTypes['ClaimConnection'], ParentType, ContextType, RequireFields<QueryClaimsArgs, 'first'>>;
  countries?: Resolver<ResolversTypes['CountryConnection'], ParentType, ContextType, RequireFields<QueryCountriesArgs, 'first'>>;
  deploymentTotals?: Resolver<Array<ResolversTypes['DeploymentTotal']>, ParentType, ContextType, RequireFields<QueryDeploymentTotalsArgs, 'first'>>;
  deployments?: Resolver<ResolversTypes['DeploymentConnection'], ParentType, ContextType, RequireFields<QueryDeploymentsArgs, 'first'>>;
  entities?: Resolver<ResolversTypes['EntityConnection'], ParentType, ContextType, RequireFields<QueryEntitiesArgs, 'first'>>;
  entity?: Resolver<Maybe<ResolversTypes['Entity']>, ParentType, ContextType, RequireFields<QueryEntityArgs, 'id'>>;
  eventCounts?: Resolver<ResolversTypes['EventCounts'], ParentType, ContextType, RequireFields<QueryEventCountsArgs, 'excludeBasis' | 'first'>>;
  events?: Resolver<ResolversTypes['EventConnection'], ParentType, ContextType, RequireFields<QueryEventsArgs, 'excludeBasis' | 'first'>>;
  figureSummaries?: Resolver<Array<ResolversTypes['FigureSummary']>, ParentType, ContextType, RequireFields<QueryFigureSummariesArgs, 'first' | 'groupBy'>>;
  figures?: Resolver<ResolversTypes['FigureConnection'], ParentType, ContextType, RequireFields<QueryFiguresArgs, 'first'>>;
  neighborhood?: Resolver<ResolversTypes['Subgraph'], ParentType, ContextType, RequireFields<QueryNeighborhoodArgs, 'depth' | 'excludeBasis' | 'id' | 'limit'>>;
  organizations?: Resolver<ResolversTypes['OrganizationConnection'], ParentType, ContextType, RequireFields<QueryOrganizationsArgs, 'excludeBasis' | 'first'>>;
  path?: Resolver<Maybe<ResolversTypes['Path']>, ParentType, ContextType, RequireFields<QueryPathArgs, 'excludeBasis' | 'from' | 'maxLength' | 'to'>>;
  people?: Resolver<ResolversTypes['PersonConnection'], ParentType, ContextType, RequireFields<QueryPeopleArgs, 'first'>>;
  places?: Resolver<ResolversTypes['PlaceConnection'], ParentType, ContextType, RequireFields<QueryPlacesArgs, 'excludeBasis' | 'first'>>;
  search?: Resolver<Array<ResolversTypes['SearchHit']>, ParentType, ContextType, RequireFields<QuerySearchArgs, 'first' | 'text'>>;
  stats?: Resolver<ResolversTypes['GraphStats'], ParentType, ContextType>;
  timeline?: Resolver<Array<ResolversTypes['Event']>, ParentType, ContextType, RequireFields<QueryTimelineArgs, 'excludeBasis' | 'first'>>;
};

export type RelationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Relation'] = ResolversParentTypes['Relation']> = {
  articleCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  certainty?: Resolver<ResolversTypes['Certainty'], ParentType, ContextType>;
  direction?: Resolver<ResolversTypes['Direction'], ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['TextSpan']>, ParentType, ContextType>;
  former?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  other?: Resolver<ResolversTypes['Entity'], ParentType, ContextType>;
  provenance?: Resolver<ResolversTypes['Provenance'], ParentType, ContextType>;
  reports?: Resolver<Array<ResolversTypes['Report']>, ParentType, ContextType, RequireFields<RelationReportsArgs, 'first'>>;
  role?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sourceCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['RelationType'], ParentType, ContextType>;
  weakestCertainty?: Resolver<ResolversTypes['Certainty'], ParentType, ContextType>;
};

export type RelationTypeCountResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['RelationTypeCount'] = ResolversParentTypes['RelationTypeCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['RelationType'], ParentType, ContextType>;
};

export type ReportResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Report'] = ResolversParentTypes['Report']> = {
  article?: Resolver<ResolversTypes['Article'], ParentType, ContextType>;
  certainty?: Resolver<ResolversTypes['Certainty'], ParentType, ContextType>;
  date?: Resolver<Maybe<ResolversTypes['PartialDate']>, ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['TextSpan']>, ParentType, ContextType>;
  provenance?: Resolver<ResolversTypes['Provenance'], ParentType, ContextType>;
};

export type SearchHitResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SearchHit'] = ResolversParentTypes['SearchHit']> = {
  entity?: Resolver<ResolversTypes['Entity'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type SubgraphResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Subgraph'] = ResolversParentTypes['Subgraph']> = {
  edges?: Resolver<Array<ResolversTypes['GraphEdge']>, ParentType, ContextType>;
  edgesTruncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Entity']>, ParentType, ContextType>;
};

export type TextSpanResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TextSpan'] = ResolversParentTypes['TextSpan']> = {
  article?: Resolver<ResolversTypes['Article'], ParentType, ContextType>;
  end?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = RequestContext> = {
  Article?: ArticleResolvers<ContextType>;
  ArticleConnection?: ArticleConnectionResolvers<ContextType>;
  ArticleEdge?: ArticleEdgeResolvers<ContextType>;
  Claim?: ClaimResolvers<ContextType>;
  ClaimConnection?: ClaimConnectionResolvers<ContextType>;
  ClaimEdge?: ClaimEdgeResolvers<ContextType>;
  Coordinates?: CoordinatesResolvers<ContextType>;
  Country?: CountryResolvers<ContextType>;
  CountryConnection?: CountryConnectionResolvers<ContextType>;
  CountryEdge?: CountryEdgeResolvers<ContextType>;
  Deployment?: DeploymentResolvers<ContextType>;
  DeploymentConnection?: DeploymentConnectionResolvers<ContextType>;
  DeploymentEdge?: DeploymentEdgeResolvers<ContextType>;
  DeploymentStatusCount?: DeploymentStatusCountResolvers<ContextType>;
  DeploymentTotal?: DeploymentTotalResolvers<ContextType>;
  Entity?: EntityResolvers<ContextType>;
  EntityConnection?: EntityConnectionResolvers<ContextType>;
  EntityEdge?: EntityEdgeResolvers<ContextType>;
  Event?: EventResolvers<ContextType>;
  EventConnection?: EventConnectionResolvers<ContextType>;
  EventCountRow?: EventCountRowResolvers<ContextType>;
  EventCounts?: EventCountsResolvers<ContextType>;
  EventEdge?: EventEdgeResolvers<ContextType>;
  ExternalId?: ExternalIdResolvers<ContextType>;
  Figure?: FigureResolvers<ContextType>;
  FigureConnection?: FigureConnectionResolvers<ContextType>;
  FigureEdge?: FigureEdgeResolvers<ContextType>;
  FigureRange?: FigureRangeResolvers<ContextType>;
  FigureSummary?: FigureSummaryResolvers<ContextType>;
  GraphEdge?: GraphEdgeResolvers<ContextType>;
  GraphStats?: GraphStatsResolvers<ContextType>;
  KindCount?: KindCountResolvers<ContextType>;
  Organization?: OrganizationResolvers<ContextType>;
  OrganizationConnection?: OrganizationConnectionResolvers<ContextType>;
  OrganizationEdge?: OrganizationEdgeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PartialDate?: PartialDateResolvers<ContextType>;
  Participant?: ParticipantResolvers<ContextType>;
  Path?: PathResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  PersonConnection?: PersonConnectionResolvers<ContextType>;
  PersonEdge?: PersonEdgeResolvers<ContextType>;
  Place?: PlaceResolvers<ContextType>;
  PlaceConnection?: PlaceConnectionResolvers<ContextType>;
  PlaceEdge?: PlaceEdgeResolvers<ContextType>;
  Position?: PositionResolvers<ContextType>;
  Provenance?: ProvenanceResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Relation?: RelationResolvers<ContextType>;
  RelationTypeCount?: RelationTypeCountResolvers<ContextType>;
  Report?: ReportResolvers<ContextType>;
  SearchHit?: SearchHitResolvers<ContextType>;
  Subgraph?: SubgraphResolvers<ContextType>;
  TextSpan?: TextSpanResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = RequestContext> = {
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
};
