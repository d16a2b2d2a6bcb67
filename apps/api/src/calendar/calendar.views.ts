import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEADLINE_HOLDER_KINDS } from '@zwgk/contracts';

/**
 * What the calendar routes answer (工作日历), documented for the OpenAPI document the web app's types are
 * generated from. CalendarService and CalendarRecalculationClient build these shapes; the classes only
 * describe them. Days are YYYY-MM-DD; instants are ISO 8601 strings.
 */

export class SkippedDayView {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ enum: ['周末', '节假日'] }) reason!: string;
  @ApiPropertyOptional({ example: '国庆节', description: 'the holiday, when the day is one' }) holiday?: string;
}

/** N working days after a day, with every day counted and skipped: "why this date". */
export class WorkingDaysView {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiProperty({ format: 'date', description: 'the last working day counted' }) date!: string;
  @ApiProperty({ format: 'date-time', description: 'the end of that day, China time' }) dueAt!: string;
  @ApiProperty({ description: 'a counted or skipped day is in a year without a published arrangement' }) provisional!: boolean;
  @ApiProperty({ type: 'integer', isArray: true }) provisionalYears!: number[];
  @ApiProperty({ type: String, format: 'date', isArray: true }) counted!: string[];
  @ApiProperty({ type: [SkippedDayView] }) skipped!: SkippedDayView[];
  @ApiProperty() calendarVersion!: string;
}

export class HolidayView {
  @ApiProperty({ example: '春节' }) name!: string;
  @ApiProperty({ type: String, format: 'date', isArray: true }) days!: string[];
}

/** A year's holiday arrangement in force: an official one loaded (or shipped), or the statutory computation. */
export class HolidayYearView {
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ description: 'the State Council notice, or the statutory computation' }) source!: string;
  @ApiProperty({ description: 'an official arrangement (deadlines from a computed one are provisional)' }) published!: boolean;
  @ApiProperty({ type: [HolidayView] }) holidays!: HolidayView[];
  @ApiProperty({ type: String, format: 'date', isArray: true, description: '调休: weekend days that are working days' }) makeUpWorkingDays!: string[];
  @ApiProperty({ type: String, nullable: true, description: 'who loaded it; null for a shipped or computed table' }) loadedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) loadedAt!: string | null;
}

export class HolidayYearsView {
  @ApiProperty() calendarVersion!: string;
  @ApiProperty({ type: [HolidayYearView] }) years!: HolidayYearView[];
}

/** A year load: the table stored and the recalculation batch it started. */
export class HolidayYearLoadedView {
  @ApiProperty() holidayTableId!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ description: 'it corrected a table loaded before' }) replaced!: boolean;
  @ApiProperty({ description: 'GET /api/calendar/recalculations/{batchId} follows it' }) recalculationBatchId!: string;
}

export class RecalculationFailureView {
  @ApiProperty() workflowId!: string;
  @ApiPropertyOptional({ enum: DEADLINE_HOLDER_KINDS }) kind?: string;
  @ApiProperty() error!: string;
}

export class RecalculationKindProgressView {
  @ApiProperty({ type: 'integer' }) found!: number;
  @ApiProperty({ type: 'integer' }) signalled!: number;
  @ApiProperty({ type: 'integer' }) skipped!: number;
  @ApiProperty({ type: 'integer' }) failedCount!: number;
}

export class RecalculationByKindView {
  @ApiPropertyOptional({ type: RecalculationKindProgressView }) item?: RecalculationKindProgressView;
  @ApiPropertyOptional({ type: RecalculationKindProgressView }) concern?: RecalculationKindProgressView;
  @ApiPropertyOptional({ type: RecalculationKindProgressView }) demand?: RecalculationKindProgressView;
  @ApiPropertyOptional({ type: RecalculationKindProgressView }) obligation?: RecalculationKindProgressView;
}

/** The progress of a year load's deadline recalculation. */
export class RecalculationProgressView {
  @ApiProperty() batchId!: string;
  @ApiProperty({ enum: ['RUNNING', 'DONE'] }) state!: 'RUNNING' | 'DONE';
  @ApiProperty({ type: 'integer', description: 'open workflows found so far' }) found!: number;
  @ApiProperty({ type: 'integer', description: 'workflows told to recompute' }) signalled!: number;
  @ApiProperty({ type: 'integer', description: 'workflows the batch could not reach' }) failedCount!: number;
  @ApiProperty({ type: [RecalculationFailureView], description: 'the first of them' }) failed!: RecalculationFailureView[];
  @ApiPropertyOptional({ type: 'integer', description: 'already closed when told: not failures' }) skipped?: number;
  @ApiPropertyOptional({ type: RecalculationByKindView }) byKind?: RecalculationByKindView;
  @ApiPropertyOptional({ enum: DEADLINE_HOLDER_KINDS, description: 'the kind being listed when the batch continued as new' }) kind?: string;
  @ApiPropertyOptional({ description: 'keyset cursor of the listing' }) cursor?: string;
}
