import { Controller, Get, Header, Param, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@meldpunt/auth';
import { LettersExceptionFilter } from './http/letters-exception.filter';
import { ReadPublicLetterUseCase } from './use-cases/read-public-letter.use-case';

export class PublicLetterDto {
  @ApiProperty({ example: 'nl' })
  language!: string;

  @ApiProperty({ enum: ['ltr', 'rtl'] })
  direction!: 'ltr' | 'rtl';

  @ApiProperty()
  subject!: string;

  @ApiProperty({ description: 'The letter as a whole HTML document' })
  html!: string;
}

/**
 * The full letter behind the link in an SMS, for parents (who never log in): the console serves it on the one
 * origin at /b/:token and /brief/:token. Public by design; the token is the only key (128 random bits, stored
 * hashed, expiring).
 */
@ApiTags('public-letters')
@Controller('v1/public/letters')
@UseFilters(LettersExceptionFilter)
export class PublicLettersController {
  constructor(private readonly readLetter: ReadPublicLetterUseCase) {}

  @Get(':token')
  @Public()
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @Header('X-Robots-Tag', 'noindex, nofollow')
  @ApiOperation({ summary: 'The letter behind a link token (404 when unknown or expired)' })
  @ApiParam({ name: 'token', description: '22 characters (base64url of 128 random bits)' })
  @ApiResponse({ status: 200, type: PublicLetterDto })
  @ApiResponse({ status: 404, description: 'Unknown or expired token (the same answer for both)' })
  async read(@Param('token') token: string): Promise<PublicLetterDto> {
    return this.readLetter.execute(token);
  }
}
