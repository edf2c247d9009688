import { Kafka, logLevel } from 'kafkajs';

export interface ClusterInfo {
  readonly clusterId: string;
  readonly brokers: number;
  readonly controller: number | null;
}

export interface ClusterCheckOptions {
  readonly brokers: readonly string[];
  readonly timeoutMs: number;
  readonly clientId?: string;
}

/**
 * Asks the cluster to describe itself; rejects when it does not answer within `timeoutMs`. Uses a throwaway
 * client without retries: the service's own client would keep reconnecting in the background for seconds after
 * a failed check.
 */
export async function describeClusterWithin(options: ClusterCheckOptions): Promise<ClusterInfo> {
  const kafka = new Kafka({
    clientId: options.clientId ?? 'meldpunt-health',
    brokers: [...options.brokers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: options.timeoutMs,
    requestTimeout: options.timeoutMs,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Kafka did not answer describeCluster within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
  });
  try {
    const cluster = await Promise.race([
      (async () => {
        await admin.connect();
        return admin.describeCluster();
      })(),
      timeout,
    ]);
    return { clusterId: cluster.clusterId, brokers: cluster.brokers.length, controller: cluster.controller };
  } finally {
    clearTimeout(timer);
    await admin.disconnect().catch(() => undefined);
  }
}
