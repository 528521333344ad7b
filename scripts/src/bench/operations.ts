/** The documents the bench sends, each as a signed-in person of the demo data would. */

/** The simplest read: one field of one row, the same in the bare subgraph, in the members subgraph and through the gateway. */
export const ME = '{ me { id fullName } }';

/** The member's home page ("Hồ sơ của tôi", web/src/routes/(signed-in)/ho-so): four subgraphs, five fetches. */
export const HOME_PAGE = `{
  me {
    id fullName gender birthDate citizenId phone residenceAddress residenceCell { id name }
    workplace position joinedOn officialOn cardNumber membershipKind activityStatus hometown ethnicity
    organization { id name parent { name } officers { role fullName } }
    duesStanding { paidThrough unpaidMonths amountOwed currentMonthlyAmount }
    transfers { kind state reason effectiveOn }
  }
}`;

/** A secretary's list of the cell's members with their dues standing and dossiers (the organization page). */
export const CELL_LIST = `{
  me {
    organization {
      members {
        id fullName rosterNumber membershipKind activityStatus
        duesStanding { paidThrough unpaidMonths amountOwed }
        transfers { kind state }
      }
    }
  }
}`;

/**
 * The same list with each member's phone: a personal field, so every member listed gets a "viewed" entry in
 * the audit trail before the answer leaves (docs/rules/personal-data.md#reads-are-recorded).
 */
export const CELL_LIST_WITH_PHONES = CELL_LIST.replace('id fullName rosterNumber', 'id fullName phone rosterNumber');
