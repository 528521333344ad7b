/**
 * A sum of dong in Vietnamese words as a receipt writes it after "Bằng chữ:" (docs/rules/dues-payments.md#the-receipt-as-a-pdf):
 * "Một trăm nghìn đồng", "Một nghìn không trăm linh năm đồng". Groups of three digits read as hundreds, tens and
 * ones; a group after a larger one says its zero hundreds ("không trăm") and a lone one after zero tens ("linh").
 */
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const GROUPS = ['', 'nghìn', 'triệu'] as const;
const BILLION = 1_000_000_000n;

/** One group of three digits (1…999); `full` when a larger group stands before it. */
function groupWords(group: number, full: boolean): string[] {
  const hundreds = Math.floor(group / 100);
  const tens = Math.floor((group % 100) / 10);
  const ones = group % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(DIGITS[hundreds]!, 'trăm');
  if (tens === 0) {
    if (ones > 0 && words.length > 0) words.push('linh');
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(DIGITS[tens]!, 'mươi');
  }
  if (ones === 0) return words;
  if (ones === 1 && tens >= 2) words.push('mốt');
  else if (ones === 5 && tens >= 1) words.push('lăm');
  else words.push(DIGITS[ones]!);
  return words;
}

/** Below a billion, `full` when a larger part stands before it. */
function belowBillion(amount: number, full: boolean): string[] {
  const words: string[] = [];
  let leading = full;
  for (let index = GROUPS.length - 1; index >= 0; index -= 1) {
    const group = Math.floor(amount / 1000 ** index) % 1000;
    if (group === 0) continue;
    words.push(...groupWords(group, leading), GROUPS[index]!);
    leading = true;
  }
  return words.filter(Boolean);
}

/** Any whole number of dong, billions read again in groups before "tỷ" ("một nghìn tỷ"). */
function numberWords(amount: bigint, full: boolean): string[] {
  if (amount >= BILLION) {
    const rest = amount % BILLION;
    return [...numberWords(amount / BILLION, full), 'tỷ', ...(rest > 0n ? belowBillion(Number(rest), true) : [])];
  }
  return belowBillion(Number(amount), full);
}

export function amountInWords(amount: bigint): string {
  if (amount < 0n) throw new RangeError('A receipt never holds a negative sum.');
  const text = amount === 0n ? 'không' : numberWords(amount, false).join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} đồng`;
}
