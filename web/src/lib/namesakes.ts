/**
 * Members a list shows under the same name (case and diacritics as written): they are told apart by what
 * else the list may show of them (docs/rules/personal-data.md#namesakes).
 */
export function namesakes<Member extends { id: string; fullName: string }>(members: readonly Member[]): Set<string> {
  const byName = new Map<string, string[]>();
  for (const member of members) {
    const key = member.fullName.normalize('NFC').toLocaleLowerCase('vi');
    byName.set(key, [...(byName.get(key) ?? []), member.id]);
  }
  return new Set([...byName.values()].filter((ids) => ids.length > 1).flat());
}

/** The last four characters of a party card number, enough to tell two people apart and no more: "…0123". */
export const cardTail = (cardNumber: string | null | undefined) => (cardNumber ? `…${cardNumber.slice(-4)}` : null);
