import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from './domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A path id that must be a UUID; anything else is answered like an unknown id (404 with `message`), so a
 * malformed id and a foreign one look the same.
 */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  constructor(private readonly message: string) {}

  transform(value: string): string {
    if (!UUID.test(value)) throw DomainError.notFound(this.message);
    return value.toLowerCase();
  }
}
