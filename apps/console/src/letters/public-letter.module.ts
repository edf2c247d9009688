import { Module } from '@nestjs/common';
import { LetterLinkThrottle } from './letter-link-throttle';
import { PublicLetterClient } from './public-letter.client';
import { PublicLetterController } from './public-letter.controller';

/** Parents' letter links (`/b/<token>`), served on the console's one origin from communication. */
@Module({
  controllers: [PublicLetterController],
  providers: [PublicLetterClient, LetterLinkThrottle],
})
export class PublicLetterModule {}
