import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountStatusCache } from './account-status';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { OidcProvisioningService } from './oidc-provisioning.service';

@Module({
  controllers: [AuthController],
  providers: [AuthService, OidcProvisioningService, AccountStatusCache, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, AccountStatusCache],
})
export class AuthModule {}
