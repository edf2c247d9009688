import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { LoginThrottle } from './login-throttle';
import { SessionGuard } from './session.guard';
import { LogInUseCase } from './use-cases/log-in.use-case';
import { LogOutUseCase } from './use-cases/log-out.use-case';
import { ResolveSessionUseCase } from './use-cases/resolve-session.use-case';

/** Login, logout, the current session, and the guard that makes every other route need a session. */
@Module({
  controllers: [AuthController],
  providers: [
    LogInUseCase,
    LogOutUseCase,
    ResolveSessionUseCase,
    LoginThrottle,
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  exports: [ResolveSessionUseCase],
})
export class AuthModule {}
