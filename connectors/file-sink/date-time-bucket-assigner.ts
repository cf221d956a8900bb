// Flink's DateTimeBucketAssigner, the FileSink's default: one bucket per hour of processing
// time, named by the format "yyyy-MM-dd--HH" in the machine's time zone. The format knows
// Java's yyyy, MM, dd, HH, mm and ss; the zone is the local one or "UTC".
import type { BucketAssigner, BucketAssignerContext } from './bucket-assigner.ts';

const defaultFormat = 'yyyy-MM-dd--HH';
const fields = /yyyy|MM|dd|HH|mm|ss/g;

export class DateTimeBucketAssigner<IN> implements BucketAssigner<IN> {
  constructor(
    private readonly formatString = defaultFormat,
    private readonly zoneId: 'UTC' | 'local' = 'local',
  ) {}

  getBucketId(_element: IN, context: BucketAssignerContext): string {
    return formatDateTime(this.formatString, new Date(context.currentProcessingTime()), this.zoneId === 'UTC');
  }
}

export function formatDateTime(format: string, date: Date, utc: boolean): string {
  const field: Record<string, number> = utc
    ? { yyyy: date.getUTCFullYear(), MM: date.getUTCMonth() + 1, dd: date.getUTCDate(), HH: date.getUTCHours(), mm: date.getUTCMinutes(), ss: date.getUTCSeconds() }
    : { yyyy: date.getFullYear(), MM: date.getMonth() + 1, dd: date.getDate(), HH: date.getHours(), mm: date.getMinutes(), ss: date.getSeconds() };
  return format.replace(fields, (token) => String(field[token]).padStart(token.length, '0'));
}
