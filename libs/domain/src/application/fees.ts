/**
 * 信息处理费 under 国办函〔2020〕109号 (政府信息公开信息处理费管理办法). Art. 3: charged per item (按件) or per
 * page (按量), both progressively (超额累进), one of the two per application, never both.
 */
export type FeeBasis =
  /**
   * Art. 4: per item, over the applicant's applications in one natural month. `priorItemsThisMonth` are
   * the 件 the same applicant already filed this month; `items` are this application's 件 after splitting by
   * 一事一申请 to the smallest reasonable unit.
   */
  | { readonly kind: 'per-item'; readonly priorItemsThisMonth: number; readonly items: number }
  /** Art. 5: per page, for paper copies, e-mail or copied electronic data. */
  | { readonly kind: 'per-page'; readonly pages: number };

export interface FeeBand {
  /** The first and last unit (件 or 页) of the band, inclusive. */
  readonly from: number;
  readonly to: number;
  readonly yuanPerUnit: number;
  readonly amountYuan: number;
}

export interface InformationFee {
  readonly basis: FeeBasis;
  readonly amountYuan: number;
  readonly bands: readonly FeeBand[];
  /** The notice's 收费依据、标准、数额 in Chinese (Art. 7 asks the notice to state them). */
  readonly explanation: string;
}

export class FeeBasisError extends RangeError {}

const MAX_UNITS = 1_000_000;

function checkUnits(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min || value > MAX_UNITS) throw new FeeBasisError(`${name} must be a whole number from ${min} to ${MAX_UNITS}, got ${value}`);
}

/** Art. 4: 1–10 free; 11–30 100元 each; from 31, each band of 10 costs 100元 more per item (31–40 200元, 41–50 300元 …). */
export function perItemRate(nthItemThisMonth: number): number {
  if (nthItemThisMonth <= 10) return 0;
  if (nthItemThisMonth <= 30) return 100;
  return 100 + 100 * Math.ceil((nthItemThisMonth - 30) / 10);
}

/** Art. 5: pages 1–30 free; 31–100 10元; 101–200 20元; 201 and more 40元 each. */
export function perPageRate(nthPage: number): number {
  if (nthPage <= 30) return 0;
  if (nthPage <= 100) return 10;
  if (nthPage <= 200) return 20;
  return 40;
}

/** Groups consecutive units of the same rate into bands (the notice lists them). */
function bandsOf(first: number, last: number, rate: (unit: number) => number): FeeBand[] {
  const bands: FeeBand[] = [];
  for (let unit = first; unit <= last; unit++) {
    const yuan = rate(unit);
    const current = bands[bands.length - 1];
    if (current && current.yuanPerUnit === yuan && current.to === unit - 1) {
      bands[bands.length - 1] = { ...current, to: unit, amountYuan: current.amountYuan + yuan };
    } else {
      bands.push({ from: unit, to: unit, yuanPerUnit: yuan, amountYuan: yuan });
    }
  }
  return bands;
}

/** The fee for one application under the basis the office chose. */
export function computeInformationFee(basis: FeeBasis): InformationFee {
  if (basis.kind === 'per-item') {
    checkUnits('priorItemsThisMonth', basis.priorItemsThisMonth, 0);
    checkUnits('items', basis.items, 1);
    const bands = bandsOf(basis.priorItemsThisMonth + 1, basis.priorItemsThisMonth + basis.items, perItemRate);
    const amountYuan = bands.reduce((sum, band) => sum + band.amountYuan, 0);
    const parts = bands.map((band) => `第${band.from}${band.to > band.from ? `—${band.to}` : ''}件${band.yuanPerUnit}元/件`).join('，');
    return {
      basis,
      amountYuan,
      bands,
      explanation: `按件计收（国办函〔2020〕109号第四条）：申请人本自然月此前已申请${basis.priorItemsThisMonth}件，本申请计${basis.items}件，${parts}，合计${amountYuan}元`,
    };
  }
  checkUnits('pages', basis.pages, 1);
  const bands = bandsOf(1, basis.pages, perPageRate);
  const amountYuan = bands.reduce((sum, band) => sum + band.amountYuan, 0);
  const parts = bands.map((band) => `第${band.from}—${band.to}页${band.yuanPerUnit}元/页`).join('，');
  return { basis, amountYuan, bands, explanation: `按量计收（国办函〔2020〕109号第五条）：共${basis.pages}页，${parts}，合计${amountYuan}元` };
}
