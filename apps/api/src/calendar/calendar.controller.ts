import { Body, Controller, Get, Inject, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zwgk/domain';
import { CurrentActor, Public, RequestId, Roles } from '../auth/auth.decorators';
import { CalendarService } from './calendar.service';
import { LoadHolidayYearDto } from './load-holiday-year.dto';
import { WorkingDaysQuery } from './working-days.query';
import { ApiErrors } from '../common/api-responses';
import { HolidayYearLoadedView, HolidayYearsView, RecalculationProgressView, WorkingDaysView } from './calendar.views';

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(@Inject(CalendarService) private readonly calendar: CalendarService) {}

  /** Reference information anyone may check: how a working-day deadline is counted. */
  @Public()
  @ApiOkResponse({ type: WorkingDaysView })
  @Get('working-days')
  workingDays(@Query() query: WorkingDaysQuery) {
    return this.calendar.workingDays(query.from, query.count);
  }

  @Public()
  @ApiOkResponse({ type: HolidayYearsView })
  @Get('years')
  years() {
    return this.calendar.years();
  }

  @ApiErrors(409, 503)
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: HolidayYearLoadedView })
  @Post('years')
  @Roles('admin')
  loadYear(@CurrentActor() actor: Actor, @Body() body: LoadHolidayYearDto, @RequestId() requestId?: string) {
    return this.calendar.loadOfficialYear(actor, body, requestId);
  }

  /** The progress of a year load's deadline recalculation: workflows found, told, and those it could not reach. */
  @ApiErrors(404, 503)
  @ApiParam({ name: 'batchId', type: 'integer', description: 'the batch number a year load answered with' })
  @ApiBearerAuth()
  @ApiOkResponse({ type: RecalculationProgressView })
  @Get('recalculations/:batchId')
  @Roles('admin', 'supervisor')
  recalculation(@Param('batchId', ParseIntPipe) batchId: number) {
    return this.calendar.recalculationProgress(String(batchId));
  }
}
