import type { Activity, Disease, SubjectKind, TestResult } from '@meldpunt/contracts';
import type { MeldingStatus } from './melding-status';
import type { UnlistedRole } from './melding.entity';

/** A melding as validated by the transport (shape checked; dates not yet). */
export interface MeldingInput {
  readonly schoolId: string;
  readonly subject: {
    readonly kind: SubjectKind;
    readonly rosterId?: string;
    readonly firstName?: string;
    readonly lastName?: string;
    readonly birthDate?: string | null;
    readonly role?: UnlistedRole;
  };
  readonly disease: Disease;
  /** The disease's name when `disease` is other. */
  readonly diseaseOther?: string;
  readonly onsetDate: string | null;
  readonly test: { readonly date: string; readonly result: TestResult } | null;
  readonly lastDayPresent: string;
  readonly groupIds?: readonly string[];
  readonly activities?: readonly Activity[];
  readonly contactPerson: {
    readonly name: string;
    readonly email?: string | null;
    readonly phone: string;
  };
  readonly remarks?: string | null;
}

/** The answer to an accepted or merged melding (remembered per Idempotency-Key). */
export interface MeldingAcceptedBody {
  readonly reference: string;
  readonly meldingId: string;
  readonly status: MeldingStatus;
  readonly statusUrl: string;
  readonly merged: boolean;
}
