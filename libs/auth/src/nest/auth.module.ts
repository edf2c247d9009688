import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ServiceTokenVerifier } from '../service-token';
import { ServiceAuthGuard } from './service-auth.guard';

export interface ServiceAuthOptions {
  /** This service's name: tokens must be addressed to it. */
  readonly audience: string;
  /** The console's Ed25519 public key (PEM, or base64 of the PEM). */
  readonly publicKey: string;
}

/** Makes every route of the service require a console token unless marked @Public(). */
@Module({})
export class ServiceAuthModule {
  static forService(options: ServiceAuthOptions): DynamicModule {
    return {
      module: ServiceAuthModule,
      providers: [
        {
          provide: ServiceTokenVerifier,
          useValue: new ServiceTokenVerifier(options.publicKey, options.audience),
        },
        { provide: APP_GUARD, useClass: ServiceAuthGuard },
      ],
      exports: [ServiceTokenVerifier],
    };
  }
}
