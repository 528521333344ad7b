import { describe, expect, it } from 'vitest';
import { cardTail, namesakes } from './namesakes.ts';

describe('namesakes in a list', () => {
  it('are the members who share a name, whatever its case or Unicode form', () => {
    const members = [
      { id: '1', fullName: 'Nguyễn Văn An' },
      { id: '2', fullName: 'NGUYỄN VĂN AN' },
      { id: '3', fullName: 'Nguyễn Văn Ân' },
      { id: '4', fullName: 'Nguyễn Văn An'.normalize('NFD') },
    ];
    expect([...namesakes(members)].sort()).toEqual(['1', '2', '4']);
  });

  it('are told apart by the end of the card number only', () => {
    expect([cardTail('NB.01230123'), cardTail(null)]).toEqual(['…0123', null]);
  });
});
