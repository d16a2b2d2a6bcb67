import { Body, Controller, Get, Headers, Inject, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zwgk/domain';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { readIdempotencyKey } from '../common/idempotency-key';
import { OverdueQuery } from './overdue.query';
import { SupervisionCommentDto } from './supervision-comment.dto';
import { SupervisionService } from './supervision.service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision')
export class SupervisionController {
  constructor(@Inject(SupervisionService) private readonly supervision: SupervisionService) {}

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
}
