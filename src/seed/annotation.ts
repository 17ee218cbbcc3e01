/**
 * The annotation format: one JSON file per article under `seed/`, next to the article text.
 * This schema checks each value's shape; `validate.ts` checks what crosses values
 * (ids that must exist, spans that must match the text).
 */
import { z } from 'zod';
import {
  ENTITY_KINDS,
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

/** A span of the article text: `text.slice(start, end) === text`. */
export const spanSchema = z.strictObject({
  start: z.int().nonnegative(),
  end: z.int().positive(),
  text: z.string().min(1),
});

const evidence = z.array(spanSchema).min(1, 'needs at least one evidence span');
const certainty = z.enum(CERTAINTIES);

export const partialDateSchema = z.strictObject({
  /** The first day the date can mean, as "YYYY-MM-DD". */
  iso: z.iso.date(),
  precision: z.enum(DATE_PRECISIONS),
  /** The article's own narrowing words, such as "early", "evening", "earlier this week". */
  qualifier: nonEmpty.optional(),
});

const entityBase = {
  id,
  name: nonEmpty,
  aliases: z.array(nonEmpty).default([]),
  description: nonEmpty.optional(),
  mentions: z.array(spanSchema).min(1, 'an entity needs at least one mention in the article'),
};

export const entitySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('PERSON'), ...entityBase }),
  z.strictObject({ kind: z.literal('ORGANIZATION'), ...entityBase, category: z.enum(ORGANIZATION_CATEGORIES) }),
  z.strictObject({
    kind: z.literal('COUNTRY'),
    ...entityBase,
    /** ISO 3166-1 alpha-2: descriptive background data. */
    isoCode: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "KZ"'),
  }),
  z.strictObject({
    kind: z.literal('PLACE'),
    ...entityBase,
    category: z.enum(PLACE_CATEGORIES),
    /** Well-known coordinates: descriptive background data, not from the article. */
    coordinates: z
      .strictObject({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
      .optional(),
  }),
  z.strictObject({
    kind: z.literal('EVENT'),
    ...entityBase,
    category: z.enum(EVENT_CATEGORIES),
    date: partialDateSchema.optional(),
    certainty,
    evidence,
  }),
]);

export const relationSchema = z
  .strictObject({
    type: z.enum(RELATION_TYPES),
    from: id,
    to: id,
    /** HOLDS_POSITION: the position's title, such as "President". */
    title: nonEmpty.optional(),
    /** HOLDS_POSITION: true when the article says "former". */
    former: z.boolean().optional(),
    /** PARTICIPATED_IN: the participant's role, such as "protesters" or "requester". */
    role: nonEmpty.optional(),
    certainty,
    evidence,
  })
  .superRefine((relation, ctx) => {
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

export const figureSchema = z
  .strictObject({
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
    /** The article's own wording of the number: "more than 2,000", "some 70", "dozens". */
    text: nonEmpty,
    eventId: id.optional(),
    sourceId: id.optional(),
    certainty,
    evidence,
  })
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

export const claimSchema = z.strictObject({
  id,
  kind: z.enum(CLAIM_KINDS),
  summary: nonEmpty,
  /** Verbatim from the article, so it must occur in its text. */
  quote: nonEmpty,
  speakerId: id,
  /** Where it was said: a news outlet, a broadcast. */
  mediumId: id.optional(),
  date: partialDateSchema.optional(),
  aboutIds: z.array(id).min(1, 'a claim is about at least one entity'),
  certainty,
  evidence,
});

export const deploymentSchema = z.strictObject({
  id,
  countryId: id,
  destinationId: id,
  /** The article's word for the force: "paratroopers", "peacekeepers", "troops". */
  force: nonEmpty,
  troopsFigureId: id.optional(),
  status: z.enum(DEPLOYMENT_STATUSES),
  date: partialDateSchema.optional(),
  missionId: id.optional(),
  certainty,
  evidence,
});

export const articleSchema = z.strictObject({
  id,
  title: nonEmpty,
  /** The article text file, relative to the annotation file. */
  textFile: nonEmpty,
  /** Publication date when known, as "YYYY-MM-DD". */
  publishedAt: z.iso.date().optional(),
  /** The publishing outlet when known. */
  source: nonEmpty.optional(),
});

export const annotationSchema = z.strictObject({
  article: articleSchema,
  entities: z.array(entitySchema).min(1),
  relations: z.array(relationSchema).default([]),
  figures: z.array(figureSchema).default([]),
  claims: z.array(claimSchema).default([]),
  deployments: z.array(deploymentSchema).default([]),
});

export type Span = z.infer<typeof spanSchema>;
export type PartialDate = z.infer<typeof partialDateSchema>;
export type AnnotatedEntity = z.infer<typeof entitySchema>;
export type AnnotatedRelation = z.infer<typeof relationSchema>;
export type AnnotatedFigure = z.infer<typeof figureSchema>;
export type AnnotatedClaim = z.infer<typeof claimSchema>;
export type AnnotatedDeployment = z.infer<typeof deploymentSchema>;
export type Annotation = z.infer<typeof annotationSchema>;
