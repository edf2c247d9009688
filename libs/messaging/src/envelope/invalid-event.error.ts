/** "field 'clbId': Invalid UUID; field 'name': Too small" — one line naming every bad field. */
export function describeIssues(
  issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[],
): string {
  return issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `field '${path}': ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** An event (envelope or payload) that does not satisfy its contract. Never retried: it can never succeed. */
export class InvalidEventError extends Error {
  constructor(
    readonly topic: string,
    readonly reason: string,
  ) {
    super(`Invalid event for topic ${topic}: ${reason}`);
    this.name = 'InvalidEventError';
  }
}

/** A topic that is not in the contract registry. */
export class UnknownTopicError extends Error {
  constructor(readonly topic: string) {
    super(`Topic ${topic} has no contract in the registry (add it to CONTRACTS, or to the test registry)`);
    this.name = 'UnknownTopicError';
  }
}
