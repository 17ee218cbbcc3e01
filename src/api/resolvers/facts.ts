/** Resolvers of evidence spans and articles; figures, claims and deployments hold their entities. */
import type { Resolvers } from '../../generated/graphql.ts';
import type { RequestContext } from '../context.ts';
import { ARTICLE_FIELD_FACETS } from '../fields.ts';
import { fieldShape } from '../look-ahead.ts';
import { reportsOf } from './entities.ts';

async function requiredArticle(context: RequestContext, id: string) {
  const article = await context.loaders.article.load(id);
  if (!article) throw new Error(`Article ${id} is referenced but missing`);
  return article;
}

export const factResolvers: Resolvers<RequestContext> = {
  TextSpan: {
    article: (span, _args, context) => requiredArticle(context, span.articleId),
  },
  Report: {
    article: (report, _args, context) => requiredArticle(context, report.articleId),
  },
  Figure: {
    article: (figure, _args, context) => requiredArticle(context, figure.articleId),
    reports: reportsOf,
  },
  Claim: {
    article: (claim, _args, context) => requiredArticle(context, claim.articleId),
    reports: reportsOf,
  },
  Deployment: {
    article: (deployment, _args, context) => requiredArticle(context, deployment.articleId),
    reports: reportsOf,
  },
  Article: {
    entities: (article, args, context, info) => context.loaders.articleFacets.load(article.id, ARTICLE_FIELD_FACETS.entities(args, fieldShape(info))),
    figures: (article, args, context, info) => context.loaders.articleFacets.load(article.id, ARTICLE_FIELD_FACETS.figures(args, fieldShape(info))),
    claims: (article, args, context, info) => context.loaders.articleFacets.load(article.id, ARTICLE_FIELD_FACETS.claims(args, fieldShape(info))),
    deployments: (article, args, context, info) =>
      context.loaders.articleFacets.load(article.id, ARTICLE_FIELD_FACETS.deployments(args, fieldShape(info))),
  },
};
