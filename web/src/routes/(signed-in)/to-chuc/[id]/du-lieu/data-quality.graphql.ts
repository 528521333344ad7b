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
