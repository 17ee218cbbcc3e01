/** Resolvers of figures, claims, deployments, evidence spans and articles. */
import type { Resolvers } from '../../generated/graphql.ts';
import type { RequestContext } from '../context.ts';
import { listFilter } from '../arguments.ts';

/** Resolves an optional entity id to the entity, through the request's loader. */
const entityOrNull = (context: RequestContext, id: string | null) => (id === null ? null : context.loaders.entity.load(id));

/** Like `entityOrNull`, for references the graph guarantees. */
async function requiredEntity(context: RequestContext, id: string) {
  const entity = await context.loaders.entity.load(id);
  if (!entity) throw new Error(`Entity ${id} is referenced but missing`);
  return entity;
}

async function requiredArticle(context: RequestContext, id: string) {
  const article = await context.loaders.article.load(id);
  if (!article) throw new Error(`Article ${id} is referenced but missing`);
  return article;
}

export const factResolvers: Resolvers<RequestContext> = {
  TextSpan: {
    article: (span, _args, context) => requiredArticle(context, span.articleId),
  },
  Figure: {
    event: (figure, _args, context) => entityOrNull(context, figure.eventId),
    source: (figure, _args, context) => entityOrNull(context, figure.sourceId),
    article: (figure, _args, context) => requiredArticle(context, figure.articleId),
  },
  Claim: {
    speaker: (claim, _args, context) => entityOrNull(context, claim.speakerId),
    medium: (claim, _args, context) => entityOrNull(context, claim.mediumId),
    about: async (claim, _args, context) =>
      (await context.loaders.entity.loadMany(claim.aboutIds)).filter(
        (entity): entity is Exclude<typeof entity, null | Error> => entity !== null && !(entity instanceof Error),
      ),
    article: (claim, _args, context) => requiredArticle(context, claim.articleId),
  },
  Deployment: {
    country: (deployment, _args, context) => requiredEntity(context, deployment.countryId),
    destination: (deployment, _args, context) => requiredEntity(context, deployment.destinationId),
    troops: (deployment, _args, context) =>
      deployment.troopsFigureId === null ? null : context.loaders.figure.load(deployment.troopsFigureId),
    mission: (deployment, _args, context) => entityOrNull(context, deployment.missionId),
    article: (deployment, _args, context) => requiredArticle(context, deployment.articleId),
  },
  Article: {
    entities: async (article, args, context) =>
      context.loaders.primeEntities(
        await context.loaders.articleEntities.load({ id: article.id, args: listFilter(args.kinds) }),
      ),
    figures: (article, _args, context) => context.loaders.articleFigures.load(article.id),
    claims: (article, _args, context) => context.loaders.articleClaims.load(article.id),
    deployments: (article, _args, context) => context.loaders.articleDeployments.load(article.id),
  },
};
