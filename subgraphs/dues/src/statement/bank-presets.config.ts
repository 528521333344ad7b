/**
 * The column headers of the statement exports of the banks most dues accounts are held at
 * (docs/rules/dues-payments.md#bank-presets). A preset lists, for each field, the headers seen for it in that
 * bank's exports (XLSX or CSV, Vietnamese or bilingual); a header matches whatever its case, diacritics or
 * spacing. An operator adds a bank, or a header a bank starts to write, as one more entry here; a finance member
 * whose export differs gives the columns with the import instead.
 */
export interface ColumnMapping {
  /** The day the bank booked the line (ngày giao dịch / ngày hiệu lực / ngày hạch toán). */
  date: readonly string[];
  /** The credited amount (ghi có); debit lines have it empty or zero and are passed over. */
  credit: readonly string[];
  /** The bank's narrative, which holds the payer's memo. */
  narrative: readonly string[];
  /** The bank's reference of the line (số tham chiếu / số bút toán); a file without one is matched on its other fields. */
  reference: readonly string[];
}

export const BANK_PRESETS = {
  VIETCOMBANK: {
    columns: {
      date: ['Ngày giao dịch', 'Ngày GD', 'Ngày giao dịch/Date'],
      credit: ['Số tiền ghi có', 'Số tiền ghi có/Credit', 'Ghi có'],
      narrative: ['Mô tả', 'Mô tả/Description', 'Nội dung'],
      reference: ['Số tham chiếu', 'Số tham chiếu/Reference No', 'Số tham chiếu/Ref No'],
    },
  },
  BIDV: {
    columns: {
      date: ['Ngày hiệu lực', 'Ngày giao dịch', 'Ngày hiệu lực/Effective Date'],
      credit: ['Ghi có', 'Ghi có/Credit', 'Số tiền ghi có'],
      narrative: ['Mô tả', 'Mô tả/Description', 'Nội dung giao dịch'],
      reference: ['Số tham chiếu', 'Số bút toán', 'Số tham chiếu/Reference'],
    },
  },
  AGRIBANK: {
    columns: {
      date: ['Ngày giao dịch', 'Ngày GD', 'Ngày hạch toán'],
      credit: ['Số tiền ghi có', 'Phát sinh có', 'Ghi có'],
      narrative: ['Nội dung giao dịch', 'Diễn giải', 'Nội dung'],
      reference: ['Số chứng từ', 'Mã giao dịch', 'Số tham chiếu'],
    },
  },
  VIETINBANK: {
    columns: {
      date: ['Ngày hạch toán', 'Ngày hạch toán/Accounting date', 'Ngày giao dịch'],
      credit: ['Có/Credit', 'Có', 'Ghi có'],
      narrative: ['Mô tả giao dịch', 'Mô tả giao dịch/Transaction description', 'Diễn giải'],
      reference: ['Số giao dịch', 'Số giao dịch/Transaction No', 'Số tham chiếu'],
    },
  },
  TECHCOMBANK: {
    columns: {
      date: ['Ngày giao dịch', 'Ngày giao dịch/Transaction Date', 'Ngày hiệu lực'],
      credit: ['Có', 'Có/Credit', 'Ghi có'],
      narrative: ['Diễn giải', 'Diễn giải/Description', 'Nội dung'],
      reference: ['Số bút toán', 'Mã giao dịch', 'Số tham chiếu/Reference number'],
    },
  },
  MB: {
    columns: {
      date: ['Ngày giao dịch', 'Ngày GD', 'Ngày hạch toán'],
      credit: ['Số tiền ghi có', 'Phát sinh có', 'Ghi có'],
      narrative: ['Nội dung', 'Diễn giải', 'Nội dung giao dịch'],
      reference: ['Số bút toán', 'Mã giao dịch', 'Số tham chiếu'],
    },
  },
  GENERIC: {
    columns: {
      date: ['Ngày GD', 'Ngày giao dịch'],
      credit: ['Ghi có', 'Số tiền ghi có'],
      narrative: ['Diễn giải', 'Nội dung', 'Mô tả'],
      reference: ['Số tham chiếu', 'Mã giao dịch', 'Số bút toán'],
    },
  },
} as const satisfies Record<string, { columns: ColumnMapping }>;

export type BankPreset = keyof typeof BANK_PRESETS;
