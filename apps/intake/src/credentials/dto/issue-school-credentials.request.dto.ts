import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MESSAGES } from '../../meldingen/meldingen.messages';

export const MAX_GRACE_PERIOD_MINUTES = 24 * 60;

export class IssueSchoolCredentialsRequestDto {
  @ApiPropertyOptional({
    description: 'Minutes the previous credentials keep working (0 = revoked at once).',
    minimum: 0,
    maximum: MAX_GRACE_PERIOD_MINUTES,
    default: 0,
  })
  @IsOptional()
  @IsInt({ message: `gracePeriodMinutes ${MESSAGES.field.integer(0, MAX_GRACE_PERIOD_MINUTES)}` })
  @Min(0, { message: `gracePeriodMinutes ${MESSAGES.field.integer(0, MAX_GRACE_PERIOD_MINUTES)}` })
  @Max(MAX_GRACE_PERIOD_MINUTES, {
    message: `gracePeriodMinutes ${MESSAGES.field.integer(0, MAX_GRACE_PERIOD_MINUTES)}`,
  })
  gracePeriodMinutes?: number;
}
