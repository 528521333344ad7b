import { graphql } from '#lib/graphql/generated/index.ts';

export const DuesQuoteQuery = graphql(`
  query DuesQuote($input: DuesQuoteInput!) {
    duesQuote(input: $input) {
      quote {
        month
        amount
        regime
        rule
        calculation
        source
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
