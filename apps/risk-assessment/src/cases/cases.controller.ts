import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  type MessageEvent,
  Param,
  Patch,
  Post,
  Query,
  Sse,
  UseFilters,
} from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles, Scope, TenancyScope } from '@meldpunt/auth';
import { map, type Observable } from 'rxjs';
import { AddContactsRequestDto } from './dto/add-contacts.request.dto';
import { AddExposureRequestDto } from './dto/add-exposure.request.dto';
import { AssignCaseRequestDto } from './dto/assign-case.request.dto';
import { ApproveResponseDto, CaseDetailDto, QueueResponseDto } from './dto/case.response.dto';
import { ListCasesRequestDto } from './dto/list-cases.request.dto';
import { ReclassifyContactsRequestDto } from './dto/reclassify-contacts.request.dto';
import { CasesExceptionFilter } from './http/cases-exception.filter';
import { UuidParamPipe } from './http/uuid-param.pipe';
import { CaseEventStream } from './live/case-event-stream';
import { ApproveCaseUseCase } from './use-cases/approve-case.use-case';
import { AssignCaseUseCase } from './use-cases/assign-case.use-case';
import { EditContactsUseCase } from './use-cases/edit-contacts.use-case';
import { GetCaseUseCase } from './use-cases/get-case.use-case';
import { ListQueueUseCase } from './use-cases/list-queue.use-case';
import { ReclassifyContactsUseCase } from './use-cases/reclassify-contacts.use-case';

/** Browsers reconnect an EventSource after this many milliseconds. */
const SSE_RETRY_MS = 3_000;

/**
 * The risk queue and case pages of a CLB. Every route is scoped to the caller's CLBs (another CLB's case is a 404).
 * CLB staff and doctors prepare cases; only a doctor approves. Coordinators may read.
 */
@ApiTags('cases')
@Controller('v1/cases')
@UseFilters(CasesExceptionFilter)
export class CasesController {
  constructor(
    private readonly listQueue: ListQueueUseCase,
    private readonly getCase: GetCaseUseCase,
    private readonly assignCase: AssignCaseUseCase,
    private readonly reclassify: ReclassifyContactsUseCase,
    private readonly editContacts: EditContactsUseCase,
    private readonly approveCase: ApproveCaseUseCase,
    private readonly stream: CaseEventStream,
  ) {}

  @Get()
  @Roles('doctor', 'clb-staff', 'coordinator')
  @ApiOperation({ summary: "The CLB's queue: by urgency, then deadline, then waiting time" })
  @ApiResponse({ status: 200, type: QueueResponseDto })
  async index(@Query() query: ListCasesRequestDto, @Scope() scope: TenancyScope): Promise<QueueResponseDto> {
    const status = query.status ?? 'open';
    return this.listQueue.execute(scope, {
      statuses: status === 'all' ? ['open', 'decided'] : [status],
      limit: query.limit ?? 100,
      offset: query.offset ?? 0,
    });
  }

  /** Declared before `:id`, so `stream` is never taken for a case id. */
  @Sse('stream')
  @Roles('doctor', 'clb-staff', 'coordinator')
  @ApiOperation({
    summary:
      'Live queue (server-sent events): ready, case-opened, case-changed (data: a queue item), resync, ping',
  })
  @ApiProduces('text/event-stream')
  live(@Scope() scope: TenancyScope): Observable<MessageEvent> {
    return this.stream.subscribe(scope).pipe(
      map((event): MessageEvent => {
        if (event.type === 'ready') return { type: event.type, data: event.data, retry: SSE_RETRY_MS };
        if (event.type === 'case-opened' || event.type === 'case-changed') {
          return { type: event.type, id: event.id, data: event.data };
        }
        return { type: event.type, data: event.data };
      }),
    );
  }

