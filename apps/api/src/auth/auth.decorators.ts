import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Actor, Role } from '@zwgk/domain';

export const PUBLIC_ROUTE = 'zwgk:public';
export const REQUIRED_ROLES = 'zwgk:roles';

/** The endpoint needs no bearer token (the public portal, health, dev login). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The endpoint needs one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export interface AuthenticatedRequest {
  actor?: Actor;
  headers: Record<string, string | string[] | undefined>;
}

/** The authenticated actor of this request. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});

/** The request id set by the request-id middleware. */
export const RequestId = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<AuthenticatedRequest>().headers['x-request-id'];
  return typeof value === 'string' ? value : undefined;
});
