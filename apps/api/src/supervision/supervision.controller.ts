import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zwgk/domain';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { readIdempotencyKey } from '../common/idempotency-key';
import { OverdueQuery } from './overdue.query';
import { SupervisionCommentDto } from './supervision-comment.dto';
import { SupervisionDashboardService } from './supervision-dashboard.service';
import { CreateSupervisionDemandDto, ListSupervisionDemandsQuery, RespondToSupervisionDemandDto } from './supervision-demand.dto';
import { SupervisionDemandsService } from './supervision-demands.service';
import { SupervisionService } from './supervision.service';
import { TrendQuery } from './trend.query';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';
import {
  OverdueListView,
  SupervisionCommentView,
  SupervisionDashboardView,
  SupervisionDemandListView,
  SupervisionDemandView,
  SupervisionFilterOptionsView,
  SupervisionTrendView,
} from './supervision.views';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision')
export class SupervisionController {
  constructor(
    @Inject(SupervisionService) private readonly supervision: SupervisionService,
    @Inject(SupervisionDemandsService) private readonly demands: SupervisionDemandsService,
    @Inject(SupervisionDashboardService) private readonly dashboards: SupervisionDashboardService,
  ) {}

  @ApiOkResponse({ type: OverdueListView })
  @Get('overdue')
  @Roles('supervisor', 'admin')
  overdue(@Query() query: OverdueQuery) {
    return this.supervision.overdue(query);
  }

  @Get('overdue.csv')
  @Roles('supervisor', 'admin')
  async overdueCsv(@Query() query: OverdueQuery) {
    return new StreamableFile(await this.supervision.overdueCsv(query), { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="overdue.csv"' });
  }

  @Get('overdue.xlsx')
  @Roles('supervisor', 'admin')
  async overdueXlsx(@Query() query: OverdueQuery) {
    return new StreamableFile(await this.supervision.overdueXlsx(query), { type: XLSX_TYPE, disposition: 'attachment; filename="overdue.xlsx"' });
  }

  @ApiErrors(404)
  @ApiUuidParams('id')
  @ApiCreatedResponse({ type: SupervisionCommentView })
  @Post('items/:id/comments')
  @Roles('supervisor')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request with the same key is stored once' })
  comment(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SupervisionCommentDto,
    @Headers('idempotency-key') key: string | undefined,
    @RequestId() requestId?: string,
  ) {
    return this.supervision.comment(actor, id, body.comment, readIdempotencyKey(key), requestId);
  }

  /** The dashboard's charts for the overdue list's filters: by department, area and stage, the demands, the annual report's deadline. */
  @ApiOkResponse({ type: SupervisionDashboardView })
  @Get('dashboard')
  @Roles('supervisor', 'admin')
  dashboard(@Query() query: OverdueQuery) {
    return this.dashboards.dashboard(query);
  }

  /** On-time release rate (from the assessment) and overdue count per department over the last quarters or months. */
  @ApiOkResponse({ type: SupervisionTrendView })
  @Get('trend')
  @Roles('supervisor', 'admin')
  trend(@Query() query: TrendQuery) {
    return this.dashboards.trend(query);
  }

  /** The values the dashboard's filters offer. */
  @ApiOkResponse({ type: SupervisionFilterOptionsView })
  @Get('filters')
  @Roles('supervisor', 'admin')
  filters() {
    return this.dashboards.filters();
  }

  /** 督办: a task for the item's department head, due in N working days (3 by default). */
  @ApiErrors(404, 409, 503)
  @ApiCreatedResponse({ type: SupervisionDemandView })
  @Post('demands')
  @Roles('supervisor')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request with the same key finds the same demand' })
  demand(@CurrentActor() actor: Actor, @Body() body: CreateSupervisionDemandDto, @Headers('idempotency-key') key: string | undefined, @RequestId() requestId?: string) {
    return this.demands.demand(actor, body, readIdempotencyKey(key), requestId);
  }

  /** Supervisors and admins see every demand; a department head sees those on their department. */
  @ApiOkResponse({ type: SupervisionDemandListView })
  @Get('demands')
  @Roles('supervisor', 'admin', 'reviewer')
  listDemands(@CurrentActor() actor: Actor, @Query() query: ListSupervisionDemandsQuery) {
    return this.demands.list(actor, query);
  }

  @ApiErrors(404)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: SupervisionDemandView })
  @Get('demands/:id')
  @Roles('supervisor', 'admin', 'reviewer')
  getDemand(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.demands.get(actor, id);
  }

  /** The department head answers the demand; its task leaves the inbox. */
  @ApiErrors(404, 409, 503)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: SupervisionDemandView })
  @Post('demands/:id/respond')
  @HttpCode(200)
  @Roles('reviewer')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  respond(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RespondToSupervisionDemandDto,
    @Headers('idempotency-key') key: string | undefined,
    @RequestId() requestId?: string,
  ) {
    return this.demands.respond(actor, id, body.response, readIdempotencyKey(key), requestId);
  }
}
