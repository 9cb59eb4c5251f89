import type { z } from 'zod';

/**
 * A check across several fields of a config (which one field's schema cannot express):
 * receives the parsed values and the raw environment, returns the problems, each naming
 * the variable and never a secret's value.
 */
export type ConfigCheck = (
  parsed: Readonly<Record<string, unknown>>,
  env: Record<string, string | undefined>,
) => string[];

const CHECKS = new WeakMap<z.ZodType, ConfigCheck>();

/**
 * Attaches a cross-field check to a config field: `loadConfig` runs it whenever a shape holds
 * that field, so every app that composes the fragment gets the check without wiring it.
 * Returns the same schema, so the field's type is unchanged.
 */
export function withConfigCheck<T extends z.ZodType>(schema: T, check: ConfigCheck): T {
  CHECKS.set(schema, check);
  return schema;
}

/** Runs the cross-field checks of every field of the shape. */
export function runConfigChecks(
  shape: z.ZodRawShape,
  parsed: Readonly<Record<string, unknown>>,
  env: Record<string, string | undefined>,
): string[] {
  return Object.values(shape).flatMap((schema) => CHECKS.get(schema as z.ZodType)?.(parsed, env) ?? []);
}
