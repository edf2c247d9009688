import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../clock';
import { LetterComposer } from '../letter-composer';
import { hashLetterToken, LETTER_TOKEN_PATTERN } from '../letter-links';
import { LetterMessage } from '../letter-message.entity';
import { LettersConfig } from '../letters.config';
import { LettersError } from '../letters.errors';
import { LETTERS_MESSAGES } from '../letters.messages';

export interface PublicLetter {
  readonly language: string;
  readonly direction: 'ltr' | 'rtl';
  readonly subject: string;
  /** The letter as a whole HTML document, in the guardian's language. */
  readonly html: string;
}

/**
 * The letter behind a link token (the SMS's `<LETTER_BASE_URL>/<token>`), rendered again from its refs in the
 * guardian's language. An unknown, malformed or expired token and a letter whose guardian was removed all give the
 * same not-found: nothing tells which tokens exist.
 */
@Injectable()
export class ReadPublicLetterUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly composer: LetterComposer,
    private readonly config: LettersConfig,
    private readonly clock: Clock,
  ) {}

  async execute(token: string): Promise<PublicLetter> {
    const notFound = new LettersError('not-found', LETTERS_MESSAGES.letterNotFound);
    if (!LETTER_TOKEN_PATTERN.test(token)) throw notFound;
    const message = await this.dataSource
      .getRepository(LetterMessage)
      .createQueryBuilder('message')
      .where('message.link_token_hash = :hash', { hash: hashLetterToken(token) })
      .andWhere('message.link_expires_at > :now', { now: this.clock.now() })
      .getOne();
    if (!message) throw notFound;
    const composed = await this.composer.compose(message, `${this.config.letterBaseUrl}/${token}`);
    if (typeof composed === 'string') throw notFound;
    return {
      language: composed.letter.language,
      direction: composed.letter.direction,
      subject: composed.letter.subject,
      html: composed.letter.html,
    };
  }
}
