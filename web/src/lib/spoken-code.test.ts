import { describe, expect, it } from 'vitest';
import { spokenCode } from './spoken-code.ts';

describe('an activation code said aloud', () => {
  it('names each letter and digit as Vietnamese say them, group by group', () => {
    expect(spokenCode('4WFPW-JSNA4')).toBe('bốn, vê kép, ép, pê, vê kép – gi, ét-xì, en-nờ, a, bốn');
  });

  it('has a name for every character the codes are made of', () => {
    for (const character of 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789') expect(spokenCode(character)).not.toBe(character);
  });
});
