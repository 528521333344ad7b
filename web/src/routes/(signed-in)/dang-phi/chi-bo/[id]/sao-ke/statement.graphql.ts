import { graphql } from '#lib/graphql/generated/index.ts';

export const PaymentExceptionFields = graphql(`
  fragment PaymentExceptionFields on DuesPaymentException {
    id
    kind
    bookedOn
    amount
    narrative
    reference
    paymentCode
    expectedAmount
    organization {
      id
      name
    }
    member {
      id
      fullName
      duesMonths {
        month
        amount
        status
      }
    }
  }
`);

export const PaymentExceptionsQuery = graphql(`
  query PaymentExceptions($id: ID!) {
    organization(id: $id) {
      id
      name
      duesPaymentExceptions {
        ...PaymentExceptionFields
      }
    }
  }
`);

export const StartBankStatementUploadMutation = graphql(`
  mutation StartBankStatementUpload($input: StartBankStatementUploadInput!) {
    startBankStatementUpload(input: $input) {
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

export const ImportBankStatementMutation = graphql(`
  mutation ImportBankStatement($input: ImportBankStatementInput!) {
    importBankStatement(input: $input) {
      statementImport {
        fileName
        creditLines
        newLines
        matched
        exceptionCount
        alreadySeen
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

export const ResolvePaymentExceptionMutation = graphql(`
  mutation ResolvePaymentException($input: ResolveDuesPaymentExceptionInput!) {
    resolveDuesPaymentException(input: $input) {
      exception {
        id
        resolution
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
