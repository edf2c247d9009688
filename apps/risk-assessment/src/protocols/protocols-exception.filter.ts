import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ProtocolNotFoundError, ProtocolRejectedError } from './protocols.errors';

/** Protocol refusals in the platform's error shape: 422 `{ message, fields }`, 404 `{ message }`. */
@Catch(ProtocolRejectedError, ProtocolNotFoundError)
export class ProtocolsExceptionFilter implements ExceptionFilter<
  ProtocolRejectedError | ProtocolNotFoundError
> {
  catch(exception: ProtocolRejectedError | ProtocolNotFoundError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof ProtocolRejectedError) {
      response.status(422).json({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: exception.message,
        fields: exception.fields,
      });
    } else {
      response.status(404).json({ statusCode: 404, error: 'Not Found', message: exception.message });
    }
  }
}
