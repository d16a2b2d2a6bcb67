import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { ManualChannelAction } from '@zwgk/contracts';

export class ConfirmManualChannelDto {
  @ApiProperty({ enum: ['posted', 'taken-down'], description: 'posted (已张贴) or taken-down (已撤下)' })
  @IsIn(['posted', 'taken-down'])
  action!: ManualChannelAction;

  @ApiProperty({ description: 'what was done, where and by whom (办理说明); required' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;

  @ApiPropertyOptional({ description: 'a photo of the notice, uploaded first with POST /api/items/{id}/ledger/{channel}/photos (its id)', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  photoAttachmentId?: string;
}
