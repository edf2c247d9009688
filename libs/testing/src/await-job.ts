import { Job, type JobState, type Queue } from 'bullmq';

export interface AwaitJobOptions {
  /** 10 s unless told. */
  readonly timeoutMs?: number;
  /** The state to wait for; 'completed' unless told. */
  readonly state?: JobState;
  /** 50 ms unless told. */
  readonly intervalMs?: number;
}

/**
 * Polls a BullMQ job (`Job.fromId` + `getState`) until it reaches `state` and returns it. Waiting for
 * 'completed' fails at once, with the job's failedReason, when the job fails instead.
 */
export async function awaitJob(queue: Queue, jobId: string, options: AwaitJobOptions = {}): Promise<Job> {
  const wanted = options.state ?? 'completed';
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  let lastState = 'not found';
  for (;;) {
    // State first, then the job: read the other way round, a job that completes in between comes back
    // without its returnvalue. Completed and failed are final, so the job read after them is complete.
    const state = await queue.getJobState(jobId);
    if (state !== 'unknown') {
      lastState = state;
      if (state === wanted || (state === 'failed' && wanted !== 'failed')) {
        const job: Job | undefined = await Job.fromId(queue, jobId);
        if (!job) throw new Error(`Job ${jobId} on queue ${queue.name} disappeared while awaited`);
        if (state === wanted) return job;
        throw new Error(`Job ${jobId} on queue ${queue.name} failed: ${job.failedReason}`);
      }
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for job ${jobId} on queue ${queue.name} to be ${wanted} (last state: ${lastState})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}
