import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** The final decision document (an item of the department) that came out of this consultation. */
export class LinkDecisionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  itemId!: string;
}
