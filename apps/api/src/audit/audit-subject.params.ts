import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { AUDIT_SUBJECT_SCOPES, type AuditSubjectScope } from '@zwgk/db';

/** /api/audit/{scope}/{key}: an object the trail speaks of besides items; the key's shape is checked per scope. */
export class AuditSubjectParams {
  @ApiProperty({ enum: AUDIT_SUBJECT_SCOPES })
  @IsIn(AUDIT_SUBJECT_SCOPES, { message: `scope: 须为 ${AUDIT_SUBJECT_SCOPES.join('、')} 之一` })
  scope!: AuditSubjectScope;

  @ApiProperty({ description: "the object's id, a unit's code or a user's name" })
  @IsString()
  @MaxLength(100)
  key!: string;
}
