import { Body, Controller, Get, Header, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zwgk/domain';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';
import { readIdempotencyKey } from '../common/idempotency-key';
import { ApplicationStepDto, ListApplicationsQuery, RegisterApplicationDto } from './application.dto';
import { ApplicationsService } from './applications.service';
import { RegisteredApplicationView, StaffApplicationDetailView, StaffApplicationListView, StaffApplicationView } from './application.views';

/** 依申请公开, staff side: register, list, read, and each step (the workflow's validator decides who and when). */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(@Inject(ApplicationsService) private readonly applications: ApplicationsService) {}

  @ApiErrors(503)
  @ApiCreatedResponse({ type: RegisteredApplicationView })
  @Post()
  @Roles('disclosure-office')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried registration with the same key is recorded once' })
  register(@CurrentActor() actor: Actor, @Body() body: RegisterApplicationDto, @Headers('idempotency-key') key: string | undefined, @RequestId() requestId?: string) {
    return this.applications.register(actor, body, readIdempotencyKey(key), requestId);
  }

  @ApiOkResponse({ type: StaffApplicationListView })
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListApplicationsQuery) {
    return this.applications.list(actor, query.state);
  }

  /** The list as an Excel workbook (打印/导出), applicant data masked where the list masks it. Declared before `:id`. */
  @Get('export.xlsx')
  async exportXlsx(@CurrentActor() actor: Actor, @Query() query: ListApplicationsQuery) {
    return new StreamableFile(await this.applications.exportXlsx(actor, query.state), {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: 'attachment; filename="applications.xlsx"',
    });
  }

  /** The reply letter (告知书) as a page to print; the applicant's name masked for those who may not see it. */
  @ApiErrors(404)
  @ApiUuidParams('id')
  @Get(':id/reply.html')
  @Header('content-type', 'text/html; charset=utf-8')
  replyLetterPage(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.applications.replyLetterPage(actor, id);
  }

  @ApiErrors(404)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: StaffApplicationDetailView })
  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.applications.get(actor, id);
  }

  @ApiErrors(404, 409, 503)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: StaffApplicationView, description: 'the application after the step' })
  @Post(':id/steps')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried step with the same key is applied once' })
  step(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ApplicationStepDto,
    @Headers('idempotency-key') key: string | undefined,
    @RequestId() requestId?: string,
  ) {
    return this.applications.step(actor, id, body, readIdempotencyKey(key), requestId);
  }
}
