import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@zwgk/domain';
import { CurrentActor, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { DevLoginDto } from './dev-login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  /** Embedded/dev mode only: a token for a seeded demo user. */
  @Public()
  @Post('dev-login')
  @HttpCode(200)
  devLogin(@Body() body: DevLoginDto) {
    return this.auth.devLogin(body.username);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }
}
