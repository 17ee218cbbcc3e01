/**
 * The annotation format: one JSON file per article under `seed/`, next to the article text, and a
 * registry of known entities (`seed/registry/entities.json`) that articles reference by id.
 * This schema checks each value's shape; `validate.ts` anchors quoted spans and checks what
 * crosses values and files (ids that must exist, spans that must match the text, declarations
 * that must agree). `npm run annotate -- schema` writes it as JSON Schema for editors.
 */
import { MAX_CLAIM_SUBJECTS, MAX_EVIDENCE_SPANS } from '../domain/limits.ts';
import { z } from 'zod';
import {
  ARTICLE_BASES,
  CERTAINTIES,
  DATE_PRECISIONS,
  ORGANIZATION_CATEGORIES,
  PLACE_CATEGORIES,
  EVENT_CATEGORIES,
  RELATION_TYPES,
  FIGURE_METRICS,
  CLAIM_KINDS,
  DEPLOYMENT_STATUSES,
} from '../domain/vocabulary.ts';

const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case kebab-case, such as "kassym-jomart-tokayev"');
const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** Size limits: an annotation is read whole into memory and its values into one transaction. */
export const LIMITS = {
  textCharacters: 200_000,
  nameCharacters: 200,
  descriptionCharacters: 1_000,
  aliasesPerEntity: 20,
  reasonCharacters: 300,
} as const;

/**
 * Invisible and direction-changing characters (zero-width, bidirectional overrides and isolates,
 * other format and control characters, Hangul fillers): a name with one can pass for another, or
 * reorder the text it is shown in.
 */
const HIDDEN_CHARACTER = /[\p{Cc}\p{Cf}\u115F\u1160\u3164\uFFA0]/u;

