import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { crashPoints } from './lib/faults';
import type { RateLimitSpec, RateLimitSpecs } from './services/rate-limits';

const number01 = z.coerce.number().min(0).max(1);

const durationUnits: Record<string, number> = { s: 1, m: 60, h: 3600 };

/** `20/10s`: 20 actions per 10 seconds (units s, m, h); `off` switches the limit off. */
function rateLimitSchema(fallback: string) {
  return z
    .string()
    .trim()
    .default(fallback)
    .transform((raw, ctx): RateLimitSpec => {
      if (raw === 'off') return null;
      const match = /^(\d+)\/(\d+)([smh])$/.exec(raw);
      const points = Number(match?.[1]);
      const durationSeconds = Number(match?.[2]) * (durationUnits[match?.[3] ?? ''] ?? 0);
      if (!match || points < 1 || durationSeconds < 1) {
        ctx.addIssue({
          code: 'custom',
          message: `"${raw}" is not "off" or a limit such as 20/10s, 5/15m, 30/1h`,
        });
        return z.NEVER;
      }
      return { points, durationSeconds };
    });
}

/** A whole number from the environment; not z.coerce, so an empty value is refused instead of becoming 0. */
function wholeNumber(name: string, unit: string, fallback: string) {
  return z
    .string()
    .trim()
    .regex(/^\d{1,9}$/, `${name} must be a whole number of ${unit}`)
    .default(fallback)
    .transform(Number);
}

const namedProxyRanges = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Whose X-Forwarded-For/-Proto are believed (Express `trust proxy`): `true`, `false`, a number of hops, or
 * addresses and subnets (`loopback`, `10.0.0.0/8`, …). Behind a TLS-terminating proxy this is what makes
 * the session cookie `Secure` and the client addresses real.
 */
const trustProxySchema = z
  .string()
  .trim()
  .min(1)
  .default('loopback')
  .transform((raw, ctx): boolean | number | string[] => {
    if (raw === 'true') return true;
    if (raw === 'false') return false;
    if (/^\d+$/.test(raw)) return Number(raw);
    const entries = raw.split(',').map((entry) => entry.trim());
    for (const entry of entries) {
      const [address, bits, extra] = entry.split('/');
      const validBits = bits === undefined || (/^\d{1,3}$/.test(bits) && extra === undefined);
      if (!namedProxyRanges.has(entry) && !(address && isIP(address) && validBits)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${entry}" is not true, false, a hop count, an address, a subnet or loopback/linklocal/uniquelocal`,
        });
        return z.NEVER;
      }
    }
    return entries;
  });

/** `key=origin1,origin2;key2=*` — each widget site key with the origins allowed to embed it. */
const sitesSchema = z
  .string()
  .trim()
  .min(1)
  .transform((raw, ctx) => {
    const sites: Record<string, string[]> = {};
    for (const part of raw.split(';')) {
      const [key, origins] = part.split('=');
      if (!key || !origins || !/^[A-Za-z0-9_-]{1,64}$/.test(key.trim())) {
        ctx.addIssue({ code: 'custom', message: `bad site entry "${part}", expected key=origin1,origin2` });
        return z.NEVER;
      }
      sites[key.trim()] = origins
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean);
    }
    return sites;
  });

/** `smtp://user:pass@host:587` (STARTTLS when the server offers it) or `smtps://…:465` (TLS from the start). */
const smtpUrlSchema = z
  .string()
  .trim()
  .refine((raw) => /^smtps?:\/\/[^/]/.test(raw) && URL.canParse(raw), {
    message: 'SMTP_URL must be a URL such as smtp://user:pass@mail.example.com:587 or smtps://…:465',
  });

