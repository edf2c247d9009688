import { Module } from '@nestjs/common';
import { SchoolNoticeRepository } from './school-notice.repository';
import { SchoolNoticesConsumer } from './school-notices.consumer';
import { SchoolNoticesController } from './school-notices.controller';
import { ListSchoolNoticesUseCase } from './use-cases/list-school-notices.use-case';

/** The CLB's class notices, as schools see them (issued by communication). */
@Module({
  controllers: [SchoolNoticesController],
  providers: [SchoolNoticeRepository, ListSchoolNoticesUseCase, SchoolNoticesConsumer],
  exports: [SchoolNoticesConsumer],
})
export class SchoolNoticesModule {}
