import { readFileSync } from 'node:fs';

import { z } from 'zod';

import { withConfigCheck } from './config-checks';
import { isProductionEnv, secret } from './secret-config';

export const KAFKA_SECURITY_PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] as const;
export type KafkaSecurityProtocol = (typeof KAFKA_SECURITY_PROTOCOLS)[number];

const usesSasl = (protocol: string | undefined): boolean => protocol === 'SASL_PLAINTEXT' || protocol === 'SASL_SSL';
const usesTls = (protocol: string | undefined): boolean => protocol === 'SSL' || protocol === 'SASL_SSL';

/** A PEM file read once at boot: a path that cannot be read or holds no PEM block is a config error. */
const pemFile = z
  .string()
  .min(1)
  .transform((path, ctx) => {
    try {
      const pem = readFileSync(path, 'utf8');
      if (!pem.includes('-----BEGIN')) {
        ctx.addIssue({ code: 'custom', message: `${path} holds no PEM block` });
        return z.NEVER;
      }
      return { path, pem };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
      ctx.addIssue({ code: 'custom', message: `cannot read ${path} (${code})` });
      return z.NEVER;
    }
  });

export interface PemFile {
  path: string;
  pem: string;
}

interface KafkaConnectionFields {
  KAFKA_SECURITY_PROTOCOL: KafkaSecurityProtocol;
  KAFKA_SASL_USERNAME?: string;
  KAFKA_SASL_PASSWORD?: string;
  KAFKA_SSL_CA_FILE?: PemFile;
  KAFKA_SSL_CERT_FILE?: PemFile;
  KAFKA_SSL_KEY_FILE?: PemFile;
  KAFKA_SSL_REJECT_UNAUTHORIZED: boolean;
  KAFKA_ALLOW_PLAINTEXT_IN_PRODUCTION: boolean;
}

/**
 * The rules across the connection fields. Production refuses every protocol without TLS
 * (PLAINTEXT lets anyone who reaches the broker publish a forged `application.scored`;
 * SASL_PLAINTEXT authenticates but sends the records in clear) and an unverified broker.
 */
export function kafkaConnectionProblems(
  parsed: Readonly<Record<string, unknown>>,
  env: Record<string, string | undefined>,
): string[] {
  const c = parsed as unknown as KafkaConnectionFields;
  const protocol = c.KAFKA_SECURITY_PROTOCOL;
  const problems: string[] = [];
  if (isProductionEnv(env)) {
    if (!usesTls(protocol) && !c.KAFKA_ALLOW_PLAINTEXT_IN_PRODUCTION) {
      problems.push(
        `KAFKA_SECURITY_PROTOCOL=${protocol} is refused in production: use SASL_SSL (or SSL with client certificates)`,
      );
    }
    if (!c.KAFKA_SSL_REJECT_UNAUTHORIZED) {
      problems.push(
        'KAFKA_SSL_REJECT_UNAUTHORIZED=false is refused in production: the broker certificate must be verified',
      );
    }
  }
  if (usesSasl(protocol)) {
    for (const name of ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'] as const) {
      if (!c[name]) {
        problems.push(`${name} is missing (KAFKA_SECURITY_PROTOCOL=${protocol} needs it)`);
      }
    }
  } else if (c.KAFKA_SASL_USERNAME !== undefined || c.KAFKA_SASL_PASSWORD !== undefined) {
    problems.push(
      `KAFKA_SASL_USERNAME/KAFKA_SASL_PASSWORD are set but KAFKA_SECURITY_PROTOCOL=${protocol} does not use SASL`,
    );
  }
  if (!usesTls(protocol)) {
    const tlsFiles = (['KAFKA_SSL_CA_FILE', 'KAFKA_SSL_CERT_FILE', 'KAFKA_SSL_KEY_FILE'] as const).filter(
      (name) => c[name] !== undefined,
    );
    if (tlsFiles.length > 0) {
      problems.push(`${tlsFiles.join(', ')} set but KAFKA_SECURITY_PROTOCOL=${protocol} does not use TLS`);
    }
  }
  if ((c.KAFKA_SSL_CERT_FILE === undefined) !== (c.KAFKA_SSL_KEY_FILE === undefined)) {
    problems.push('KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE go together (a client certificate needs its key)');
  }
  return problems;
}