/** `support@shop.example` or `Harbor & Pine <support@shop.example>`. */
const mailAddressSchema = z
  .string()
  .trim()
  .transform((raw, ctx): { name: string | null; address: string } => {
    const match = /^(?:([^<>]*?)\s*<([^<>\s]+)>|([^<>\s]+))$/.exec(raw);
    const name = match?.[1]?.replace(/^"(.*)"$/, '$1').trim() || null;
    const address = match?.[2] ?? match?.[3] ?? '';
    if (!z.email().safeParse(address).success) {
      ctx.addIssue({
        code: 'custom',
        message: `"${raw}" is not an address such as Shop <support@shop.example>`,
      });
      return z.NEVER;
    }
    return { name, address };
  });

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The URL people use to reach this server; printed at start-up and used for links. */
  PUBLIC_URL: z.url().optional(),
  TRUST_PROXY: trustProxySchema,
  /** Fault tests only: the process kills itself (SIGKILL) on reaching this step of a use case. */
  TEST_CRASH_AT: z.enum(crashPoints).optional(),
  /** When set, `/metrics` answers only `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Signs visitor tokens. Generated and kept in DATA_DIR when not set. */
  SECRET: z.string().min(32, 'SECRET must be at least 32 characters').optional(),
  ADMIN_EMAIL: z.email().default('admin@example.com'),
  /** Generated and printed once at first start when not set. */
  ADMIN_PASSWORD: z.string().min(8, 'ADMIN_PASSWORD must be at least 8 characters').optional(),
  ADMIN_NAME: z.string().min(1).max(80).default('Admin'),
  /** Failed logins per account (then blocked: 1 min, doubling up to 1 h) and per address. */
  RATE_LIMIT_LOGIN_ACCOUNT: rateLimitSchema('5/15m'),
  RATE_LIMIT_LOGIN_IP: rateLimitSchema('50/15m'),
  RATE_LIMIT_WIDGET_SESSION_IP: rateLimitSchema('60/1m'),
  RATE_LIMIT_MESSAGE_VISITOR: rateLimitSchema('20/10s'),
  RATE_LIMIT_MESSAGE_IP: rateLimitSchema('300/10s'),
  RATE_LIMIT_CONTACT_VISITOR: rateLimitSchema('5/1h'),
  RATE_LIMIT_CONTACT_IP: rateLimitSchema('30/1h'),
  VISITOR_TOKEN_TTL_DAYS: z.coerce.number().min(0.01).max(400).default(30),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 90)
    .default(12),
  /** `self` allows the server's own origin (the demo page). */
  SITES: z.string().default('demo=self').pipe(sitesSchema),
  SITE_NAME: z.string().min(1).max(80).default('Harbor & Pine'),
  /** The escalation policy file (modes, thresholds, topic rules); the shipped one when unset. */
  ESCALATION_POLICY: z.string().min(1).optional(),
  /** Override the policy file's global confidence threshold and mode (until an admin edits the policy in the console). */
  CONFIDENCE_THRESHOLD: number01.optional(),
  /** Override the policy file's global review threshold (the lower band: answered, then reviewed later). */
  REVIEW_THRESHOLD: number01.optional(),
  OVERSIGHT_MODE: z.enum(['approval', 'supervised', 'autonomous']).optional(),
  KNOWLEDGE_BASE: z.string().min(1).optional(),
  /**
   * Approved corrections learned since the offline model's last full training that start a retrain in
   * the background (the calibration is refitted with it); 0 never retrains.
   */
  RETRAIN_AFTER_CORRECTIONS: z
    .string()
    .trim()
    // Not z.coerce: an empty value would silently become 0 and switch retraining off.
    .regex(/^\d{1,7}$/, 'RETRAIN_AFTER_CORRECTIONS must be a whole number of corrections (0 never retrains)')
    .default('50')
    .transform(Number),
  /** The most conversations one agent may own at once (claims, transfers, automatic assignment); 0: no limit. */
  AGENT_MAX_OPEN_CONVERSATIONS: wholeNumber(
    'AGENT_MAX_OPEN_CONVERSATIONS',
    'conversations (0: no limit)',
    '10',
  ),
  /** How long all of an agent's consoles may be gone before their conversations return to the queue. */
  AGENT_OFFLINE_GRACE_MS: wholeNumber('AGENT_OFFLINE_GRACE_MS', 'milliseconds', '60000'),
  /** A console without activity for this long reports its agent away (not offered new conversations). */
  AGENT_AWAY_AFTER_MS: wholeNumber('AGENT_AWAY_AFTER_MS', 'milliseconds', '300000').refine(
    (ms) => ms >= 1000,
    {
      message: 'AGENT_AWAY_AFTER_MS must be at least 1000',
    },
  ),
  /** The shortest time between two pushes of queue positions to a site's waiting customers. */
  QUEUE_UPDATE_INTERVAL_MS: wholeNumber('QUEUE_UPDATE_INTERVAL_MS', 'milliseconds', '1000'),
  /** manual: agents claim from the queue; auto: a new escalation goes to the least busy online agent. */
  ASSIGNMENT_MODE: z
    .enum(['manual', 'auto'], { message: 'ASSIGNMENT_MODE must be manual or auto' })
    .default('manual'),
  /** Switches the store to MongoDB (a replica set or Atlas; FerretDB works for tests). */
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'MONGODB_URI must start with mongodb:// or mongodb+srv://')
    .optional(),
  /** Switches on the Socket.IO Redis adapter, so several server nodes share rooms and broadcasts. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://')
    .optional(),
  /** Switches the answering model to an LLM behind an OpenAI-compatible API; the offline model when unset. */
  OPENAI_API_KEY: z.string().trim().min(1).optional(),
  /** OpenAI's API when unset; Azure OpenAI's OpenAI-compatible endpoint, Ollama, vLLM … otherwise. */
  OPENAI_BASE_URL: z.url().optional(),
  LLM_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  /** How long a customer may wait for the model's answer, retries included; then the bot escalates. */
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  /** A team-editable system prompt (tone, scope); the shipped one when unset. */
  LLM_SYSTEM_PROMPT_FILE: z.string().min(1).optional(),
  /** A second call asking the model whether its answer is supported by the articles (more cost, better confidence). */
  LLM_SELF_CHECK: z
    .enum(['true', 'false'], { message: 'LLM_SELF_CHECK must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  /** USD per 1,000 prompt / completion tokens, to store each answer's cost. */
  LLM_PRICE_PER_1K_INPUT: z.coerce.number().min(0).optional(),
  LLM_PRICE_PER_1K_OUTPUT: z.coerce.number().min(0).optional(),
  /** The mail server agents' e-mail replies go through; without it e-mail replies are switched off. */
  SMTP_URL: smtpUrlSchema.optional(),
  /** The sender of e-mail replies; SITE_NAME at support@ the PUBLIC_URL's host (or localhost) when unset. */
  SMTP_FROM: mailAddressSchema.optional(),
});

