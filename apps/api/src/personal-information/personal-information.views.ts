import { ApiProperty } from '@nestjs/swagger';

/**
 * What GET /api/items/:id/personal-information (and a mask or a justification) answers, documented for the web
 * app's generated types. PersonalInformationService.findings and toFindingView build these shapes.
 */

export class FindingView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'id-card' }) kind!: string;
  @ApiProperty({ example: '身份证号' }) kindLabel!: string;
  @ApiProperty({ enum: ['title', 'body', 'interpretation', 'attachment'] }) field!: 'title' | 'body' | 'interpretation' | 'attachment';
  @ApiProperty({ example: '正文第3行' }) place!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) attachmentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) fileName!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: "a PDF's page" }) page!: number | null;
  @ApiProperty({ type: String, nullable: true, description: "a spreadsheet's sheet" }) pageName!: string | null;
  @ApiProperty({ type: 'integer' }) start!: number;
  @ApiProperty({ type: 'integer' }) end!: number;
  @ApiProperty({ example: '1101**********1234', description: 'never the value itself' }) maskedPreview!: string;
  @ApiProperty({ enum: ['open', 'masked', 'justified'] }) status!: 'open' | 'masked' | 'justified';
  @ApiProperty({ example: '待处理' }) statusLabel!: string;
  @ApiProperty({ description: 'a text finding still open: the drafter can apply the standard masking in one step' }) maskable!: boolean;
  @ApiProperty({ type: String, nullable: true }) justification!: string | null;
  @ApiProperty({ type: String, nullable: true }) justifiedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) justifiedAt!: string | null;
}

export class ImageToCheckView {
  @ApiProperty({ format: 'uuid' }) attachmentId!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() note!: string;
}

export class FindingsView {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ type: [FindingView] }) items!: FindingView[];
  @ApiProperty({ type: 'integer', description: 'findings neither masked nor justified' }) open!: number;
  @ApiProperty() releaseBlocked!: boolean;
  @ApiProperty({ type: String, nullable: true }) blockedMessage!: string | null;
  @ApiProperty({ type: [ImageToCheckView], description: 'pictures are not read: for the reviewer to look at' }) imagesToCheck!: ImageToCheckView[];
}
