import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@meldpunt/auth';
import { DeliveryReportsRequestDto, DeliveryReportsResponseDto } from './dto/delivery-reports.request.dto';
import { ChannelParamPipe } from './http/channel-param.pipe';
import { SignedWebhookGuard } from './http/signed-webhook.guard';
import { ApplyDeliveryReportsUseCase } from './use-cases/apply-delivery-reports.use-case';
import type { ContactChannel } from '@meldpunt/contracts';

/** Delivery reports posted by the e-mail and SMS providers (signed; no console token). */
@ApiTags('providers')
@Controller('v1/providers')
export class DeliveryReportsController {
  constructor(private readonly applyReports: ApplyDeliveryReportsUseCase) {}

  @Post(':channel/reports')
  @Public()
  @UseGuards(SignedWebhookGuard)
  @HttpCode(200)
  @ApiOperation({
    summary: "A provider's delivery reports: delivered, bounced or failed (at most 1000 per call)",
    description:
      'Signed: X-Meldpunt-Timestamp (Unix seconds, at most 5 minutes off) and X-Meldpunt-Signature ' +
      '`sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" with PROVIDER_WEBHOOK_SECRET>`. Idempotent; unknown ' +
      'provider ids are counted, not refused.',
  })
  @ApiParam({ name: 'channel', enum: ['email', 'sms'] })
  @ApiHeader({ name: 'X-Meldpunt-Timestamp', required: true })
  @ApiHeader({ name: 'X-Meldpunt-Signature', required: true })
  @ApiResponse({ status: 200, type: DeliveryReportsResponseDto })
  @ApiResponse({ status: 401, description: 'Missing, stale or wrong signature' })
  async receive(
    @Param('channel', ChannelParamPipe) channel: ContactChannel,
    @Body() body: DeliveryReportsRequestDto,
  ): Promise<DeliveryReportsResponseDto> {
    return this.applyReports.execute(
      channel,
      body.reports.map((report) => ({
        providerMessageId: report.providerMessageId,
        status: report.status,
        at: new Date(report.at),
        reason: report.reason,
      })),
    );
  }
}
