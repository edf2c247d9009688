import { Module } from '@nestjs/common';
import { HttpProbe } from './http-probe';
import { StatusController } from './status.controller';
import { GetPlatformStatusUseCase } from './use-cases/get-platform-status.use-case';

@Module({
  controllers: [StatusController],
  providers: [GetPlatformStatusUseCase, HttpProbe],
})
export class StatusModule {}
