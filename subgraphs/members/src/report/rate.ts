/** A share with its parts (docs/rules/reports.md#rates): no value over an empty denominator, rather than 0% or 100%. */
export const rate = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });
