import { Injectable, type PipeTransform } from '@nestjs/common';
import { CaseError } from '../cases.errors';
import { MESSAGES } from '../cases.messages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that must be a UUID; anything else is answered like an unknown (or another CLB's) case: 404. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw CaseError.notFound(MESSAGES.notFound);
    return value.toLowerCase();
  }
}
