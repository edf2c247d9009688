/** One invalid or missing environment variable. */
export interface ConfigIssue {
  readonly variable: string;
  readonly message: string;
}

/** Thrown at boot when the environment does not satisfy the service's schema. Names every bad variable. */
export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly issues: readonly ConfigIssue[],
  ) {
    super(
      `Invalid configuration for ${service}:\n` +
        issues.map((issue) => `  - ${issue.variable}: ${issue.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}
