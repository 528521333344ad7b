import { describe, expect, it } from 'vitest';
import { dossierRoute, isIssuer, meetingPoint, onReceivingSide, onSendingSide, parentPath, type OrgFacts, type OrgLine, type OrgType } from './issuing-route.rules.ts';

const org = (path: string, type: OrgType): OrgFacts => {
  const id = path.split('/').at(-2)!;
  return { id, path, type, code: id.toUpperCase(), name: `Tổ chức ${id}` };
};

// A province; two communes; in the first a village cell, a second village cell and an enterprise's grassroots
// committee with two subordinate cells; in the second a village cell; a provincial agency's cell directly under the province.
const province = org('/p/', 'PROVINCIAL');
const commune = org('/p/c1/', 'PROVINCE_SUBORDINATE');
const village = org('/p/c1/v/', 'GRASSROOTS_CELL');
const village2 = org('/p/c1/v2/', 'GRASSROOTS_CELL');
const enterprise = org('/p/c1/e/', 'GRASSROOTS_COMMITTEE');
const weaving = org('/p/c1/e/s1/', 'SUBORDINATE_CELL');
const sewing = org('/p/c1/e/s2/', 'SUBORDINATE_CELL');
const otherCommune = org('/p/c2/', 'PROVINCE_SUBORDINATE');
const otherVillage = org('/p/c2/w/', 'GRASSROOTS_CELL');
const agency = org('/p/g/', 'GRASSROOTS_CELL');

const line = (...orgs: OrgFacts[]): OrgLine => ({ organization: orgs[0]!, above: orgs.slice(1) });

describe('who issues the letter', () => {
  it.each([
    ['a village cell to another commune: the commune committee, its superior', line(village, commune, province), otherVillage.path, 'SUPERIOR', commune, '/p/c2/'],
    ['between the cells of one grassroots committee: the short internal path', line(weaving, enterprise, commune, province), sewing.path, 'INTERNAL', enterprise, sewing.path],
    ['out of a grassroots committee within the commune: the commune', line(weaving, enterprise, commune, province), village.path, 'SUPERIOR', commune, village.path],
    ['between two cells of one commune: the commune', line(village, commune, province), village2.path, 'SUPERIOR', commune, village2.path],
    ['from a grassroots cell directly under the province: the provincial organization commission', line(agency, province), otherVillage.path, 'PROVINCIAL_COMMISSION', province, '/p/c2/'],
    ['to an organization outside the system: the superior all the same', line(village, commune, province), null, 'SUPERIOR', commune, null],
    ['from directly under the province to outside: the commission', line(agency, province), null, 'PROVINCIAL_COMMISSION', province, null],
  ] as const)('%s', (_, origin, destination, route, issuer, receivingRoot) => {
    expect(dossierRoute(origin, destination)).toMatchObject({ route, issuer, receivingRoot });
  });

  it('names the grassroots organization the member leaves', () => {
    expect(dossierRoute(line(weaving, enterprise, commune, province), village.path)).toMatchObject({ grassroots: enterprise });
    expect(dossierRoute(line(village, commune, province), otherVillage.path)).toMatchObject({ grassroots: village });
  });

  it('refuses a member outside a cell, a destination that is their own cell, and a line read too short to route', () => {
    expect(dossierRoute(line(enterprise, commune, province), village.path)).toMatchObject({ code: 'ORIGIN_NOT_A_CELL' });
    expect(dossierRoute(line(village, commune, province), village.path)).toMatchObject({ code: 'SAME_ORGANIZATION' });
    expect(dossierRoute(line(weaving), sewing.path)).toMatchObject({ code: 'ORIGIN_OUTSIDE_TREE' });
  });
});

describe('the sides of a dossier', () => {
  const lines = (originPath: string, issuerPath: string, destinationPath: string | null, receivingRootPath: string | null) => ({
    originPath,
    issuerPath,
    destinationPath,
    receivingRootPath,
  });

  it('puts the cell and a committee between it and the issuer on the sending side, never the issuer or those above', () => {
    const leaving = lines(weaving.path, commune.path, otherVillage.path, otherCommune.path);
    expect([weaving, enterprise, commune, province, sewing].map((o) => onSendingSide(o.path, leaving))).toEqual([true, true, false, false, false]);
    const internal = lines(weaving.path, enterprise.path, sewing.path, sewing.path);
    expect([weaving, enterprise].map((o) => onSendingSide(o.path, internal))).toEqual([true, false]);
  });

  it('lets only the issuing committee itself issue', () => {
    const leaving = lines(village.path, commune.path, otherVillage.path, otherCommune.path);
    expect([commune, province, village].map((o) => isIssuer(o.path, leaving))).toEqual([true, false, false]);
  });

  it('puts the destination and the organizations above it below where the lines meet on the receiving side', () => {
    const across = lines(village.path, commune.path, otherVillage.path, otherCommune.path);
    expect([otherVillage, otherCommune, province, commune].map((o) => onReceivingSide(o.path, across))).toEqual([true, true, false, false]);
    const outside = lines(village.path, commune.path, null, null);
    expect(onReceivingSide(otherCommune.path, outside)).toBe(false);
  });
});

describe('paths', () => {
  it('finds the organization above, and where two lines meet', () => {
    expect(parentPath('/p/c1/v/')).toBe('/p/c1/');
    expect(parentPath('/p/')).toBeNull();
    expect(meetingPoint('/p/c1/e/s1/', '/p/c1/e/s2/')).toBe('/p/c1/e/');
    expect(meetingPoint('/p/c1/', '/q/c1/')).toBe('/');
  });
});
