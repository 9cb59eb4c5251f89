import { z } from 'zod';

/** Thrown at boot when the environment does not satisfy an app's schema; names every bad variable. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigValidationError';
  }
}

/**
 * The one place that reads the environment. Called once at boot; the result is typed
 * and frozen, and injected where needed.
 */
export function loadConfig<TShape extends z.ZodRawShape>(
  shape: TShape,
  env: Record<string, string | undefined> = process.env,
): Readonly<z.infer<z.ZodObject<TShape>>> {
  const result = z.object(shape).safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => {
      const name = i.path.join('.');
      return env[name] === undefined ? `${name} is missing` : `${name}: ${i.message}`;
    });
    throw new ConfigValidationError(problems);
  }
  return Object.freeze(result.data);
}
