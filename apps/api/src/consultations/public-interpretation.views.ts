import { ApiProperty } from '@nestjs/swagger';
import { InterpretationContentView } from './interpretation.views';

/**
 * What GET /api/public/items/:id/interpretations answers, documented for the web app's generated types.
 * InterpretationsService.listPublic builds these shapes.
 */

class PublicInterpretationFileView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ example: 'image/png' }) mediaType!: string;
  @ApiProperty({ description: 'the public download path' }) downloadPath!: string;
}

export class PublicInterpretationView extends InterpretationContentView {
  @ApiProperty({ type: [PublicInterpretationFileView] }) attachments!: PublicInterpretationFileView[];
}

export class PublicInterpretationListView {
  @ApiProperty({ type: [PublicInterpretationView] }) items!: PublicInterpretationView[];
}
