// lunar-javascript ships no typings: only the little of its API the statutory holiday computation uses.
declare module 'lunar-javascript' {
  /** A Gregorian day. */
  export interface Solar {
    /** `YYYY-MM-DD`. */
    toYmd(): string;
    /** The day `days` days later (negative: earlier). */
    next(days: number): Solar;
  }

  /** A Chinese lunisolar day. */
  export interface Lunar {
    getSolar(): Solar;
    /** The solar terms around this lunar year, keyed by their Chinese names (清明, 冬至, …). */
    getJieQiTable(): Record<string, Solar>;
  }

  export const Lunar: {
    /** A day of a lunar year; a positive month is the ordinary (not leap) month. Throws for a day the month lacks. */
    fromYmd(lunarYear: number, lunarMonth: number, lunarDay: number): Lunar;
  };
}
