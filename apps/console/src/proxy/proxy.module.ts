import { Module } from '@nestjs/common';
import { ServiceTokenSigner } from '@meldpunt/auth';
import { AuthModule } from '../auth/auth.module';
import { ConsoleConfig } from '../config';
import { EventStreamRelay } from './event-stream';
import { ProxyController } from './proxy.controller';
import { ServiceClient } from './service-client';

/** Tokens for the services live a minute: long enough for a 50 MB upload to start, short if one leaks. */
export const SERVICE_TOKEN_TTL_SECONDS = 60;

@Module({
  imports: [AuthModule],
  controllers: [ProxyController],
  providers: [
    {
      provide: ServiceTokenSigner,
      useFactory: (config: ConsoleConfig) =>
        new ServiceTokenSigner(config.authPrivateKey, SERVICE_TOKEN_TTL_SECONDS),
      inject: [ConsoleConfig],
    },
    ServiceClient,
    EventStreamRelay,
  ],
  exports: [ServiceClient, EventStreamRelay],
})
export class ProxyModule {}
