import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zwgk/domain';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';
import { readIdempotencyKey } from '../common/idempotency-key';
import { MAX_CATALOG_FILE_BYTES } from '../catalog/import-catalog.dto';
import { DecideRoundDto, OpenCompilationRoundDto, ReviewProposalDto, SubmitProposalDto } from './catalog-compilation.dto';
import { CatalogCompilationService } from './catalog-compilation.service';
import { CompilationRoundDetailView, CompilationRoundListView, CompilationRoundStepView, ImportedRowsView } from './catalog-compilation.views';

const KEY_HEADER = { name: 'Idempotency-Key', required: false, description: 'a retried request with the same key takes effect once' };

@ApiTags('catalog-compilation')
@ApiBearerAuth()
@Controller('catalog-compilation')
export class CatalogCompilationController {
  constructor(@Inject(CatalogCompilationService) private readonly rounds: CatalogCompilationService) {}

  /** The office opens a round (年度编制) or a 动态调整: departments, areas, due date. */
  @ApiErrors(409)
  @ApiCreatedResponse({ type: CompilationRoundStepView })
  @Post('rounds')
  @Roles('disclosure-office')
  @ApiHeader(KEY_HEADER)
  open(@CurrentActor() actor: Actor, @Body() body: OpenCompilationRoundDto, @Headers('idempotency-key') key: string | undefined, @RequestId() requestId?: string) {
    return this.rounds.open(actor, body, readIdempotencyKey(key), requestId);
  }

  @ApiOkResponse({ type: CompilationRoundListView })
  @Get('rounds')
  list(@CurrentActor() actor: Actor) {
    return this.rounds.list(actor);
  }

  @ApiErrors(404)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: CompilationRoundDetailView })
  @Get('rounds/:id')
  detail(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.rounds.detail(actor, id);
  }

  /** A department submits its rows (新增、调整、删除), or resubmits them after a return. */
  @ApiErrors(404, 409)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: CompilationRoundStepView })
  @Post('rounds/:id/proposals/:departmentCode')
  @HttpCode(200)
  @Roles('drafter', 'reviewer')
  @ApiHeader(KEY_HEADER)
  submit(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('departmentCode') departmentCode: string,
    @Body() body: SubmitProposalDto,
    @Headers('idempotency-key') key: string | undefined,
    @RequestId() requestId?: string,
  ) {
    return this.rounds.submit(actor, id, departmentCode, body, readIdempotencyKey(key), requestId);
  }

  /** Reads a spreadsheet in the published layout into proposals for the department to complete; stores nothing. */
  @ApiErrors(404)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: ImportedRowsView })
  @Post('rounds/:id/proposals/:departmentCode/import')
  @HttpCode(200)
  @Roles('drafter', 'reviewer')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: '.xlsx or .csv in the published layout' } } } })
  @UseInterceptors(FilesInterceptor('file', 1, { limits: { fileSize: MAX_CATALOG_FILE_BYTES } }))
  importRows(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Param('departmentCode') departmentCode: string, @UploadedFiles() files: Express.Multer.File[] | undefined) {
    return this.rounds.importRows(actor, id, departmentCode, (files ?? []).map((file) => ({ name: Buffer.from(file.originalname, 'latin1').toString('utf8'), content: file.buffer })));
  }

  /** The office accepts or returns (with a comment) each row of a department's submission. */
  @ApiErrors(404, 409)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: CompilationRoundStepView })
  @Post('rounds/:id/proposals/:departmentCode/review')
  @HttpCode(200)
  @Roles('disclosure-office')
  @ApiHeader(KEY_HEADER)
  review(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('departmentCode') departmentCode: string,
    @Body() body: ReviewProposalDto,
    @Headers('idempotency-key') key: string | undefined,
    @RequestId() requestId?: string,
  ) {
    return this.rounds.review(actor, id, departmentCode, body, readIdempotencyKey(key), requestId);
  }

  /** The legal review (合法性审查) or the leader's approval of the whole round. */
  @ApiErrors(404, 409)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: CompilationRoundStepView })
  @Post('rounds/:id/decisions')
  @HttpCode(200)
  @Roles('legal-reviewer', 'leader')
  @ApiHeader(KEY_HEADER)
  decide(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: DecideRoundDto, @Headers('idempotency-key') key: string | undefined, @RequestId() requestId?: string) {
    return this.rounds.decide(actor, id, body, readIdempotencyKey(key), requestId);
  }

  /** The office activates the approved version: the last step, audited. */
  @ApiErrors(404, 409)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: CompilationRoundStepView })
  @Post('rounds/:id/activate')
  @HttpCode(200)
  @Roles('disclosure-office')
  @ApiHeader(KEY_HEADER)
  activate(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Headers('idempotency-key') key: string | undefined, @RequestId() requestId?: string) {
    return this.rounds.activate(actor, id, readIdempotencyKey(key), requestId);
  }
}
