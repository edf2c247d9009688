import { Body, Controller, Headers, Post, Res, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@meldpunt/auth';
import type { HttpResponse } from './http/http-types';
import { MeldingAcceptedResponseDto } from './dto/melding.response.dto';
import { SubmitMeldingRequestDto } from './dto/submit-melding.request.dto';
import { JsonBodyGuard } from './http/json-body.guard';
import { CurrentCaller } from './http/meldingen-request';
import { ReleaseWebhookSignatureInterceptor } from './http/release-webhook-signature.interceptor';
import { idempotencyKeyFrom, sendSubmitResult } from './http/submit-response';
import { WebhookSignatureGuard } from './http/webhook-signature.guard';
import type { MeldingCaller } from './melding-caller';
import { MeldingenExceptionFilter } from './meldingen-exception.filter';
import { SubmitMeldingUseCase } from './use-cases/submit-melding.use-case';

/** Signed pushes from school software: same body, idempotency and merge rules as POST /v1/meldingen. */
@ApiTags('meldingen')
@Controller('v1/webhooks/meldingen')
@Public()
@UseGuards(WebhookSignatureGuard, JsonBodyGuard)
@UseInterceptors(ReleaseWebhookSignatureInterceptor)
@UseFilters(MeldingenExceptionFilter)
export class MeldingenWebhookController {
  constructor(private readonly submitMelding: SubmitMeldingUseCase) {}

  @Post()
  @ApiOperation({ summary: 'Report an infection with an HMAC-signed request (see the meldingen README)' })
  @ApiHeader({ name: 'X-Meldpunt-School', description: 'instellingsnummer or school id' })
  @ApiHeader({ name: 'X-Meldpunt-Timestamp', description: 'Unix time in seconds (±5 minutes)' })
  @ApiHeader({
    name: 'X-Meldpunt-Signature',
    description: 'sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiResponse({ status: 202, type: MeldingAcceptedResponseDto })
  @ApiResponse({
    status: 200,
    type: MeldingAcceptedResponseDto,
    description: 'Merged into an existing melding',
  })
  @ApiResponse({ status: 401, description: 'Missing, stale, replayed or bad signature: { reason }' })
  async receive(
    @Body() body: SubmitMeldingRequestDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentCaller() caller: MeldingCaller,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<MeldingAcceptedResponseDto> {
    const key = idempotencyKeyFrom(idempotencyKey);
    return sendSubmitResult(
      await this.submitMelding.execute({ caller, input: body, idempotencyKey: key }),
      response,
    );
  }
}
