import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { roleLabel, type Role } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { PUBLIC_ROUTE, REQUIRED_ROLES, type AuthenticatedRequest } from './auth.decorators';
import { AuthService } from './auth.service';

/** Global guard: every route needs a valid bearer token unless marked @Public(), and @Roles() is enforced. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AuthService) private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new ApiError('unauthenticated', '请先登录：请求须带有访问令牌（Authorization: Bearer <token>）');
    const requestId = request.headers['x-request-id'];
    request.actor = await this.auth.authenticate(match[1], typeof requestId === 'string' ? requestId : undefined);
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required?.length && !required.some((role) => request.actor!.roles.includes(role))) {
      throw ApiError.forbidden(`此操作需要以下角色之一：${required.map(roleLabel).join('、')}`);
    }
    return true;
  }
}
