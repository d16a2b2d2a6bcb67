import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zwgk/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { AuditService } from './audit.service';
import { SearchAuditQuery } from './search-audit.query';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';

@ApiTags('audit')
@ApiBearerAuth()
@Controller()
export class AuditController {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  /** Recomputes the item's audit hash chain and names the first broken link. */
  @ApiErrors(404)
  @ApiUuidParams('id')
  @Get('items/:id/audit/verify')
  verify(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.audit.verifyItemChain(actor, id);
  }

  @Get('audit')
  @Roles('supervisor', 'admin')
  search(@Query() query: SearchAuditQuery) {
    return this.audit.search(query);
  }
}
