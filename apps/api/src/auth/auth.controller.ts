import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zwgk/domain';
import { CurrentActor, Public } from './auth.decorators';
import { AuthService, type AuthUiConfig } from './auth.service';
import { DevLoginDto } from './dev-login.dto';
import { ApiErrors } from '../common/api-responses';
import { ActorView, AuthConfigView, DevLoginView } from './auth.views';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  /** How the web UI signs in: `dev` (demo users), or `oidc` with the issuer, client id, scopes and redirect URI. */
  @ApiOkResponse({ type: AuthConfigView })
  @Public()
  @Get('config')
  config(): AuthUiConfig {
    return this.auth.uiConfig();
  }

  /** Embedded/dev mode only: a token for a seeded demo user. */
  @ApiErrors(401, 403, 404)
  @ApiOkResponse({ type: DevLoginView })
  @Public()
  @Post('dev-login')
  @HttpCode(200)
  devLogin(@Body() body: DevLoginDto) {
    return this.auth.devLogin(body.username);
  }

  @ApiOkResponse({ type: ActorView })
  @ApiBearerAuth()
  @Get('me')
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }
}
