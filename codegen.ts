import type { CodegenConfig } from '@graphql-codegen/cli';

/** Generates resolver types from the SDL; `npm test` fails if they are stale. */
const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { ID: 'string' },
        useIndexSignature: false,
        contextType: '../api/context.ts#RequestContext',
        mappers: {
          Entity: '../graph/types.ts#EntityRecord',
          Person: '../graph/types.ts#EntityRecord',
          Organization: '../graph/types.ts#EntityRecord',
          Country: '../graph/types.ts#EntityRecord',
          Place: '../graph/types.ts#EntityRecord',
          Event: '../graph/types.ts#EntityRecord',
          Relation: '../graph/types.ts#RelationRecord',
          Position: '../graph/types.ts#RelationRecord',
          Participant: '../graph/types.ts#RelationRecord',
          TextSpan: '../graph/types.ts#SpanRecord',
          PartialDate: '../graph/types.ts#PartialDateRecord',
          Figure: '../graph/types.ts#FigureRecord',
          Claim: '../graph/types.ts#ClaimRecord',
          Deployment: '../graph/types.ts#DeploymentRecord',
          Article: '../graph/types.ts#ArticleRecord',
          Report: '../graph/types.ts#ReportRecord',
          SearchHit: '../graph/types.ts#SearchHitRecord',
          EntityConnection: '../graph/types.ts#PageRecord<EntityRecord>',
          PersonConnection: '../graph/types.ts#PageRecord<EntityRecord>',
          OrganizationConnection: '../graph/types.ts#PageRecord<EntityRecord>',
          CountryConnection: '../graph/types.ts#PageRecord<EntityRecord>',
          PlaceConnection: '../graph/types.ts#PageRecord<EntityRecord>',
          EventConnection: '../graph/types.ts#PageRecord<EntityRecord>',
          FigureConnection: '../graph/types.ts#PageRecord<FigureRecord>',
          ClaimConnection: '../graph/types.ts#PageRecord<ClaimRecord>',
          DeploymentConnection: '../graph/types.ts#PageRecord<DeploymentRecord>',
          ArticleConnection: '../graph/types.ts#PageRecord<ArticleRecord>',
          Subgraph: '../graph/types.ts#SubgraphRecord',
          Path: '../graph/types.ts#PathRecord',
          GraphStats: '../graph/types.ts#GraphStatsRecord',
        },
      },
    },
    'examples/generated/': {
      documents: ['examples/*.graphql'],
      preset: 'client',
      presetConfig: { persistedDocuments: true, fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { ID: 'string' } },
    },
  },
};

export default config;
