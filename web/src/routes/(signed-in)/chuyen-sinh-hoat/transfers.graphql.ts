import { graphql } from '#lib/graphql/generated/index.ts';

/** A dossier as a list shows it (the member's own, an inbox, the queue of those sent and not received). */
export const TransferRowFragment = graphql(`
  fragment TransferRow on Transfer {
    id
    code
    kind
    state
    memberName
    fromOrganization {
      id
      name
    }
    destination {
      inSystem
      name
    }
    nextDeadline {
      kind
      dueOn
      overdue
      workingDaysLeft
    }
  }
`);

/**
 * The viewer's own dossiers, and for each organization where their roles are in force what waits on it and
 * what it sent that is not received yet; an organization whose inbox the viewer may not read (a finance
 * member's, an analyst's) answers null there with FORBIDDEN, and the page leaves it out.
 */
export const TransferDeskQuery = graphql(`
  query TransferDesk {
    me {
      id
      transfers {
        ...TransferRow
      }
    }
    viewerCan {
      homeOrganizations {
        id
        name
        transferInbox {
          reason
          escalatedOn
          transfer {
            ...TransferRow
          }
        }
        transfersAwaitingReceipt {
          ...TransferRow
        }
      }
    }
  }
`);

/** One dossier, with everything its page shows; the letter's PDF is fetched only when downloaded. */
export const TransferPageQuery = graphql(`
  query TransferPage($id: ID!) {
    transfer(id: $id) {
      id
      code
      kind
      state
      version
      memberName
      member {
        id
      }
      fromOrganization {
        id
        name
      }
      issuingOrganization {
        id
        name
      }
      issuingRoute
      destination {
        inSystem
        name
        address
        organization {
          id
          name
        }
      }
      reason
      decisionReference
      effectiveOn
      endsOn
      fullTimeStudy
      selfReview
      nextDeadline {
        kind
        dueOn
        overdue
        workingDaysLeft
      }
      availableActions
      viewerActsForMember
      dossierChecks {
        item
        label
        checked
        checkedAt
        checkedBy {
          fullName
        }
      }
      timeline {
        action
        sequence
        fromState
        toState
        at
        actor {
          fullName
        }
        onBehalfOf {
          fullName
        }
        side
        organization {
          name
        }
        note
        signed
      }
      letter {
        number
        issuedOn
        duesPaidThrough
        validUntil
        form
        voidedNumbers
      }
      signaturesValid
      createdAt
    }
  }
`);

export const TransferByCodeQuery = graphql(`
  query TransferByCode($code: String!) {
    transferByCode(code: $code) {
      id
    }
  }
`);

export const TransferLetterPdfQuery = graphql(`
  query TransferLetterPdf($id: ID!) {
    transfer(id: $id) {
      code
      letter {
        number
        pdf
      }
    }
  }
`);

/** What the request form shows: whose request it is, and where they may go (the areas of the tree, and the cells of the one chosen). */
export const TransferRequestQuery = graphql(`
  query TransferRequest($memberId: ID!, $forMember: Boolean!, $area: ID!, $withArea: Boolean!) {
    me @skip(if: $forMember) {
      ...TransferRequester
    }
    member(id: $memberId) @include(if: $forMember) {
      ...TransferRequester
    }
    organizationRoots {
      id
      name
      children {
        id
        name
        type
      }
    }
    area: organization(id: $area) @include(if: $withArea) {
      id
      name
      type
      children {
        id
        name
        type
        children {
          id
          name
          type
        }
      }
    }
  }

  fragment TransferRequester on Member {
    id
    fullName
    organization {
      id
      name
    }
  }
`);

/** The vouchers opening a dossier needs, read as it is sent (each lasts 15 minutes). */
export const TransferVouchersQuery = graphql(`
  query TransferVouchers($memberId: ID!, $forMember: Boolean!, $destination: ID!, $inSystem: Boolean!) {
    me @skip(if: $forMember) {
      transferVoucher
    }
    member(id: $memberId) @include(if: $forMember) {
      transferVoucher
    }
    organization(id: $destination) @include(if: $inSystem) {
      transferVoucher
    }
  }
`);

