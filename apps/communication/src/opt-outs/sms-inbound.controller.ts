import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@meldpunt/auth';
import { InboundSmsRequestDto, InboundSmsResponseDto } from './dto/inbound-sms.request.dto';
import { SignedWebhookGuard } from '../providers/http/signed-webhook.guard';
import { RecordInboundSmsUseCase } from './use-cases/record-inbound-sms.use-case';

/** The SMS provider forwards what guardians text back (public, signed): STOP / START for information campaigns. */
@ApiTags('providers')
@Controller('v1/providers/sms')
@Public()
export class SmsInboundController {
  constructor(private readonly recordInboundSms: RecordInboundSmsUseCase) {}

  @Post('inbound')
  @HttpCode(200)
  @UseGuards(SignedWebhookGuard)
  @ApiOperation({ summary: 'An SMS a guardian sent (provider webhook, signed like the delivery reports)' })
  @ApiHeader({
    name: 'X-Meldpunt-Timestamp',
    description: 'Unix seconds; refused when more than 5 minutes off',
  })
  @ApiHeader({
    name: 'X-Meldpunt-Signature',
    description: 'sha256=<hex HMAC-SHA256 of `<timestamp>.<raw body>` under PROVIDER_WEBHOOK_SECRET>',
  })
  @ApiResponse({ status: 200, type: InboundSmsResponseDto })
  async inbound(@Body() body: InboundSmsRequestDto): Promise<InboundSmsResponseDto> {
    const action = await this.recordInboundSms.execute({
      from: body.from,
      body: body.body,
      receivedAt: new Date(body.receivedAt),
    });
    return { action };
  }
}
