/**
 * How each character of an activation code is said in Vietnamese, for the officer who reads it out to an
 * elderly member (by phone, say). The codes use no 0/O and no 1/I (docs/rules/accounts.md#activation-codes).
 */
const SAID: Record<string, string> = {
  A: 'a', B: 'bê', C: 'xê', D: 'đê', E: 'e', F: 'ép', G: 'giê', H: 'hát', J: 'gi', K: 'ca', L: 'e-lờ', M: 'em-mờ', N: 'en-nờ',
  P: 'pê', Q: 'quy', R: 'e-rờ', S: 'ét-xì', T: 'tê', U: 'u', V: 'vê', W: 'vê kép', X: 'ích-xì', Y: 'i dài', Z: 'dét',
  '2': 'hai', '3': 'ba', '4': 'bốn', '5': 'năm', '6': 'sáu', '7': 'bảy', '8': 'tám', '9': 'chín',
};

/** "4WFPW-JSNA4" → "bốn, vê kép, ép, pê, vê kép – gi, ét-xì, en-nờ, a, bốn": each group said character by character. */
export function spokenCode(code: string): string {
  return code
    .toUpperCase()
    .split('-')
    .map((group) => [...group].map((character) => SAID[character] ?? character).join(', '))
    .join(' – ');
}
