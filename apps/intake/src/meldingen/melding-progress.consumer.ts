import { Injectable, Logger } from '@nestjs/common';
import { TOPICS, type CONTRACTS } from '@meldpunt/contracts';
import type { EventHandlers, HandlerMap } from '@meldpunt/messaging';
import { UpdateMeldingStatusUseCase } from './use-cases/update-melding-status.use-case';

/**
 * The school sees how far the CLB is with its melding: risk-assessment's `risk.melding.progressed.v1` moves the
 * melding's status forward (being-assessed → measures-decided → letters-sent), in the inbox transaction. Repeats
 * and late arrivals change nothing (the status never moves back).
 */
@Injectable()
export class MeldingProgressConsumer implements EventHandlers {
  private readonly logger = new Logger(MeldingProgressConsumer.name);

  constructor(private readonly updateStatus: UpdateMeldingStatusUseCase) {}

  eventHandlers(): HandlerMap<typeof CONTRACTS> {
    return {
      [TOPICS.RISK_MELDING_PROGRESSED]: async (event, { manager }) => {
        const { meldingId, stage, at } = event.payload;
        const result = await this.updateStatus.execute(
          { meldingId, status: stage, at: new Date(at) },
          manager,
        );
        // A melding intake never stored cannot be shown to anyone: say so, but don't retry forever.
        if (result === 'not-found')
          this.logger.warn(`melding ${meldingId} progressed to ${stage}: unknown melding`);
      },
    };
  }
}
