import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '../config/config.module';
import { ItemsModule } from '../items/items.module';
import { ATTACHMENT_STORAGE, LocalDirectoryAttachmentStorage } from './attachment-storage';
import { AttachmentUploadEngine } from './attachment-upload.engine';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { LedgerPhotosController } from './ledger-photos.controller';
import { LedgerPhotosService } from './ledger-photos.service';
import { PublicAttachmentsController } from './public-attachments.controller';

@Module({
  imports: [
    ItemsModule,
    // The upload interceptor of this module's routes: sizes and counts from the configuration, UTF-8 names.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        storage: new AttachmentUploadEngine(config.attachments.maxFileBytes, config.attachments.maxFilesPerItem),
        // One more than allowed reaches the engine, which refuses it by name; multer's own limit is the backstop.
        limits: { files: config.attachments.maxFilesPerItem + 1, fields: 20, fieldSize: 64 * 1024 },
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [AttachmentsController, PublicAttachmentsController, LedgerPhotosController],
  providers: [
    AttachmentsService,
    LedgerPhotosService,
    { provide: ATTACHMENT_STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new LocalDirectoryAttachmentStorage(config.attachments.dir) },
  ],
  exports: [AttachmentsService],
})
export class AttachmentsModule {}
