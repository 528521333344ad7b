import { graphql } from '#lib/graphql/generated/index.ts';

/** The month's report of an organization and its children (as they stood `asOf`): each part's figures, one query through the gateway. */
export const MonthlyReportQuery = graphql(`
  query MonthlyReport($id: ID!, $month: YearMonth!, $asOf: Date) {
    organization(id: $id, asOf: $asOf) {
      id
      name
      ...ReportFigures
      children {
        id
        name
        ...ReportFigures
      }
    }
  }

  fragment ReportFigures on Organization {
    ...ReadinessFields
    memberMonthlyFigures(month: $month) {
      frozen
      members
      inScope
      outOfScope {
        reason
        count
      }
      accountsIssued {
        numerator
      }
      accountsActivated {
        numerator
        value
      }
      accountsUsed30Days {
        numerator
        value
      }
      commentsRequested
      commentsAnswered
      commentsOverdue
    }
    duesMonthlyFigures(month: $month) {
      expected
      collectedOnline
      collectedCash
      collectedPrepaid
      collectionRate {
        value
      }
      membersTwoUnpaid
      membersThreeUnpaid
    }
    transferMonthlyFigures(month: $month) {
      official {
        received
        completed
        overdue
        onTime {
          value
        }
      }
      temporary {
        received
        completed
        overdue
        onTime {
          value
        }
      }
    }
  }
`);

/** The report page's organization: where it stands, who may do what, its own report and its subordinates'. */
export const ReportPageQuery = graphql(`
  query ReportPage($id: ID!, $month: YearMonth!) {
    organization(id: $id) {
      id
      name
      parent {
        id
        name
      }
      viewerCan {
        submitMonthlyReport
        seeMonthlyReports
      }
      monthlyReport(month: $month) {
        dueOn
        note
        submittedAt
        late
      }
      laggingUnits(month: $month, first: 10) {
        organization {
          id
          name
        }
        figures {
          accountsActivated {
            value
          }
        }
      }
      subordinateReports(month: $month) {
        organization {
          id
          name
        }
        dueOn
        state
        report {
          submittedAt
        }
      }
    }
  }
`);

/** Six months of the two headline rates, oldest first, for the trend chart. */
export const ReportTrendQuery = graphql(`
  query ReportTrend($id: ID!, $m1: YearMonth!, $m2: YearMonth!, $m3: YearMonth!, $m4: YearMonth!, $m5: YearMonth!, $m6: YearMonth!) {
    organization(id: $id) {
      id
      a1: memberMonthlyFigures(month: $m1) { accountsActivated { value } }
      a2: memberMonthlyFigures(month: $m2) { accountsActivated { value } }
      a3: memberMonthlyFigures(month: $m3) { accountsActivated { value } }
      a4: memberMonthlyFigures(month: $m4) { accountsActivated { value } }
      a5: memberMonthlyFigures(month: $m5) { accountsActivated { value } }
      a6: memberMonthlyFigures(month: $m6) { accountsActivated { value } }
      d1: duesMonthlyFigures(month: $m1) { collectionRate { value } }
      d2: duesMonthlyFigures(month: $m2) { collectionRate { value } }
      d3: duesMonthlyFigures(month: $m3) { collectionRate { value } }
      d4: duesMonthlyFigures(month: $m4) { collectionRate { value } }
      d5: duesMonthlyFigures(month: $m5) { collectionRate { value } }
      d6: duesMonthlyFigures(month: $m6) { collectionRate { value } }
    }
  }
`);

export const SubmitMonthlyReportMutation = graphql(`
  mutation SubmitMonthlyReport($input: SubmitMonthlyReportInput!) {
    submitMonthlyReport(input: $input) {
      report {
        submittedAt
        late
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** Every file taken out is recorded before it is served (docs/rules/reports.md#exports). */
export const RecordReportExportMutation = graphql(`
  mutation RecordReportExport($input: RecordReportExportInput!) {
    recordReportExport(input: $input) {
      recorded
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
