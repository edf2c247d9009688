import { ApiProperty } from '@nestjs/swagger';
import type { NamedSchoolNotice } from '../use-cases/list-school-notices.use-case';

export class SchoolNoticeResponseDto {
  @ApiProperty({ format: 'uuid' }) noticeId!: string;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ description: '1 = the first notice; higher = updated measures' }) decisionVersion!: number;
  @ApiProperty() disease!: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty({
    description:
      'Per class/group/activity: kind, groupId and the roster name of the group (or the activity), last contact ' +
      'date, changed, and groups of { risk, pupils, staff, measures }',
  })
  classes!: NamedSchoolNotice['classes'];

  static of({ notice, classes }: NamedSchoolNotice): SchoolNoticeResponseDto {
    return {
      noticeId: notice.noticeId,
      schoolId: notice.schoolId,
      caseId: notice.caseId,
      decisionVersion: notice.decisionVersion,
      disease: notice.disease,
      issuedAt: notice.issuedAt.toISOString(),
      classes,
    };
  }
}

export class SchoolNoticeListResponseDto {
  @ApiProperty({ type: [SchoolNoticeResponseDto] }) items!: SchoolNoticeResponseDto[];
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
