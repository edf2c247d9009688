/** The four back-end services whose health the console shows. Ids are stable: the page translates them. */
export const SERVICE_IDS = ['intake', 'risk-assessment', 'communication', 'scheduling'] as const;

export type ServiceId = (typeof SERVICE_IDS)[number];

/** One back-end service as the console reaches it (base URL without trailing slash). */
export interface PlatformService {
  readonly service: ServiceId;
  readonly url: string;
}