function refuseHiddenCharacters(value: string, ctx: z.RefinementCtx) {
  const found = HIDDEN_CHARACTER.exec(value);
  if (found) {
    const code = `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    ctx.addIssue({ code: 'custom', message: `holds ${code} at character ${found.index}, an invisible or text-direction control character: remove it` });
  }
}

const visibleText = nonEmpty.superRefine(refuseHiddenCharacters);
const name = visibleText.max(LIMITS.nameCharacters, `must be at most ${LIMITS.nameCharacters} characters`);
const aliases = z
  .array(name)
  .max(LIMITS.aliasesPerEntity, `at most ${LIMITS.aliasesPerEntity} aliases per entity`)
  .default([]);

/** A span of the article text: `text.slice(start, end) === text`. */
export const spanSchema = z.strictObject({
  start: z.int().nonnegative(),
  end: z.int().positive(),
  text: z.string().min(1),
});

/**
 * A span written as the quoted text, like the W3C Web Annotation TextQuoteSelector; the loader
 * finds its offsets. When the text occurs more than once, `occurrence` (1 = first) or a few words
 * of `prefix` (just before) and/or `suffix` (just after) pick one.
 */
export const quoteSchema = z.strictObject({
  quote: z.string().min(1),
  occurrence: z.int().positive().optional(),
  prefix: z.string().min(1).optional(),
  suffix: z.string().min(1).optional(),
});

/** Offsets, a quote with its disambiguator, or a bare string: a quote that occurs once. */
export const spanInputSchema = z.union([spanSchema, quoteSchema, z.string().min(1)]);

export const articleSchema = z.strictObject({
  id,
  title: visibleText,
  /** The article text file, relative to the annotation file. */
  textFile: nonEmpty,
  /** Publication date when known, as "YYYY-MM-DD". */
  publishedAt: z.iso.date().optional(),
  /** The publishing outlet when known. */
  source: nonEmpty.optional(),
  /** "sha256:" and the hex SHA-256 of the text file (without a byte-order mark): an edit of the text is caught even outside any span. */
  textSha256: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'must be "sha256:" and 64 hex digits'),
});

/** What `npm run annotate -- draft` found but cannot decide: for the reviewer only, never loaded. */
const candidatesSchema = z.strictObject({
  people: z.array(z.string()).default([]),
  places: z.array(z.string()).default([]),
  organizations: z.array(z.string()).default([]),
  numbers: z.array(z.strictObject({ text: z.string(), start: z.int(), end: z.int(), near: z.string() })).default([]),
});

const certainty = z.enum(CERTAINTIES);

/**
 * Where an article's statement comes from: the article says it (ARTICLE), or it follows from the
 * article's own context (INFERRED, with a one-line `reason`). BACKGROUND facts live in the
 * background file, never in an article's annotation.
 */
const provenanceFields = {
  basis: z.enum(ARTICLE_BASES).default('ARTICLE'),
  /** INFERRED: why the context supports it, in one line. */
  reason: nonEmpty.max(LIMITS.reasonCharacters, `must be at most ${LIMITS.reasonCharacters} characters`).optional(),
};

/** An INFERRED statement needs a reason, and only an INFERRED one has it. */
function checkReason(value: { basis: string; reason?: string | undefined }, ctx: z.RefinementCtx) {
  if (value.basis === 'INFERRED' && value.reason === undefined) {
    ctx.addIssue({ code: 'custom', message: 'an INFERRED statement needs a one-line "reason"', path: ['reason'] });
  }
  if (value.basis === 'ARTICLE' && value.reason !== undefined) {
    ctx.addIssue({ code: 'custom', message: '"reason" belongs to INFERRED statements; this one is ARTICLE', path: ['reason'] });
  }
}

/** An entity's canonical identity per kind: declared once, the same wherever it is declared. */
const identity = {
  base: {
    id,
    name,
    aliases,
    description: nonEmpty
      .max(LIMITS.descriptionCharacters, `must be at most ${LIMITS.descriptionCharacters} characters`)
      .optional(),
  },
  PERSON: { kind: z.literal('PERSON') },
  ORGANIZATION: { kind: z.literal('ORGANIZATION'), category: z.enum(ORGANIZATION_CATEGORIES) },
  COUNTRY: {
    kind: z.literal('COUNTRY'),
    /** ISO 3166-1 alpha-2: descriptive background data. */
    isoCode: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "KZ"'),
  },
  /** Coordinates are background facts: see the background file. */
  PLACE: { kind: z.literal('PLACE'), category: z.enum(PLACE_CATEGORIES) },
  /** An event's date rests on an article's text, so it is declared in an article, not in the registry. */
  EVENT: { kind: z.literal('EVENT'), category: z.enum(EVENT_CATEGORIES) },
};

/**
 * The fields that make up an entity's identity, compared across declarations. An event's date is
 * not one of them: each article reports its own, and the graph keeps the most precise.
 */
export const IDENTITY_FIELDS = ['kind', 'name', 'description', 'category', 'isoCode'] as const;

/** The registry of known entities (`seed/registry/entities.json`): identity only; mentions belong to articles. */
export const registrySchema = z.strictObject({
  $schema: z.string().optional(),
  entities: z.array(
    z.discriminatedUnion('kind', [
      z.strictObject({ ...identity.base, ...identity.PERSON }),
      z.strictObject({ ...identity.base, ...identity.ORGANIZATION }),
      z.strictObject({ ...identity.base, ...identity.COUNTRY }),
      z.strictObject({ ...identity.base, ...identity.PLACE }),
      z.strictObject({ ...identity.base, ...identity.EVENT }),
    ]),
  ),
});

/**
 * Where a background fact is documented: a Wikidata item ("wikidata:Q35493"), a gazetteer entry
 * ("GeoNames 1526384") or a reviewed data set ("world-countries 5.1.0 (mledoze/countries), latlng of KZ").
 */
const reference = nonEmpty.max(200, 'must be at most 200 characters');
const coordinatesSchema = z.strictObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  reference,
});

/**
 * The background file (`seed/registry/background.json`): well-known facts that no article states,
 * each with its reference, reviewed like code. They apply to entities the graph holds.
 */
export const backgroundSchema = z.strictObject({
  $schema: z.string().optional(),
  entities: z
    .array(
      z.strictObject({
        id,
        /** The entity's Wikidata item, such as "Q35493", for joining other data sets. */
        wikidata: z.string().regex(/^Q[1-9][0-9]*$/, 'must be a Wikidata item id such as "Q35493"').optional(),
        /** Where it is on a map: a place's own coordinates, a country's centroid. */
        coordinates: coordinatesSchema.optional(),
      }),
    )
    .default([]),
  relations: z
    .array(z.strictObject({ type: z.enum(RELATION_TYPES), from: id, to: id, reference }))
    .default([]),
});

/**
 * The schemas that hold spans, built for a span type: `spanInputSchema` for files as written,
 * `spanSchema` for the resolved annotation the writer takes.
 */
function schemasWithSpans<S extends z.ZodType>(span: S) {
  const evidence = z
    .array(span)
    .min(1, 'needs at least one evidence span')
    .max(MAX_EVIDENCE_SPANS, `has more than ${MAX_EVIDENCE_SPANS} evidence spans; cite the clearest ones`);
  const mentions = z.array(span).min(1, 'an entity needs at least one mention in the article');
  /**
   * Ids of known events, deployments or figures that this declaration resembles but is not (see
   * docs/annotating.md, "One story, many reports"): without it, a look-alike is refused at load.
   */
  const distinctFrom = z.array(id).min(1).optional();
  /**
   * A date as precise as the text supports. Its evidence is the spans that give (ARTICLE) or
   * imply (INFERRED) it; an ARTICLE date without evidence rests on the evidence of its fact.
   */
  const partialDate = z
    .strictObject({
      /** The first day the date can mean, as "YYYY-MM-DD" (a WEEK starts on its Monday). */
      iso: z.iso.date(),
      precision: z.enum(DATE_PRECISIONS),
      /** The article's own narrowing words, such as "early", "evening", "earlier this week". */
      qualifier: nonEmpty.optional(),
      ...provenanceFields,
      evidence: evidence.optional(),
    })
    .superRefine((date, ctx) => {
      checkReason(date, ctx);
      if (date.basis === 'INFERRED' && date.evidence === undefined) {
        ctx.addIssue({ code: 'custom', message: 'an INFERRED date needs the "evidence" spans it rests on', path: ['evidence'] });
      }
      if (date.precision === 'WEEK' && new Date(`${date.iso}T00:00:00Z`).getUTCDay() !== 1) {
        ctx.addIssue({ code: 'custom', message: 'a WEEK date starts on its Monday', path: ['iso'] });
      }
      if (date.precision === 'MONTH' && !date.iso.endsWith('-01')) {
        ctx.addIssue({ code: 'custom', message: 'a MONTH date is the first day of its month', path: ['iso'] });
      }
      if (date.precision === 'YEAR' && !date.iso.endsWith('-01-01')) {
        ctx.addIssue({ code: 'custom', message: 'a YEAR date is January 1 of its year', path: ['iso'] });
      }
    });
  const declarations = [
    z.strictObject({ ...identity.base, ...identity.PERSON, mentions }),
    z.strictObject({ ...identity.base, ...identity.ORGANIZATION, mentions }),
    z.strictObject({ ...identity.base, ...identity.COUNTRY, mentions }),
    z.strictObject({ ...identity.base, ...identity.PLACE, mentions }),
    z.strictObject({ ...identity.base, ...identity.EVENT, date: partialDate.optional(), mentions, certainty, evidence, distinctFrom }),
  ] as const;

  const relationSchema = z
    .strictObject({
      type: z.enum(RELATION_TYPES),
      from: id,
      to: id,
      /** HOLDS_POSITION: the position's title, such as "President". */
      title: visibleText.optional(),
      /** HOLDS_POSITION: true when the article says "former". */
      former: z.boolean().optional(),
      /** PARTICIPATED_IN: the participant's role, such as "protesters" or "requester". */
      role: nonEmpty.optional(),
      ...provenanceFields,
      certainty,
      evidence,
    })
    .superRefine((relation, ctx) => {
      checkReason(relation, ctx);
      if (relation.type === 'HOLDS_POSITION' && (relation.title === undefined || relation.former === undefined)) {
        ctx.addIssue({ code: 'custom', message: 'HOLDS_POSITION needs "title" and "former"' });
      }
      if (relation.type === 'PARTICIPATED_IN' && relation.role === undefined) {
        ctx.addIssue({ code: 'custom', message: 'PARTICIPATED_IN needs "role"', path: ['role'] });
      }
      if (relation.type !== 'HOLDS_POSITION' && (relation.title !== undefined || relation.former !== undefined)) {
        ctx.addIssue({ code: 'custom', message: '"title" and "former" belong to HOLDS_POSITION only' });
      }
      if (relation.type !== 'PARTICIPATED_IN' && relation.role !== undefined) {
        ctx.addIssue({ code: 'custom', message: '"role" belongs to PARTICIPATED_IN only', path: ['role'] });
      }
    });

  /**
   * Figures, claims and deployments are facts shared by the articles that report them: one
   * article declares a fact in full (its identity fields), others may declare it identically or
   * reference it by id with their own report (wording, certainty, evidence, date).
   */
  const figureIdentity = {
    id,
    metric: z.enum(FIGURE_METRICS),
    /** Who or what is counted, in the article's words: "security personnel", "people". */
    counts: nonEmpty,
    value: z.int().nonnegative().optional(),
    lowerBound: z.int().nonnegative().optional(),
    /** True when the wording excludes the bound itself: "more than 2,000". */
    lowerBoundExclusive: z.boolean().default(false),
    upperBound: z.int().nonnegative().optional(),
    approximate: z.boolean(),
    eventId: id.optional(),
    sourceId: id.optional(),
    distinctFrom,
  };
  const figureReport = {
    /** The article's own wording of the number: "more than 2,000", "some 70", "dozens". */
    text: nonEmpty,
    certainty,
    evidence,
  };
  const figureSchema = z
    .strictObject({ ...figureIdentity, ...figureReport })
    .superRefine((figure, ctx) => {
      const hasBounds = figure.lowerBound !== undefined || figure.upperBound !== undefined;
      if (figure.value !== undefined && hasBounds) {
        ctx.addIssue({ code: 'custom', message: 'a figure has either "value" or bounds, not both', path: ['value'] });
      }
      if (figure.lowerBound !== undefined && figure.upperBound !== undefined && figure.lowerBound > figure.upperBound) {
        ctx.addIssue({ code: 'custom', message: '"lowerBound" is above "upperBound"', path: ['lowerBound'] });
      }
      if (figure.lowerBoundExclusive && figure.lowerBound === undefined) {
        ctx.addIssue({ code: 'custom', message: '"lowerBoundExclusive" needs "lowerBound"', path: ['lowerBoundExclusive'] });
      }
    });
  /** Another article's figure reported here: the same number from the same source. */
  const figureReference = z.strictObject({ id, ...figureReport });

  const claimIdentity = {
    id,
    kind: z.enum(CLAIM_KINDS),
    summary: nonEmpty,
    speakerId: id,
    aboutIds: z
      .array(id)
      .min(1, 'a claim is about at least one entity')
      .max(MAX_CLAIM_SUBJECTS, `a claim is about at most ${MAX_CLAIM_SUBJECTS} entities`),
  };
  const claimReport = {
    /** Verbatim from the article, so it must occur in its text. */
    quote: nonEmpty,
    /** Where it was said: a news outlet, a broadcast. */
    mediumId: id.optional(),
    date: partialDate.optional(),
    /**
     * The article says this claim comes from the same statement as another one ("According to
     * him", "said he"): it shares that claim's medium and date, as INFERRED, resting on `evidence`.
     */
    sameStatementAs: z.strictObject({ claimId: id, evidence }).optional(),
    certainty,
    evidence,
  };
  const claimSchema = z.strictObject({ ...claimIdentity, ...claimReport });
  /** Another article's claim reported here: the same statement by the same speaker. */
  const claimReference = z.strictObject({ id, ...claimReport });

  const deploymentIdentity = {
    id,
    countryId: id,
    destinationId: id,
    /** The article's word for the force: "paratroopers", "peacekeepers", "troops". */
    force: nonEmpty,
    missionId: id.optional(),
    distinctFrom,
  };
  const deploymentReport = {
    troopsFigureId: id.optional(),
    status: z.enum(DEPLOYMENT_STATUSES),
    date: partialDate.optional(),
    certainty,
    evidence,
  };
  const deploymentSchema = z.strictObject({ ...deploymentIdentity, ...deploymentReport });
  /** Another article's deployment reported here: the same contingent. */
  const deploymentReference = z.strictObject({ id, ...deploymentReport });

  /** A known entity (from the registry or another article) used here: its mentions, and aliases this article uses. */
  const reference = z.strictObject({
    kind: z.undefined().optional(),
    id,
    aliases,
    mentions,
    /** An EVENT reference says how this article states the event, and may give its own date. */
    certainty: certainty.optional(),
    evidence: evidence.optional(),
    date: partialDate.optional(),
  });
  /** An entity declared in full, or a reference to a known one (no "kind"). */
  const entity = z.discriminatedUnion('kind', [...declarations, reference]);
  const annotation = z.strictObject({
    $schema: z.string().optional(),
    /** Set by `npm run annotate -- draft`; the loader refuses the file until a reviewer deletes it. */
    draft: z.literal(true).optional(),
    candidates: candidatesSchema.optional(),
    article: articleSchema,
    entities: z.array(entity).min(1),
    relations: z.array(relationSchema).default([]),
    figures: z.array(z.union([figureSchema, figureReference])).default([]),
    claims: z.array(z.union([claimSchema, claimReference])).default([]),
    deployments: z.array(z.union([deploymentSchema, deploymentReference])).default([]),
  });
  return { declaration: z.discriminatedUnion('kind', [...declarations]), entity, partialDate, relationSchema, figureSchema, claimSchema, deploymentSchema, annotation };
}

/**
 * The key whose presence makes a fact a full declaration rather than a reference: a union's
 * errors are reported for the branch the value meant.
 */
export const DECLARATION_KEYS = { figures: 'metric', claims: 'kind', deployments: 'countryId' } as const;

/** Annotation files as written: spans may be quotes, entities may be references. */
export const annotationInputSchema = schemasWithSpans(spanInputSchema).annotation;
const resolved = schemasWithSpans(spanSchema);
/** The resolved form: offsets only, every entity declared in full (as the seed is written). */
export const annotationSchema = resolved.annotation.extend({
  entities: z.array(resolved.declaration).min(1),
  figures: z.array(resolved.figureSchema).default([]),
  claims: z.array(resolved.claimSchema).default([]),
  deployments: z.array(resolved.deploymentSchema).default([]),
});

export type AnnotationInput = z.infer<typeof annotationInputSchema>;
/** An annotation as written whose facts are all declared in full, as a draft writes them. */
export type DeclaredAnnotationInput = Omit<AnnotationInput, 'figures' | 'claims' | 'deployments'> & {
  figures: Extract<AnnotationInput['figures'][number], { metric: unknown }>[];
  claims: Extract<AnnotationInput['claims'][number], { kind: unknown }>[];
  deployments: Extract<AnnotationInput['deployments'][number], { countryId: unknown }>[];
};
export type EntityInput = AnnotationInput['entities'][number];
export type SpanInput = z.infer<typeof spanInputSchema>;
export type Registry = z.infer<typeof registrySchema>;
export type Background = z.infer<typeof backgroundSchema>;
export type RegisteredEntity = Registry['entities'][number];

/** The resolved form the writer takes: every span has offsets, every entity its full declaration. */
export type Span = z.infer<typeof spanSchema>;
export type PartialDate = z.infer<typeof resolved.partialDate>;
export type AnnotatedEntity = z.infer<typeof resolved.declaration>;
export type AnnotatedRelation = z.infer<typeof resolved.relationSchema>;
export type AnnotatedFigure = z.infer<typeof resolved.figureSchema>;
export type AnnotatedClaim = z.infer<typeof resolved.claimSchema>;
export type AnnotatedDeployment = z.infer<typeof resolved.deploymentSchema>;
export type Annotation = Omit<z.infer<typeof annotationSchema>, '$schema' | 'draft' | 'candidates'>;
/** An annotation whose spans have offsets but whose references are not resolved yet. */
export type AnchoredAnnotation = z.infer<typeof resolved.annotation>;
/** The collections of facts that articles share by id. */
export type FactCollection = keyof typeof DECLARATION_KEYS;
export type AnnotatedFact = Annotation[FactCollection][number];
/** The fields of a fact that make it the same fact in every article; the rest is one article's report. */
export const FACT_IDENTITY_FIELDS = {
  figures: ['metric', 'counts', 'value', 'lowerBound', 'lowerBoundExclusive', 'upperBound', 'approximate', 'eventId', 'sourceId'],
  claims: ['kind', 'summary', 'speakerId', 'aboutIds'],
  deployments: ['countryId', 'destinationId', 'force', 'missionId'],
} as const satisfies Record<FactCollection, readonly string[]>;
