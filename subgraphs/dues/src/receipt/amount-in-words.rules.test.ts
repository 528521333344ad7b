import { describe, expect, it } from 'vitest';
import { amountInWords } from './amount-in-words.rules.ts';

describe('amountInWords', () => {
  it.each([
    [0n, 'Không đồng'],
    [5_000n, 'Năm nghìn đồng'],
    [15_930n, 'Mười lăm nghìn chín trăm ba mươi đồng'],
    [21_000n, 'Hai mươi mốt nghìn đồng'],
    [25_000n, 'Hai mươi lăm nghìn đồng'],
    [53_100n, 'Năm mươi ba nghìn một trăm đồng'],
    [100_000n, 'Một trăm nghìn đồng'],
    [105_000n, 'Một trăm linh năm nghìn đồng'],
    [110_000n, 'Một trăm mười nghìn đồng'],
    [1_005n, 'Một nghìn không trăm linh năm đồng'],
    [1_050n, 'Một nghìn không trăm năm mươi đồng'],
    [10_000n, 'Mười nghìn đồng'],
    [98_765n, 'Chín mươi tám nghìn bảy trăm sáu mươi lăm đồng'],
    [1_000_000n, 'Một triệu đồng'],
    [1_000_015n, 'Một triệu không trăm mười lăm đồng'],
    [2_400_000n, 'Hai triệu bốn trăm nghìn đồng'],
    [1_000_000_000n, 'Một tỷ đồng'],
    [3_000_021_000n, 'Ba tỷ không trăm hai mươi mốt nghìn đồng'],
    [1_000_000_000_000n, 'Một nghìn tỷ đồng'],
  ])('%s dong is "%s"', (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });

  it('refuses a negative sum', () => {
    expect(() => amountInWords(-1n)).toThrow(RangeError);
  });
});
