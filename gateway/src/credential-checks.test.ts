import { ANONYMOUS, type Identity } from '@dangvu/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { credentialRequest } from './credential-checks.ts';

const login = (alias = '') => `${alias}login(input: { username: $u, password: $p }) { token }`;
const one = (query: string, variables: Record<string, unknown> = { u: 'bithu.demo', p: 'x' }, identity: Identity = ANONYMOUS) =>
  credentialRequest({ query, variables }, identity);

describe('credentialRequest', () => {
  it('counts one login against the username its variables give', () => {
    expect(one(`mutation ($u: String!, $p: String!) { ${login()} }`, { u: ' BiThu.Demo', p: 'x' })).toEqual({
      kind: 'one',
      field: 'login',
      account: 'account:bithu.demo',
    });
  });

  it('reads a username written into the document, or a whole input given as a variable', () => {
    expect(one('mutation { login(input: { username: "001234567890", password: "x" }) { token } }')).toMatchObject({ account: 'account:001234567890' });
    expect(one('mutation ($i: LoginInput!) { login(input: $i) { token } }', { i: { username: 'quantri.demo', password: 'x' } })).toMatchObject({
      account: 'account:quantri.demo',
    });
    expect(one('mutation ($i: PartnerTokenInput!) { partnerToken(input: $i) { token } }', { i: { clientId: 'C-1', clientSecret: 'x' } })).toMatchObject({
      account: 'partner:c-1',
    });
  });

  it('counts a password change against the signed-in caller', () => {
    const caller = { personId: 'P-1', grants: [], partner: null };
    expect(one('mutation { changePassword(input: { currentPassword: "a", newPassword: "b" }) { __typename } }', {}, caller)).toMatchObject({
      field: 'changePassword',
      account: 'person:p-1',
    });
  });

  it('refuses two logins under aliases', () => {
    expect(one(`mutation ($u: String!, $p: String!) { ${login('a: ')} ${login('b: ')} }`)).toEqual({
      kind: 'refused',
      code: 'ONE_CREDENTIAL_CHECK_PER_REQUEST',
    });
  });

  it('refuses a login beside another credential check, also when hidden in fragments or behind @skip', () => {
    const beside = 'changePassword(input: { currentPassword: "a", newPassword: "b" }) { __typename }';
    const refused = { kind: 'refused', code: 'ONE_CREDENTIAL_CHECK_PER_REQUEST' };
    expect(one(`mutation ($u: String!, $p: String!) { ${login()} ${beside} }`)).toEqual(refused);
    expect(one(`mutation ($u: String!, $p: String!) { ${login()} ...More } fragment More on Mutation { ... on Mutation { ${login('b: ')} } }`)).toEqual(
      refused,
    );
    expect(one(`mutation ($u: String!, $p: String!, $s: Boolean!) { ${login()} b: login(input: { username: $u, password: $p }) @skip(if: $s) { token } }`)).toEqual(
      refused,
    );
  });

  it('refuses any credential check in a batch, even a batch of one', () => {
    const operation = { query: `mutation ($u: String!, $p: String!) { ${login()} }`, variables: { u: 'a', p: 'b' } };
    expect(credentialRequest([operation], ANONYMOUS)).toEqual({ kind: 'refused', code: 'NO_CREDENTIAL_CHECK_IN_BATCH' });
    expect(credentialRequest([{ query: '{ me { id } }' }, operation], ANONYMOUS)).toMatchObject({ kind: 'refused' });
  });

  it('looks only at the operation that runs', () => {
    const document = `mutation A($u: String!, $p: String!) { ${login()} } mutation B($u: String!, $p: String!) { ${login()} }`;
    expect(credentialRequest({ query: document, operationName: 'B', variables: { u: 'a', p: 'b' } }, ANONYMOUS)).toMatchObject({ kind: 'one' });
  });

  it('finds nothing in queries, other mutations, batches without credentials and documents that do not parse', () => {
    expect(one('{ me { id } }')).toEqual({ kind: 'none' });
    expect(one('mutation { startSecondFactor { __typename } }')).toEqual({ kind: 'none' });
    expect(credentialRequest([{ query: '{ me { id } }' }, { query: '{ me { id } }' }], ANONYMOUS)).toEqual({ kind: 'none' });
    expect(one('mutation { login(')).toEqual({ kind: 'none' });
    expect(one('mutation { toString constructor }')).toEqual({ kind: 'none' });
    expect(credentialRequest(undefined, ANONYMOUS)).toEqual({ kind: 'none' });
  });
});
