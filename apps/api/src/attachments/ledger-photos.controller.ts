import { Controller, Get, Inject, Param, ParseUUIDPipe, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@zwgk/domain';
import { CurrentActor, RequestId } from '../auth/auth.decorators';
import { ApiErrors, ApiUuidParams } from '../common/api-responses';
import { setDownloadHeaders } from './content-disposition';
import { LedgerPhotoView } from './ledger-photo.views';
import { LedgerPhotosService } from './ledger-photos.service';

const PHOTO_FORM_SCHEMA = {
  type: 'object',
  required: ['photo'],
  properties: { photo: { type: 'string', format: 'binary', description: 'a JPEG, PNG or WebP photo of the notice (ATTACHMENT_MAX_FILE_BYTES at most), judged by its content' } },
};

/** 发布台账: the photo a person takes of a manual channel's notice when confirming it posted or taken down. */
@ApiTags('items')
@ApiBearerAuth()
@Controller('items')
export class LedgerPhotosController {
  constructor(@Inject(LedgerPhotosService) private readonly photos: LedgerPhotosService) {}

  /** Uploads the photo (multipart field `photo`); the confirmation then names it as photoAttachmentId. Same bytes again: the same photo. */
  @ApiErrors(400, 404, 413)
  @ApiUuidParams('id')
  @ApiParam({ name: 'channel', description: 'the catalog channel name, as in the ledger (URL-encoded)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'accepted like elsewhere; the same photo uploaded again answers the same photo in any case' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: PHOTO_FORM_SCHEMA })
  @ApiCreatedResponse({ type: LedgerPhotoView })
  @Post(':id/ledger/:channel/photos')
  // Size limit, the storage engine and UTF-8 file names come from the module's MulterModule options.
  @UseInterceptors(FileInterceptor('photo'))
  upload(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('channel') channel: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @RequestId() requestId?: string,
  ) {
    return this.photos.upload(actor, id, channel, file ? { originalName: file.originalname, declaredType: file.mimetype, content: file.buffer } : undefined, requestId);
  }

  /** The photo's bytes, for staff who may see the item (the ledger's thumbnail). */
  @ApiErrors(404, 503)
  @ApiUuidParams('id', 'photoId')
  @Get(':id/ledger/photos/:photoId')
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('photoId', new ParseUUIDPipe()) photoId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.photos.download(actor, id, photoId);
    setDownloadHeaders(response, file, 'private, no-store');
    return new StreamableFile(file.stream);
  }
}
