import { Module } from '@nestjs/common';
import { ApplyDirectoryEventUseCase } from './apply-directory-event.use-case';
import { DirectoryConsumer } from './directory.consumer';

/** The directory replica: list DirectoryConsumer in PlatformModule's consumers to keep it filled. */
@Module({ providers: [ApplyDirectoryEventUseCase, DirectoryConsumer], exports: [DirectoryConsumer] })
export class DirectoryModule {}
