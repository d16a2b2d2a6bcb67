import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zwgk/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { AuditService } from './audit.service';
import { AuditSubjectParams } from './audit-subject.params';
import { AuditPageView, ItemChainVerificationView, SubjectChainVerificationView } from './audit.views';
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
  @ApiOkResponse({ type: ItemChainVerificationView })
  @Get('items/:id/audit/verify')
  verify(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.audit.verifyItemChain(actor, id);
  }

  @ApiOkResponse({ type: AuditPageView })
  @Get('audit')
  @Roles('supervisor', 'admin')
  search(@Query() query: SearchAuditQuery) {
    return this.audit.search(query);
  }

  /** Recomputes the chains an object without an item (an application, a consultation, a unit…) has rows in. */
  @ApiErrors(404)
  @ApiOkResponse({ type: SubjectChainVerificationView })
  @Get('audit/:scope/:key/verify')
  @Roles('supervisor', 'admin')
  verifySubject(@Param() params: AuditSubjectParams) {
    return this.audit.verifySubjectChains(params);
  }
}
