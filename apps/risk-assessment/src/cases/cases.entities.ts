import { CaseContact } from './entities/case-contact.entity';
import { CaseDecision } from './entities/case-decision.entity';
import { CaseExposureMember } from './entities/case-exposure-member.entity';
import { CaseExposure } from './entities/case-exposure.entity';
import { CaseMelding } from './entities/case-melding.entity';
import { CaseTimelineEntry } from './entities/case-timeline-entry.entity';
import { LetterStatusRecord } from './entities/letter-status.entity';
import { RiskCase } from './entities/risk-case.entity';

export const CASE_ENTITIES = [
  RiskCase,
  CaseMelding,
  CaseExposure,
  CaseExposureMember,
  CaseContact,
  CaseDecision,
  CaseTimelineEntry,
  LetterStatusRecord,
];
