import { describe, expect, it } from 'vitest';
import type { Identity, Role } from './identity.ts';
import { onBehalfConsentError } from './on-behalf.ts';

const CELL = '/p/w/c/';
const holder = (role: Role, orgPath = '/p/w/'): Identity => ({ personId: 'x', grants: [{ role, orgId: 'w', orgPath }], partner: null });

describe('the member’s consent to an on-behalf step', () => {
  it('is not asked of the secretary, deputy or processing officer over the member', () => {
    for (const role of ['SECRETARY', 'DEPUTY_SECRETARY', 'PROCESSING_OFFICER'] as const) expect(onBehalfConsentError(holder(role), CELL, null)).toBeNull();
  });

  it('is required of a support-team member, blank or missing, in Vietnamese', () => {
    for (const consent of [null, undefined, '   ']) {
      expect(onBehalfConsentError(holder('SUPPORT_TEAM'), CELL, consent)).toMatchObject({ code: 'CONSENT_REQUIRED', field: 'memberConsent', message: expect.stringContaining('đồng ý') });
    }
    expect(onBehalfConsentError(holder('SUPPORT_TEAM'), CELL, 'Đồng ý qua điện thoại ngày 01/12/2026')).toBeNull();
  });

  it('is asked of a support-team member whose other role does not reach the member, and bounded for everyone', () => {
    const both: Identity = { personId: 'x', grants: [...holder('SUPPORT_TEAM').grants, ...holder('SECRETARY', '/p/other/').grants], partner: null };
    expect(onBehalfConsentError(both, CELL, '')?.code).toBe('CONSENT_REQUIRED');
    expect(onBehalfConsentError(holder('SECRETARY'), CELL, 'x'.repeat(501))?.code).toBe('TEXT_TOO_LONG');
  });
});
