import { z } from 'zod';

import { runConfigChecks } from './config-checks';
import { auditSecrets } from './secret-config';

/** Thrown at boot when the environment does not satisfy an app's schema; names every bad variable. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigValidationError';
  }
}

/** Each weak-secret warning once per process: test suites load a config many times. */
const warned = new Set<string>();

/**
 * The one place that reads the environment. Called once at boot; the result is typed
 * and frozen, and injected where needed. Fields marked with `secret(...)` are refused in
 * production when missing, a committed default, a placeholder or too short; locally a
 * weak one is accepted with a process warning that names the variable.
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
  const secrets = auditSecrets(shape, env, result.data);
  const refused = [...secrets.errors, ...runConfigChecks(shape, result.data, env)];
  if (refused.length > 0) {
    throw new ConfigValidationError(refused);
  }
  for (const warning of secrets.warnings.filter((w) => !warned.has(w))) {
    warned.add(warning);
    process.emitWarning(warning, { code: 'LOANMESH_WEAK_SECRET' });
  }
  return Object.freeze(result.data);
}
