import { subgraphCodegen } from '@dangvu/subgraph-kit/codegen';

/** Resolver signatures from this subgraph's SDL, with the parent types the repositories return (mappers). */
export default subgraphCodegen({
  context: '../context.ts#TransfersContext',
  scalars: { Date: 'string', DateTime: 'Date', YearMonth: 'string' },
  mappers: {
    TransferMonthlyFigures: '../report/transfer-figures.loaders.ts#MonthlyFiguresOfTransfers',
    Transfer: '../transfer/transfer.repository.ts#TransferRow',
    TransferDestination: '../transfer/transfer.repository.ts#TransferRow',
    TransferDeadline: '../transfer/deadlines.rules.ts#Deadline',
    TransferTimelineEntry: '../transfer/transfer-reads.service.ts#TimelineEntry',
    TransferInboxEntry: '../transfer/transfer-reads.service.ts#InboxEntry',
    TransferLetter: '../letter/letter-view.ts#LetterView',
    TransferPayload: '../transfer/transfer.service.ts#StepPayload',
    Member: '../resolvers/Member.ts#MemberReference',
    Organization: '../resolvers/Organization.ts#OrganizationReference',
    CalendarAdjustment: '@dangvu/subgraph-kit#CalendarAdjustmentRow',
    CalendarAdjustmentPayload: '../calendar/calendar.service.ts#AdjustmentPayload',
  },
});
