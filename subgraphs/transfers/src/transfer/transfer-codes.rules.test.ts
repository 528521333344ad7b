import { describe, expect, it } from 'vitest';
import { dossierCode, letterNumber, normalizedCode } from './transfer-codes.rules.ts';

describe('codes read aloud', () => {
  it('are the organization’s code, the year and a four-digit sequence', () => {
    expect(dossierCode('NB.1.3', 2026, 42)).toBe('NB.1.3-2026-0042');
    expect(dossierCode('NB.1.3', 2027, 10_001)).toBe('NB.1.3-2027-10001');
  });

  it('number letters from the issuing committee’s register for the year', () => {
    expect(letterNumber('NB.1', 2026, 7)).toBe('07-GGT/NB.1/2026');
  });

  it('forgive the spaces of a code typed from the phone', () => {
    expect(normalizedCode(' NB.1.3 - 2026 - 0042 ')).toBe('NB.1.3-2026-0042');
  });
});