export type Env = z.infer<typeof envSchema>;

export interface Config extends Omit<Env, 'SITES' | 'SMTP_FROM'> {
  sites: Record<string, string[]>;
  /** The sender of e-mail replies, SMTP_FROM or its default. */
  mailFrom: { name: string | null; address: string };
  rateLimits: RateLimitSpecs;
  databaseFile: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once; a bad value stops start-up with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(
      `Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every variable.`,
    );
  }
  const { SITES, SMTP_FROM, ...rest } = parsed.data;
  const rateLimits: RateLimitSpecs = {
    loginAccount: rest.RATE_LIMIT_LOGIN_ACCOUNT,
    loginIp: rest.RATE_LIMIT_LOGIN_IP,
    widgetSessionIp: rest.RATE_LIMIT_WIDGET_SESSION_IP,
    messageVisitor: rest.RATE_LIMIT_MESSAGE_VISITOR,
    messageIp: rest.RATE_LIMIT_MESSAGE_IP,
    contactVisitor: rest.RATE_LIMIT_CONTACT_VISITOR,
    contactIp: rest.RATE_LIMIT_CONTACT_IP,
  };
  const mailFrom = SMTP_FROM ?? {
    name: rest.SITE_NAME,
    address: `support@${rest.PUBLIC_URL ? new URL(rest.PUBLIC_URL).hostname : 'localhost'}`,
  };
  return {
    ...rest,
    sites: SITES,
    mailFrom,
    rateLimits,
    databaseFile: path.join(rest.DATA_DIR, 'support.db'),
  };
}
