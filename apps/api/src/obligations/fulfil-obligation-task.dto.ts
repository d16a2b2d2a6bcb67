import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** The disclosure item that meets the period's obligation. */
export class FulfilObligationTaskDto {
  @ApiProperty({ description: 'a disclosure item of the same department and catalog item, created during the period' })
  @IsUUID('all')
  itemId!: string;
}
