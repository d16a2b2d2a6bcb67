import { Controller, Get, Inject, Param, ParseUUIDPipe, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { AttachmentsService } from './attachments.service';
import { setDownloadHeaders } from './content-disposition';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';
import { PublicAttachmentListView } from './attachment.views';

/** The public portal's attachment downloads: released, not withdrawn items only. */
@ApiTags('public')
@Public()
@Controller('public/items')
export class PublicAttachmentsController {
  constructor(@Inject(AttachmentsService) private readonly attachments: AttachmentsService) {}

  @ApiErrors(404)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: PublicAttachmentListView })
  @Get(':id/attachments')
  async list(@Param('id', new ParseUUIDPipe()) id: string) {
    return { items: await this.attachments.listPublicAttachments(id) };
  }

  @ApiErrors(404, 503)
  @ApiUuidParams('id', 'attachmentId')
  @Get(':id/attachments/:attachmentId')
  async download(@Param('id', new ParseUUIDPipe()) id: string, @Param('attachmentId', new ParseUUIDPipe()) attachmentId: string, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const file = await this.attachments.publicDownload(id, attachmentId);
    setDownloadHeaders(response, file, 'public, max-age=300');
    return new StreamableFile(file.stream);
  }
}