/**
 * How every LoanMesh process reaches Kafka, validated once at boot. Locally PLAINTEXT on
 * 127.0.0.1; in production SASL_SSL with the service's own SCRAM user, whose ACLs allow only
 * its own topics (`npm run kafka:provision`).
 */
export const kafkaConnectionConfig = {
  KAFKA_BROKERS: z
    .string()
    .min(1)
    .transform((s) => s.split(',').map((b) => b.trim()))
    .pipe(z.array(z.string().regex(/^[^:]+:\d+$/, 'each broker must be host:port')).min(1)),
  KAFKA_SECURITY_PROTOCOL: withConfigCheck(
    z.enum(KAFKA_SECURITY_PROTOCOLS).default('PLAINTEXT'),
    kafkaConnectionProblems,
  ),
  KAFKA_SASL_MECHANISM: z.enum(['scram-sha-256', 'scram-sha-512']).default('scram-sha-512'),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  /** The service user's SCRAM password: a secret, judged only when the protocol uses SASL. */
  KAFKA_SASL_PASSWORD: secret(z.string().min(1).optional(), {
    optionalOutsideProduction: true,
    neededWhen: (env) => usesSasl(env.KAFKA_SECURITY_PROTOCOL),
  }),
  /** CA that signed the brokers' certificates; unset, Node's public CA list is trusted. */
  KAFKA_SSL_CA_FILE: pemFile.optional(),
  /** Client certificate and key (mutual TLS), both or neither. */
  KAFKA_SSL_CERT_FILE: pemFile.optional(),
  KAFKA_SSL_KEY_FILE: pemFile.optional(),
  KAFKA_SSL_REJECT_UNAUTHORIZED: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(true),
  /**
   * Only for a single-host stack whose broker is reachable by nothing else (docker-compose's
   * private network): lets a production-mode image talk PLAINTEXT. Never set in Kubernetes
   * (test/deployment/k8s-manifests.spec.ts refuses it).
   */
  KAFKA_ALLOW_PLAINTEXT_IN_PRODUCTION: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
};

export type KafkaConnectionConfig = Readonly<z.infer<z.ZodObject<typeof kafkaConnectionConfig>>>;

/** The connection fields of any app config that composes `kafkaConnectionConfig`. */
export type KafkaConnectionFieldsOf = Pick<KafkaConnectionConfig, keyof typeof kafkaConnectionConfig>;

/** What a Kafka client needs to connect, in the shape KafkaJS takes (`createKafkaClient`). */
export interface KafkaConnection {
  brokers: string[];
  ssl?: { ca?: string[]; cert?: string; key?: string; rejectUnauthorized: boolean };
  sasl?:
    | { mechanism: 'scram-sha-256'; username: string; password: string }
    | { mechanism: 'scram-sha-512'; username: string; password: string };
}

/** The connection of a validated config (`loadConfig` has already refused inconsistent fields). */
export function kafkaConnectionOf(config: KafkaConnectionFieldsOf): KafkaConnection {
  const protocol = config.KAFKA_SECURITY_PROTOCOL;
  const connection: KafkaConnection = { brokers: [...config.KAFKA_BROKERS] };
  if (usesTls(protocol)) {
    connection.ssl = {
      ca: config.KAFKA_SSL_CA_FILE ? [config.KAFKA_SSL_CA_FILE.pem] : undefined,
      cert: config.KAFKA_SSL_CERT_FILE?.pem,
      key: config.KAFKA_SSL_KEY_FILE?.pem,
      rejectUnauthorized: config.KAFKA_SSL_REJECT_UNAUTHORIZED,
    };
  }
  if (usesSasl(protocol) && config.KAFKA_SASL_USERNAME && config.KAFKA_SASL_PASSWORD) {
    connection.sasl = {
      mechanism: config.KAFKA_SASL_MECHANISM,
      username: config.KAFKA_SASL_USERNAME,
      password: config.KAFKA_SASL_PASSWORD,
    };
  }
  return connection;
}

/** A PLAINTEXT connection to the given brokers (local tools and tests on the dev listener). */
export function plaintextKafkaConnection(brokers: readonly string[]): KafkaConnection {
  return { brokers: [...brokers] };
}
