import { Controller, Delete, Get, Inject, Param, ParseUUIDPipe, Post, Res, StreamableFile, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@zwgk/domain';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { AttachmentsService } from './attachments.service';
import { setDownloadHeaders } from './content-disposition';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';
import { AttachmentLimitsView, AttachmentListView, UploadedAttachmentListView } from './attachment.views';
import { ItemAttachmentView } from '../items/item.views';

const UPLOAD_FORM_SCHEMA = {
  type: 'object',
  required: ['files'],
  properties: { files: { type: 'array', items: { type: 'string', format: 'binary' }, description: 'PDF, PNG or JPEG files (ATTACHMENT_MAX_FILE_BYTES each, ATTACHMENT_MAX_FILES per item)' } },
};

@ApiTags('attachments')
@ApiBearerAuth()
@Controller()
export class AttachmentsController {
  constructor(@Inject(AttachmentsService) private readonly attachments: AttachmentsService) {}

  /** The types and sizes accepted, for the upload form. */
  @ApiOkResponse({ type: AttachmentLimitsView })
  @Get('attachments/limits')
  limits() {
    return this.attachments.limits();
  }

  @ApiErrors(404)
  @ApiUuidParams('id')
  @ApiOkResponse({ type: AttachmentListView })
  @Get('items/:id/attachments')
  list(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.attachments.list(actor, id);
  }

  /** The drafter attaches files (multipart field `files`) while the item is a draft or returned. */
  @ApiErrors(404, 409)
  @ApiUuidParams('id')
  @ApiCreatedResponse({ type: UploadedAttachmentListView })
  @Post('items/:id/attachments')
  @Roles('drafter')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_FORM_SCHEMA })
  // Limits, the storage engine and UTF-8 file names come from the module's MulterModule options.
  @UseInterceptors(FilesInterceptor('files'))
  upload(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @UploadedFiles() files: Express.Multer.File[] | undefined, @RequestId() requestId?: string) {
    return this.attachments.upload(actor, id, (files ?? []).map((file) => ({ originalName: file.originalname, declaredType: file.mimetype, content: file.buffer })), requestId);
  }

  @ApiErrors(404, 503)
  @ApiUuidParams('id', 'attachmentId')
  @Get('items/:id/attachments/:attachmentId')
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('attachmentId', new ParseUUIDPipe()) attachmentId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.attachments.download(actor, id, attachmentId);
    setDownloadHeaders(response, file, 'private, no-store');
    return new StreamableFile(file.stream);
  }

  @ApiErrors(404, 409)
  @ApiUuidParams('id', 'attachmentId')
  @ApiOkResponse({ type: ItemAttachmentView, description: 'the attachment as removed (removing twice is removing once)' })
  @Delete('items/:id/attachments/:attachmentId')
  @Roles('drafter')
  remove(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Param('attachmentId', new ParseUUIDPipe()) attachmentId: string, @RequestId() requestId?: string) {
    return this.attachments.remove(actor, id, attachmentId, requestId);
  }
}
