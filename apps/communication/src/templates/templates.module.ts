import { Module } from '@nestjs/common';
import { LetterRenderer } from './letter-renderer';
import { LETTER_RENDERING } from './letter-renderer.types';

/** Provides LETTER_RENDERING (the letters pipeline depends only on the LetterRendering interface). */
@Module({
  providers: [LetterRenderer, { provide: LETTER_RENDERING, useExisting: LetterRenderer }],
  exports: [LETTER_RENDERING],
})
export class TemplatesModule {}
