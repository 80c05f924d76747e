// The vocabulary of EventBridge Scheduler expressions (src/sim/schedule parses them), types only.
// Parsed expressions are plain data (numbers, strings, arrays) so a schedule in the world survives
// structuredClone and JSON alike.

export type RateUnit = 'minute' | 'minutes' | 'hour' | 'hours' | 'day' | 'days';

/** day-of-month as parsed: `?`, a set of days (from *, values, ranges, lists, steps), or a special. */
export type DayOfMonthRule =
  | { kind: 'any' } // ?
  | { kind: 'days'; days: number[] } // 1-31, sorted
  | { kind: 'last'; offset: number } // L (offset 0), L-3 (the third day before the last)
  | { kind: 'lastWeekday' } // LW
  | { kind: 'nearestWeekday'; day: number }; // 15W

/** day-of-week as parsed, in AWS's numbering 1 = SUN … 7 = SAT. */
export type DayOfWeekRule =
  | { kind: 'any' } // ?
  | { kind: 'days'; days: number[] } // sorted
  | { kind: 'last'; weekday: number } // 6L: the last Friday of the month
  | { kind: 'nth'; weekday: number; nth: number }; // 3#2: the second Tuesday of the month

export type CronFields = {
  minutes: number[]; // 0-59, sorted
  hours: number[]; // 0-23, sorted
  dayOfMonth: DayOfMonthRule;
  months: number[]; // 1-12, sorted
  dayOfWeek: DayOfWeekRule;
  years: number[]; // 1970-2199, sorted
  /** Each field as written, for the description. */
  text: { minutes: string; hours: string; dayOfMonth: string; month: string; dayOfWeek: string; year: string };
};

export type ScheduleExpression =
  | { kind: 'rate'; value: number; unit: RateUnit; everyMs: number }
  | { kind: 'cron'; fields: CronFields; source: string }
  | { kind: 'at'; at: string /* yyyy-mm-ddThh:mm:ss as written */ };

export type ExpressionField = 'minutes' | 'hours' | 'day-of-month' | 'month' | 'day-of-week' | 'year' | 'expression' | 'timezone';

export type ExpressionProblem = { field?: ExpressionField; message: string };
