import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';

/** The most tasks one bulk claim may name: a page of the inbox, with room to spare. */
export const BULK_CLAIM_MAX_TASKS = 50;

export class ClaimTasksDto {
  @ApiProperty({ description: `the tasks to claim, 1 to ${BULK_CLAIM_MAX_TASKS}, each once`, type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_CLAIM_MAX_TASKS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  taskIds!: string[];
}

/**
 * What happened to one task of a bulk claim. `status` is the HTTP status the single claim would have
 * answered (200, or 403/404/409/503 for a refusal), so a client can treat both the same way.
 */
export interface ClaimOutcome {
  taskId: string;
  outcome: 'claimed' | 'already-claimed-by-you' | 'refused';
  status: number;
  /** The error code of a refusal (`task.claimed-by-other`, `task.not-yours`, …; see error-codes.ts). */
  code?: string;
  /** With `task.claimed-by-other`: who holds the task. */
  claimedBy?: string;
  message: string;
}
