import { z } from 'zod';
import { ACTIVITIES, DISEASES } from './meldingen.events';
import { DECIDED_RISKS, decidedMeasureV1, EXPOSURE_KINDS_V1 } from './risk.events';

/**
 * The school's anonymised class notice for one decision version (communication, issue 5): which classes, groups
 * and activities are concerned, how many pupils and staff members of each got which measures, with their dates.
 * No name, no ref, no free text and no medical detail of anyone: ids, enums and counts per class only. Every version carries the whole picture
 * (the school shows the latest); `changed` marks the classes where something differs from the previous version.
 * Keyed per school.
 */
export const schoolNoticeIssuedV1 = z.object({
  noticeId: z.uuid(),
  schoolId: z.uuid(),
  clbId: z.uuid(),
  caseId: z.uuid(),
  decisionVersion: z.number().int().min(1),
  disease: z.enum(DISEASES),
  issuedAt: z.iso.datetime({ offset: true }),
  classes: z
    .array(
      z.object({
        kind: z.enum(EXPOSURE_KINDS_V1),
        /** The roster's class, group or living group (intake shows the school its name), or null. */
        groupId: z.uuid().nullable(),
        /** For an activity: which kind (the school sees it in words), else null. */
        activity: z.enum(ACTIVITIES).nullable(),
        lastContactDate: z.iso.date(),
        changed: z.boolean(),
        /** Contacts with the same risk and the same measures, counted per kind of person. */
        groups: z
          .array(
            z.object({
              risk: z.enum(DECIDED_RISKS),
              pupils: z.number().int().min(0),
              staff: z.number().int().min(0),
              measures: z.array(decidedMeasureV1).max(20),
            }),
          )
          .max(100),
      }),
    )
    .max(1_000),
});
export type SchoolNoticeIssuedV1 = z.infer<typeof schoolNoticeIssuedV1>;
