import path from 'node:path';
import { z } from 'zod';
import { parseEmbedOrigins } from '@/embed/origins';

/**
 * The one place that reads process.env. Everything else imports `env` (or the
 * derived values below) so a wrong variable fails at start-up with a message
 * that says how to fix it, not somewhere deep in a request.
 */

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());

const integer = (fallback: number, min: number, max: number) =>
  z.preprocess(emptyAsUndefined, z.coerce.number().int().min(min).max(max).default(fallback));

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: integer(3000, 0, 65535),
    HOST: optionalString,
    DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data')),
    DATABASE_URL: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .refine((url) => /^(file:|mysql:\/\/|mariadb:\/\/)/.test(url), {
          message:
            'must be file:<path> for SQLite or mysql://user:password@host:3306/database for MySQL/MariaDB (or leave it unset for ./data/tanya.db)',
        })
        .optional(),
    ),
    AUTH_SECRET: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .min(32, 'must be at least 32 characters; generate one with: openssl rand -base64 48')
        .optional(),
    ),
    AUTH_SECRET_PREVIOUS: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .min(32, 'must be at least 32 characters: the AUTH_SECRET you are rotating away from')
        .optional(),
    ),
    TRUST_PROXY: integer(0, 0, 10),
    PUBLIC_URL: z.preprocess(
      emptyAsUndefined,
      z.url('must be the absolute URL visitors use, e.g. https://example.com').optional(),
    ),
    ADMIN_EMAIL: z.preprocess(emptyAsUndefined, z.email('must be a valid email address').optional()),
    ADMIN_PASSWORD: z.preprocess(
      emptyAsUndefined,
      z.string().min(10, 'must be at least 10 characters').optional(),
    ),
    LOG_LEVEL: z.preprocess(
      emptyAsUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
    ),
    MAX_BODY_BYTES: integer(64 * 1024, 1024, 10 * 1024 * 1024),
    LOGIN_RATE_LIMIT_PER_MINUTE: integer(5, 0, 10_000),
    CHAT_SESSION_EXPIRY_DAYS: integer(7, 1, 365),
    CHAT_RATE_LIMIT_PER_MINUTE: integer(10, 0, 1_000_000),
    CHAT_RATE_LIMIT_PER_IP_PER_MINUTE: integer(60, 0, 1_000_000),
    CHAT_SESSION_RATE_LIMIT_PER_IP_PER_MINUTE: integer(30, 0, 1_000_000),
    // Bot gate for new chat sessions: a proof of work (default), Cloudflare Turnstile, or off.
    CHAT_BOT_GATE: z.preprocess(
      emptyAsUndefined,
      z.enum(['pow', 'turnstile', 'off'], 'must be pow (the self-hosted proof of work), turnstile or off').optional(),
    ),
    CHAT_POW_COST: integer(2_000, 1, 10_000_000),
    TURNSTILE_SITE_KEY: optionalString,
    TURNSTILE_SECRET_KEY: optionalString,
    TURNSTILE_VERIFY_URL: z.preprocess(
      emptyAsUndefined,
      z.url('must be the siteverify URL').default('https://challenges.cloudflare.com/turnstile/v0/siteverify'),
    ),
    OPENAI_API_KEY: z.preprocess(
      emptyAsUndefined,
      z.string().regex(/^\S+$/, 'must be the key alone, without spaces or quotes (sk-…)').optional(),
    ),
    AI_BASE_URL: z.preprocess(
      emptyAsUndefined,
      z
        .url('must be the OpenAI-compatible API base URL, e.g. http://127.0.0.1:11434/v1 for Ollama')
        .refine((url) => /^https?:\/\//.test(url), 'must start with http:// or https://')
        .optional(),
    ),
    AI_API_KEY: optionalString,
    AI_MODEL: optionalString,
    AI_TIMEOUT_MS: integer(20_000, 100, 600_000),
    AI_MAX_OUTPUT_TOKENS: integer(400, 16, 8_192),
    AI_REPLIES_PER_CONVERSATION_PER_HOUR: integer(20, 0, 100_000),
    AI_DAILY_TOKEN_BUDGET: integer(200_000, 0, 1_000_000_000),
    // Replies in progress at once per process; the rest wait in order. The built-in provider's worker pool takes two per
    // worker at a time whatever this says, so the number is for hosted providers, whose replies mostly wait on the network.
    AI_MAX_CONCURRENT_REPLIES: integer(32, 1, 10_000),
    // Several instances: fan-out and shared state through Redis (unset = one process, in memory).
    REDIS_URL: z.preprocess(
      emptyAsUndefined,
      z
        .url('must be redis://[:password@]host:6379[/db] (rediss:// for TLS), or leave it unset for a single instance')
        .refine((url) => /^rediss?:\/\//.test(url), 'must start with redis:// or rediss:// (e.g. redis://127.0.0.1:6379)')
        .optional(),
    ),
    REDIS_KEY_PREFIX: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^[\w:.-]{1,64}$/, 'must be 1–64 letters, digits, ":", ".", "_" or "-" (e.g. tanya:); one per site sharing a Redis')
        .default('tanya:'),
    ),
    // Realtime transport: the embedded Socket.IO server, or Pusher Channels for serverless hosts.
    REALTIME_DRIVER: z.preprocess(
      emptyAsUndefined,
      z.enum(['socket.io', 'pusher'], 'must be socket.io (the embedded default) or pusher').default('socket.io'),
    ),
    PUSHER_APP_ID: optionalString,
    PUSHER_KEY: optionalString,
    PUSHER_SECRET: optionalString,
    PUSHER_CLUSTER: z.preprocess(
      emptyAsUndefined,
      z.string().regex(/^[a-z0-9-]+$/, 'must be the cluster name from the Pusher dashboard, e.g. eu or ap1').optional(),
    ),
    PUSHER_HOST: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9.-]+$/, 'must be a host name or IP alone (no scheme, port or path), e.g. soketi.example.com')
        .optional(),
    ),
    PUSHER_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).optional()),
    // E-mail notifications (owner and visitor). Unset SMTP_URL = no mail is sent.
    SMTP_URL: z.preprocess(
      emptyAsUndefined,
      z
        .url('must be smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465 (TLS); encode @ or : in the password as %40 / %3A')
        .refine((url) => /^smtps?:\/\//.test(url), 'must start with smtp:// or smtps:// (e.g. smtp://user:password@smtp.example.com:587)')
        .optional(),
    ),
    NOTIFY_EMAIL: z.preprocess(emptyAsUndefined, z.email('must be the address the owner\'s notifications go to, e.g. me@example.com').optional()),
    MAIL_FROM: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, 'must be an address, e.g. chat@example.com or "Tanya <chat@example.com>"')
        .optional(),
    ),
    NOTIFY_AFTER_SECONDS: integer(120, 0, 86_400),
    NOTIFY_DIGEST_MINUTES: integer(15, 0, 1_440),
    NOTIFY_MAX_PER_HOUR: integer(20, 1, 10_000),
    // How long to wait before each new attempt at a mail the SMTP server refused; after the last, the mail is marked failed.
    NOTIFY_RETRY_SECONDS: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^\d+(,\d+)*$/, 'must be a comma-separated list of seconds, e.g. 60,300,1800,7200')
        .default('60,300,1800,7200')
        .transform((list) => list.split(',').map(Number)),
    ),
    // The sites whose pages may embed the chat by its script tag (/embed.js), until the owner edits the list in the settings.
    EMBED_ORIGINS: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .default('')
        .transform((list, context) => {
          const { origins, errors } = parseEmbedOrigins(list.split(','));
          for (const error of errors) context.addIssue({ code: 'custom', message: `${error} (a comma-separated list, e.g. https://blog.example.com,https://example.github.io)` });
          return origins;
        }),
    ),
    // Images in the chat: their largest accepted size, a visitor's uploads per hour, and where they are kept
    // (DATA_DIR/uploads, or an S3-compatible bucket when S3_BUCKET is set).
    UPLOAD_MAX_BYTES: integer(5 * 1024 * 1024, 1024, 50 * 1024 * 1024),
    VISITOR_UPLOADS_PER_HOUR: integer(20, 0, 10_000),
    S3_BUCKET: optionalString,
    S3_REGION: z.preprocess(emptyAsUndefined, z.string().default('us-east-1')),
    S3_ENDPOINT: z.preprocess(emptyAsUndefined, z.url('must be a URL, e.g. https://s3.eu-central-1.amazonaws.com or http://127.0.0.1:9000').optional()),
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    S3_FORCE_PATH_STYLE: z.preprocess(
      emptyAsUndefined,
      z.enum(['true', 'false'], 'must be true or false').default('false').transform((value) => value === 'true'),
    ),
    PUSHER_USE_TLS: z.preprocess(
      emptyAsUndefined,
      z.enum(['true', 'false'], 'must be true or false').default('true').transform((value) => value === 'true'),
    ),
  })
  .refine(
    (values) =>
      values.REALTIME_DRIVER !== 'pusher' || Boolean(values.PUSHER_APP_ID && values.PUSHER_KEY && values.PUSHER_SECRET),
    {
      message: 'REALTIME_DRIVER=pusher needs PUSHER_APP_ID, PUSHER_KEY and PUSHER_SECRET (App Keys in the Pusher dashboard)',
      path: ['REALTIME_DRIVER'],
    },
  )
  .refine((values) => values.REALTIME_DRIVER !== 'pusher' || Boolean(values.PUSHER_CLUSTER) !== Boolean(values.PUSHER_HOST), {
    message:
      'REALTIME_DRIVER=pusher needs exactly one of PUSHER_CLUSTER (Pusher Channels, e.g. eu) or PUSHER_HOST (a self-hosted Pusher-protocol server such as Soketi)',
    path: ['PUSHER_CLUSTER'],
  })
  .refine((values) => values.PUSHER_PORT === undefined || Boolean(values.PUSHER_HOST), {
    message: 'PUSHER_PORT goes with PUSHER_HOST (Pusher Channels clusters use the standard ports): set PUSHER_HOST or remove it',
    path: ['PUSHER_PORT'],
  })
  .refine((values) => Boolean(values.S3_ACCESS_KEY_ID) === Boolean(values.S3_SECRET_ACCESS_KEY), {
    message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together (or both left unset to use the AWS SDK default credentials)',
    path: ['S3_ACCESS_KEY_ID'],
  })
  .refine((values) => Boolean(values.TURNSTILE_SITE_KEY) === Boolean(values.TURNSTILE_SECRET_KEY), {
    message: 'TURNSTILE_SITE_KEY and TURNSTILE_SECRET_KEY must be set together (both from the Turnstile widget in the Cloudflare dashboard)',
    path: ['TURNSTILE_SITE_KEY'],
  })
  .refine((values) => values.CHAT_BOT_GATE !== 'turnstile' || Boolean(values.TURNSTILE_SITE_KEY), {
    message: 'CHAT_BOT_GATE=turnstile needs TURNSTILE_SITE_KEY and TURNSTILE_SECRET_KEY; or use CHAT_BOT_GATE=pow',
    path: ['CHAT_BOT_GATE'],
  })
  .transform((values) => ({
    ...values,
    // Turnstile when its keys are set, the self-hosted proof of work otherwise.
    CHAT_BOT_GATE: values.CHAT_BOT_GATE ?? (values.TURNSTILE_SITE_KEY ? ('turnstile' as const) : ('pow' as const)),
  }))
  .refine((values) => Boolean(values.ADMIN_EMAIL) === Boolean(values.ADMIN_PASSWORD), {
    message: 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together (or both left unset)',
    path: ['ADMIN_EMAIL'],
  })
  .refine((values) => Boolean(values.AI_BASE_URL) || (!values.AI_API_KEY && !values.AI_MODEL), {
    message:
      'AI_API_KEY and AI_MODEL configure an OpenAI-compatible endpoint: set AI_BASE_URL too (e.g. http://127.0.0.1:11434/v1), or remove them',
    path: ['AI_BASE_URL'],
  })
  .refine((values) => !values.AI_BASE_URL || Boolean(values.AI_MODEL), {
    message: 'AI_BASE_URL needs AI_MODEL, the model name that endpoint serves (e.g. llama3.1:8b)',
    path: ['AI_MODEL'],
  });

export type Env = z.infer<typeof schema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (issue) => `  - ${issue.path.join('.') || 'environment'}: ${issue.message}`,
  );
  throw new ConfigError(
    `Invalid configuration:\n${lines.join('\n')}\nFix these variables in the environment or in .env, then start again (see .env.example).`,
  );
}

export const env: Env = parseEnv(process.env);

export const isProduction = env.NODE_ENV === 'production';

/** Tests keep their output readable: only warnings and worse unless LOG_LEVEL asks for more. */
export const logLevel = env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'warn' : 'info');

export const dataDir = path.resolve(env.DATA_DIR);

export type DatabaseTarget =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'mysql'; url: string };

export function resolveDatabaseTarget(url: string | undefined, baseDir = dataDir): DatabaseTarget {
  if (!url) return { dialect: 'sqlite', file: path.join(baseDir, 'tanya.db') };
  if (url.startsWith('file:')) return { dialect: 'sqlite', file: path.resolve(url.slice('file:'.length)) };
  return { dialect: 'mysql', url: url.replace(/^mariadb:/, 'mysql:') };
}

export const databaseTarget = resolveDatabaseTarget(env.DATABASE_URL);
