import { z } from 'zod';
import { ConfigError, type ConfigIssue } from './config-error';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Parses the environment against a schema once, at boot. Missing and invalid variables are all reported
 * together, each by name, in a ConfigError. This is the only place that reads process.env.
 */
export function loadConfig<TSchema extends z.ZodType>(
  service: string,
  schema: TSchema,
  env: Env = process.env,
): z.infer<TSchema> {
  // Empty strings count as unset, so `DATABASE_URL= npm start` fails as clearly as a missing variable.
  const cleaned: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') cleaned[key] = value;
  }
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const issues: ConfigIssue[] = result.error.issues.map((issue) => {
    const variable = issue.path.map(String).join('.') || '(environment)';
    const missing = issue.code === 'invalid_type' && cleaned[variable] === undefined;
    return { variable, message: missing ? 'is required but not set' : issue.message };
  });
  throw new ConfigError(service, issues);
}
