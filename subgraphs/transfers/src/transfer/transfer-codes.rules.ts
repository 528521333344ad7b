/**
 * Dossier codes and letter numbers (docs/rules/transfers.md#dossier-codes-and-letter-numbers): the sending
 * organization's code (unique in the platform), the year and a sequence of that organization's register, so a
 * code is unique nationally and can be read over the phone.
 */
export const dossierCode = (orgCode: string, year: number, sequence: number) => `${orgCode}-${year}-${String(sequence).padStart(4, '0')}`;

/** A letter number from the issuing committee's register for the year, e.g. "07-GGT/NB.1/2026". */
export const letterNumber = (issuerCode: string, year: number, sequence: number) => `${String(sequence).padStart(2, '0')}-GGT/${issuerCode}/${year}`;

/** A code as someone typed or read it: without the spaces and with either case. Compared case-insensitively. */
export const normalizedCode = (text: string) => text.replace(/\s+/g, '');
