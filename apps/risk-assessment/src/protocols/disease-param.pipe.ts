import { Injectable, type PipeTransform } from '@nestjs/common';
import type { Disease } from '@meldpunt/contracts';
import { ProtocolNotFoundError } from './protocols.errors';
import { isDisease } from './protocol.service';

/** The `:disease` path segment: a value of DISEASES, anything else is an unknown protocol (404). */
@Injectable()
export class DiseaseParamPipe implements PipeTransform<string, Disease> {
  transform(value: string): Disease {
    if (!isDisease(value)) throw new ProtocolNotFoundError();
    return value;
  }
}
