import { subgraphCodegen } from '@dangvu/subgraph-kit/codegen';

/** Resolver signatures from this subgraph's SDL, with the parent types the repositories return (mappers). */
export default subgraphCodegen({
  context: '../context.ts#TransfersContext',
  scalars: { Date: 'string', DateTime: 'Date' },
  mappers: {
    Transfer: '../transfer/transfer.repository.ts#TransferRow',
    Member: '../resolvers/Member.ts#MemberReference',
    CalendarAdjustment: '@dangvu/subgraph-kit#CalendarAdjustmentRow',
    CalendarAdjustmentPayload: '../calendar/calendar.service.ts#AdjustmentPayload',
  },
});