  @Get(':id')
  @Roles('doctor', 'clb-staff', 'coordinator')
  @ApiOperation({
    summary: 'A case: melding facts, timeline, exposures, contacts (proposal, rule, override, letters)',
  })
  @ApiResponse({ status: 200, type: CaseDetailDto })
  async show(@Param('id', UuidParamPipe) id: string, @Scope() scope: TenancyScope): Promise<CaseDetailDto> {
    return this.getCase.execute(scope, id);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @Roles('doctor', 'clb-staff')
  @ApiOperation({ summary: "Take the case (409 when it is a colleague's: assign instead)" })
  @ApiResponse({ status: 200, type: CaseDetailDto })
  async claim(@Param('id', UuidParamPipe) id: string, @Scope() scope: TenancyScope): Promise<CaseDetailDto> {
    await this.assignCase.claim(scope, id);
    return this.getCase.execute(scope, id);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('doctor', 'clb-staff')
  @ApiOperation({ summary: 'Give the case to a colleague (assigneeId), or to nobody (null)' })
  @ApiResponse({ status: 200, type: CaseDetailDto })
  async assign(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: AssignCaseRequestDto,
    @Scope() scope: TenancyScope,
  ): Promise<CaseDetailDto> {
    await this.assignCase.assign(scope, id, body.assigneeId);
    return this.getCase.execute(scope, id);
  }

  @Patch(':id/contacts')
  @Roles('doctor', 'clb-staff')
  @ApiOperation({
    summary:
      'Bulk change of selected contacts: override risk (reason required), clear overrides, vaccination',
  })
  @ApiResponse({ status: 200, type: CaseDetailDto })
  @ApiResponse({ status: 422, description: 'Unknown or removed contacts, missing reason: { fields }' })
  async reclassifyContacts(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ReclassifyContactsRequestDto,
    @Scope() scope: TenancyScope,
  ): Promise<CaseDetailDto> {
    await this.reclassify.execute(scope, id, {
      contactIds: body.contactIds,
      ...(body.risk !== undefined ? { risk: body.risk } : {}),
      ...(body.reason !== undefined ? { reason: body.reason } : {}),
      ...(body.clearOverride !== undefined ? { clearOverride: body.clearOverride } : {}),
      ...(body.vaccinated !== undefined ? { vaccinated: body.vaccinated } : {}),
    });
    return this.getCase.execute(scope, id);
  }

  @Post(':id/contacts')
  @HttpCode(200)
  @Roles('doctor', 'clb-staff')
  @ApiOperation({ summary: 'Add contacts to an exposure (by roster ref, or external)' })
  @ApiResponse({ status: 200, type: CaseDetailDto })
  async addContacts(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: AddContactsRequestDto,
    @Scope() scope: TenancyScope,
  ): Promise<CaseDetailDto> {
    await this.editContacts.addContacts(scope, id, body);
    return this.getCase.execute(scope, id);
  }

  @Delete(':id/contacts/:contactId')
  @Roles('doctor', 'clb-staff')
  @ApiOperation({ summary: 'Remove a contact (kept struck through; adding it again brings it back)' })
  @ApiResponse({ status: 200, type: CaseDetailDto })
  async removeContact(
    @Param('id', UuidParamPipe) id: string,
    @Param('contactId', UuidParamPipe) contactId: string,
    @Scope() scope: TenancyScope,
  ): Promise<CaseDetailDto> {
    await this.editContacts.removeContact(scope, id, contactId);
    return this.getCase.execute(scope, id);
  }

  @Post(':id/exposures')
  @HttpCode(200)
  @Roles('doctor', 'clb-staff')
  @ApiOperation({ summary: 'Add an activity, household or other exposure (then add its contacts)' })
  @ApiResponse({ status: 200, type: CaseDetailDto })
  async addExposure(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: AddExposureRequestDto,
    @Scope() scope: TenancyScope,
  ): Promise<CaseDetailDto> {
    await this.editContacts.addExposure(scope, id, body);
    return this.getCase.execute(scope, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('doctor')
  @ApiOperation({
    summary:
      'Approve (doctors only): publishes risk.measures.decided.v1 as the next version, unless unchanged',
  })
  @ApiResponse({ status: 200, type: ApproveResponseDto })
  @ApiResponse({ status: 403, description: 'Not a doctor (CLB staff prepare, doctors approve)' })
  async approve(
    @Param('id', UuidParamPipe) id: string,
    @Scope() scope: TenancyScope,
  ): Promise<ApproveResponseDto> {
    const result = await this.approveCase.execute(scope, id);
    return { ...result, case: await this.getCase.execute(scope, id) };
  }
}
