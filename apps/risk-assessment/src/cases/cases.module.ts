import { Module } from '@nestjs/common';
import { ProtocolsModule } from '../protocols/protocols.module';
import { RostersModule } from '../rosters/rosters.module';
import { CaseAssessor } from './case-assessor';
import { CaseChanges } from './case-changes';
import { CaseRepository } from './case.repository';
import { CasesConsumer } from './cases.consumer';
import { CasesController } from './cases.controller';
import { ContactRepository } from './contact.repository';
import { ExposureRepository } from './exposure.repository';
import { CaseEventStream } from './live/case-event-stream';
import { CaseNotifier } from './live/case-notifier';
import { ApplyGroupMembershipUseCase } from './use-cases/apply-group-membership.use-case';
import { ApproveCaseUseCase } from './use-cases/approve-case.use-case';
import { AssignCaseUseCase } from './use-cases/assign-case.use-case';
import { EditContactsUseCase } from './use-cases/edit-contacts.use-case';
import { GetCaseUseCase } from './use-cases/get-case.use-case';
import { ListQueueUseCase } from './use-cases/list-queue.use-case';
import { ReceiveMeldingUseCase } from './use-cases/receive-melding.use-case';
import { ReclassifyContactsUseCase } from './use-cases/reclassify-contacts.use-case';
import { RecordLetterStatusUseCase } from './use-cases/record-letter-status.use-case';

/**
 * Cases, contacts and the risk queue: meldingen become cases (one per CLB), classes become contacts in one step,
 * the protocol proposes (PROTOCOL_EVALUATOR from ProtocolsModule), staff prepare, doctors approve, decisions go
 * out through the outbox, letter statuses come back, and the queue is live (SSE). Needs what PlatformModule
 * provides globally: the DataSource, ServiceConfig, OutboxWriter/OutboxRelay. List CasesConsumer in
 * PlatformModule's consumers.
 */
@Module({
  imports: [RostersModule, ProtocolsModule],
  controllers: [CasesController],
  providers: [
    CaseRepository,
    ExposureRepository,
    ContactRepository,
    CaseAssessor,
    CaseChanges,
    CaseNotifier,
    CaseEventStream,
    ReceiveMeldingUseCase,
    ApplyGroupMembershipUseCase,
    RecordLetterStatusUseCase,
    ListQueueUseCase,
    GetCaseUseCase,
    AssignCaseUseCase,
    ReclassifyContactsUseCase,
    EditContactsUseCase,
    ApproveCaseUseCase,
    CasesConsumer,
  ],
  exports: [CasesConsumer, CaseEventStream],
})
export class CasesModule {}
