import { graphql } from '#lib/graphql/generated/index.ts';

/** The month's report of an organization and its children: each part's figures, one query through the gateway. */
export const MonthlyReportQuery = graphql(`
  query MonthlyReport($id: ID!, $month: YearMonth!) {
    organization(id: $id) {
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
