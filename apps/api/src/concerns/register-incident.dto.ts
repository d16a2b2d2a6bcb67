import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { CONCERN_CONTENT_MAX_LENGTH, CONCERN_CONTENT_MIN_LENGTH, INCIDENT_SEVERITIES, type IncidentSeverity } from '@zwgk/domain';
import { Trim } from './trim.transform';

/** A 政务舆情 incident about a released item, registered by staff. */
export class RegisterIncidentDto {
  @ApiProperty({ example: '网传某校招生违规，相关帖子转发量较大', minLength: CONCERN_CONTENT_MIN_LENGTH, maxLength: CONCERN_CONTENT_MAX_LENGTH })
  @Trim()
  @IsString()
  @Length(CONCERN_CONTENT_MIN_LENGTH, CONCERN_CONTENT_MAX_LENGTH)
  summary!: string;

  @ApiProperty({ enum: INCIDENT_SEVERITIES, description: 'major-emergency: 5 h / 24 h; public-opinion: 48 h' })
  @IsIn(INCIDENT_SEVERITIES)
  severity!: IncidentSeverity;
}
