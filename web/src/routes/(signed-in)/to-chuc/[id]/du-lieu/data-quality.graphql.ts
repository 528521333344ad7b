import { graphql } from '#lib/graphql/generated/index.ts';

export const DataQualityPageQuery = graphql(`
  query DataQualityPage($id: ID!) {
    organization(id: $id) {
      id
      name
      viewerCan {
        importRegister
      }
    }
  }
`);

export const RegisterImportRowFields = graphql(`
  fragment RegisterImportRowFields on RegisterImportRow {
    rowNumber
    kind
    citizenId
    fullName
    birthDate
    member {
      id
      fullName
    }
    changes {
      field
      before
      after
      identity
    }
    errors {
      message
    }
    applied
  }
`);

/**
 * The diff, a group per kind, each its first page (the API's 100 rows): an explicit larger page costs more than
 * the gateway's query-cost limit allows. Approving all covers the rows not shown.
 */
export const RegisterImportQuery = graphql(`
  query RegisterImport($id: ID!) {
    registerImport(id: $id) {
      id
      status
      fileName
      totalRows
      processedRows
      fileErrors {
        message
      }
      counts {
        newRows
        changed
        unchanged
        missing
        duplicates
        invalid
        applied
      }
      newRows: rows(kinds: [NEW]) {
        ...RegisterImportRowFields
      }
      changedRows: rows(kinds: [CHANGED]) {
        ...RegisterImportRowFields
      }
      duplicateRows: rows(kinds: [DUPLICATE]) {
        ...RegisterImportRowFields
      }
      missingRows: rows(kinds: [MISSING]) {
        ...RegisterImportRowFields
      }
      invalidRows: rows(kinds: [INVALID]) {
        ...RegisterImportRowFields
      }
      appliedAt
    }
  }
`);

export const StartRegisterFileUploadMutation = graphql(`
  mutation StartRegisterFileUpload($input: StartRegisterFileUploadInput!) {
    startRegisterFileUpload(input: $input) {
      upload {
        id
        url
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const StartRegisterImportMutation = graphql(`
  mutation StartRegisterImport($input: StartRegisterImportInput!) {
    startRegisterImport(input: $input) {
      registerImport {
        id
      }
      rowErrors {
        rowNumber
        errors {
          message
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ApplyRegisterImportMutation = graphql(`
  mutation ApplyRegisterImport($input: ApplyRegisterImportInput!) {
    applyRegisterImport(input: $input) {
      registerImport {
        id
        status
      }
      appliedRows
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** A reconciliation and its rows to review, a group per kind as for imports (the gateway's query-cost limit). */
export const InsuranceReconciliationQuery = graphql(`
  query InsuranceReconciliation($id: ID!) {
    insuranceReconciliation(id: $id) {
      id
      status
      fileName
      month
      counts {
        changed
        unchanged
        notFound
        applied
      }
      changedRows: rows(kinds: [CHANGED]) {
        ...InsuranceRowFields
      }
      notFoundRows: rows(kinds: [NOT_FOUND]) {
        ...InsuranceRowFields
      }
    }
  }
`);

export const InsuranceRowFields = graphql(`
  fragment InsuranceRowFields on InsuranceReconciliationRow {
    rowNumber
    kind
    citizenId
    member {
      id
      fullName
    }
    insuredSalary
    basisBefore
    duesBefore
    duesAfter
    applied
  }
`);

export const StartInsuranceReconciliationMutation = graphql(`
  mutation StartInsuranceReconciliation($input: StartInsuranceReconciliationInput!) {
    startInsuranceReconciliation(input: $input) {
      reconciliation {
        id
      }
      rowErrors {
        rowNumber
        errors {
          message
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ApplyInsuranceReconciliationMutation = graphql(`
  mutation ApplyInsuranceReconciliation($input: ApplyInsuranceReconciliationInput!) {
    applyInsuranceReconciliation(input: $input) {
      appliedRows
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
