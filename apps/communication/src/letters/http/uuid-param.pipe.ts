import { Injectable, type PipeTransform } from '@nestjs/common';
import { LettersError } from '../letters.errors';
import { LETTERS_MESSAGES } from '../letters.messages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A dead-letter id must be a UUID; anything else is answered like an unknown one: 404. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw new LettersError('not-found', LETTERS_MESSAGES.deadLetterNotFound);
    return value.toLowerCase();
  }
}
