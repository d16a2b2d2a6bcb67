import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '@zwgk/domain';

/**
 * What the sign-in routes answer, documented for the OpenAPI document the web app's types are generated from.
 * AuthService builds the shapes; the classes only describe them.
 */

/** How the web UI signs in: `dev` (demo users), or `oidc` with what the browser needs to reach the issuer. */
export class AuthConfigView {
  @ApiProperty({ enum: ['dev', 'oidc'] }) mode!: 'dev' | 'oidc';
  @ApiPropertyOptional({ example: 'https://sso.example.gov.cn/realms/county', description: 'oidc only' }) issuer?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'oidc only' }) clientId?: string | null;
  @ApiPropertyOptional({ example: 'openid profile', description: 'oidc only' }) scopes?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'oidc only' }) redirectUri?: string | null;
  @ApiPropertyOptional({ enum: ['id_token', 'access_token'], description: 'oidc only: which token the API takes as bearer' }) bearerToken?: 'id_token' | 'access_token';
}

/** The signed-in user: who, of which department, in which roles. */
export class ActorView {
  @ApiProperty({ example: 'edu.drafter' }) username!: string;
  @ApiProperty({ example: '王起草（教育局）' }) displayName!: string;
  @ApiProperty({ example: 'edu' }) departmentCode!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: string[];
}

export class DevLoginView {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ type: 'integer', description: 'seconds' }) expiresIn!: number;
  @ApiProperty({ type: ActorView }) actor!: ActorView;
}
