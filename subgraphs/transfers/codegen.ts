import type { CodegenConfig } from '@graphql-codegen/cli';

/** Resolver signatures from this subgraph's SDL, with the parent types the repositories return (mappers). */
const config: CodegenConfig = {
  schema: 'src/schema.graphql',
  generates: {
    'src/generated/resolvers.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../context.ts#TransfersContext',
        scalars: { Date: 'string', DateTime: 'Date' },
        mappers: {
          Transfer: '../transfer/transfer.repository.ts#TransferRow',
          Member: '../resolvers/Member.ts#MemberReference',
          CalendarAdjustment: '@dangvu/subgraph-kit#CalendarAdjustmentRow',
          CalendarAdjustmentPayload: '../calendar/calendar.service.ts#AdjustmentPayload',
        },
      },
    },
  },
  silent: true,
};

export default config;
