import {
  BadRequestException,
  type CanActivate,
  type ExecutionContext,
  Injectable,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { MESSAGES } from '../meldingen.messages';
import type { MeldingenRequest } from './meldingen-request';

/** Deeper than any request of these routes; class-transformer would overflow its stack on thousands of levels. */
export const MAX_BODY_DEPTH = 8;

/** Whether `value` nests objects/arrays deeper than `limit` (iterative: a hostile body cannot blow the stack). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Before validation: a body, if there is one, must be JSON (415 otherwise: a text body would reach validation as
 * a string) and shallow (400 otherwise: validation recurses).
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<MeldingenRequest>();
    // Express's req.is(): null without a body, false for a body of another type.
    if (request.is('application/json') === false) {
      throw new UnsupportedMediaTypeException({
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: MESSAGES.unsupportedMediaType,
      });
    }
    if (nestsDeeperThan(request.body, MAX_BODY_DEPTH)) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: MESSAGES.invalidInput,
        fields: [{ field: '(body)', messages: [MESSAGES.tooDeep(MAX_BODY_DEPTH)] }],
      });
    }
    return true;
  }
}