export const TransferLetterVoucherQuery = graphql(`
  query TransferLetterVoucher($id: ID!) {
    transfer(id: $id) {
      member {
        transferLetterVoucher
      }
    }
  }
`);

export const StartTransferMutation = graphql(`
  mutation StartTransfer($input: StartTransferInput!) {
    startTransfer(input: $input) {
      ...TransferStep
    }
  }

  # What every step answers: the dossier after it, or why it was refused.
  fragment TransferStep on TransferPayload {
    transfer {
      id
      version
      state
    }
    userErrors {
      ...UserErrorFields
    }
  }
`);

export const SubmitTransferMutation = graphql(`
  mutation SubmitTransfer($input: SubmitTransferInput!) {
    submitTransfer(input: $input) {
      ...TransferStep
    }
  }
`);

export const CancelTransferMutation = graphql(`
  mutation CancelTransfer($input: CancelTransferInput!) {
    cancelTransfer(input: $input) {
      ...TransferStep
    }
  }
`);

export const ReviewTransferMutation = graphql(`
  mutation ReviewTransfer($input: ReviewTransferInput!) {
    reviewTransfer(input: $input) {
      ...TransferStep
    }
  }
`);

export const ReturnTransferMutation = graphql(`
  mutation ReturnTransfer($input: ReturnTransferForCompletionInput!) {
    returnTransferForCompletion(input: $input) {
      ...TransferStep
    }
  }
`);

export const RejectTransferMutation = graphql(`
  mutation RejectTransfer($input: RejectTransferInput!) {
    rejectTransfer(input: $input) {
      ...TransferStep
    }
  }
`);

export const IssueTransferLetterMutation = graphql(`
  mutation IssueTransferLetter($input: IssueTransferLetterInput!) {
    issueTransferLetter(input: $input) {
      ...TransferStep
    }
  }
`);

export const HandOverTransferMutation = graphql(`
  mutation HandOverTransfer($input: HandOverTransferDossierInput!) {
    handOverTransferDossier(input: $input) {
      ...TransferStep
    }
  }
`);

export const ReplaceLostLetterMutation = graphql(`
  mutation ReplaceLostLetter($input: ReplaceLostTransferLetterInput!) {
    replaceLostTransferLetter(input: $input) {
      ...TransferStep
    }
  }
`);

export const ReceiveTransferMutation = graphql(`
  mutation ReceiveTransfer($input: ReceiveTransferInput!) {
    receiveTransfer(input: $input) {
      ...TransferStep
    }
  }
`);

export const CheckDossierItemsMutation = graphql(`
  mutation CheckDossierItems($input: CheckTransferDossierItemsInput!) {
    checkTransferDossierItems(input: $input) {
      ...TransferStep
    }
  }
`);

export const AcceptTransferMutation = graphql(`
  mutation AcceptTransfer($input: AcceptTransferInput!) {
    acceptTransfer(input: $input) {
      ...TransferStep
    }
  }
`);

export const RefuseTransferMutation = graphql(`
  mutation RefuseTransfer($input: RefuseTransferInput!) {
    refuseTransfer(input: $input) {
      ...TransferStep
    }
  }
`);

export const RecordExternalReceiptMutation = graphql(`
  mutation RecordExternalReceipt($input: RecordExternalReceiptInput!) {
    recordExternalReceipt(input: $input) {
      ...TransferStep
    }
  }
`);

export const ExtendTemporaryTransferMutation = graphql(`
  mutation ExtendTemporaryTransfer($input: ExtendTemporaryTransferInput!) {
    extendTemporaryTransfer(input: $input) {
      ...TransferStep
    }
  }
`);

export const EndTemporaryTransferMutation = graphql(`
  mutation EndTemporaryTransfer($input: EndTemporaryTransferInput!) {
    endTemporaryTransfer(input: $input) {
      ...TransferStep
    }
  }
`);

export const RecordHandoverMutation = graphql(`
  mutation RecordHandover($input: RecordTransferHandoverInput!) {
    recordTransferHandover(input: $input) {
      ...TransferStep
    }
  }
`);
