import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { InputPolicyGuard } from './input-policy.guard';

/**
 * Every routed request meets the input policy (media type, control characters, lengths, nesting). Imported
 * after the AuthModule, so its guard runs after authentication: who may not call a route learns nothing
 * about what it takes (401/403 before 415).
 */
@Module({ providers: [{ provide: APP_GUARD, useClass: InputPolicyGuard }] })
export class InputPolicyModule {}
