import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PolicyResponse } from '@hitl/shared/rest';
import express from 'express';
import proxyaddr from 'proxy-addr';
import type { Server } from 'socket.io';
import type { Config } from './config';
import { SentimentMemo } from './domain/signals/sentiment-memo';
import { adminRoutes } from './http/admin-routes';
import { analyticsRoutes } from './http/analytics-routes';
import { authRoutes, requireAgent } from './http/auth-routes';
import { cannedResponseRoutes } from './http/canned-response-routes';
import { conversationRoutes } from './http/conversation-routes';
import { correctionRoutes } from './http/correction-routes';
import { emailReplyRoutes } from './http/email-reply-routes';
import { errorHandler, refuseReservedKeys } from './http/error-handler';
import { healthRoutes } from './http/health-routes';
import { knowledgeRoutes } from './http/knowledge-routes';
import { registerLiveGauges, timedResponder } from './http/live-metrics';
import { countingNotifier, createMetrics } from './http/metrics';
import { sendError } from './http/rest-handler';
import { reviewItemRoutes } from './http/review-item-routes';
import { reviewRoutes } from './http/review-routes';
import { securityHeaders } from './http/security-headers';
import { siteKeyRoutes } from './http/site-key-routes';
import { defaultStaticPaths, type StaticPaths, staticRoutes } from './http/static-routes';
import { teamRoutes } from './http/team-routes';
import { timelineRoutes } from './http/timeline-routes';
import { widgetRoutes } from './http/widget-routes';
import { type Clock, systemClock } from './lib/clock';
import { createFaults } from './lib/faults';
import { KeyedQueue } from './lib/keyed-queue';
import type { Logger } from './lib/logger';
import { createSmtpMailer } from './mail/mailer';
import { createSocketNotifier } from './realtime/socket-notifier';
import { attachSocketHandlers, createSocketServer } from './realtime/socket-server';
import type { Responder } from './responder/responder';
import { isRetrainable } from './responder/threaded-offline-responder';
import { PolicyState } from './services/policy-state';
import { createQueueUpdates, watchQueueChanges } from './services/queue/queue-updates';
import { createRateLimits, type RateLimitStore } from './services/rate-limits';

import { createRetrainScheduler } from './services/retrain-scheduler';
import type { ServiceContext } from './services/service-context';
import { SiteKeyDirectory } from './services/site-keys/site-key-directory';
import type { Store } from './store/store';

export interface AppDeps {
  config: Config;
  store: Store;
  responder: Responder;
  logger: Logger;
  /** Signs visitor tokens. */
  secret: string;
  clock?: Clock;
  staticPaths?: StaticPaths;
  /** A Socket.IO adapter shared by several nodes (Redis); in-memory when absent. */
  socketAdapter?: Parameters<Server['adapter']>[0];
  /** The escalation policy in force at start (see `loadActivePolicy`). */
  policy: PolicyResponse;
  /** Where rate-limit counters live: this process by default, Redis when several nodes share them. */
  rateLimitStore?: RateLimitStore;
}

export interface App {
  http: HttpServer;
  io: Server;
  ctx: ServiceContext;
  listen(port?: number, host?: string): Promise<{ port: number; url: string }>;
  /** Stops accepting, lets running bot turns finish, closes sockets. The store is the caller's. */
  close(): Promise<void>;
}

const BODY_LIMIT = '64kb';

/** Wiring only: builds the HTTP server, Socket.IO namespaces and services around the given ports. */
export function createApp(deps: AppDeps): App {
  const { config, store, logger } = deps;
  const metrics = createMetrics();
  const responder = timedResponder(deps.responder, metrics.registry);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  const headers = securityHeaders({ https: isHttps(config) });
  const http = createServer(app);
  const namespaces = createSocketServer(http);
  if (deps.socketAdapter) namespaces.io.adapter(deps.socketAdapter);
  registerLiveGauges(metrics.registry, {
    socketCount: (namespace) => namespaces[namespace].sockets.size,
    store,
  });

  const policyState = new PolicyState(deps.policy);
  const retrainScheduler =
    isRetrainable(responder) && config.RETRAIN_AFTER_CORRECTIONS > 0
      ? createRetrainScheduler({ responder, after: config.RETRAIN_AFTER_CORRECTIONS, logger })
      : null;
  const ctx: ServiceContext = {
    store,
    responder,
    retrainScheduler,
    notifier: watchQueueChanges(
      countingNotifier(
        createSocketNotifier(namespaces.widget, namespaces.agent, {
          multiNode: deps.socketAdapter !== undefined,
        }),
        metrics.registry,
      ),
      () => ctx.queueUpdates,
    ),
    queueUpdates: createQueueUpdates(() => ctx, config.QUEUE_UPDATE_INTERVAL_MS),
    clock: deps.clock ?? systemClock,
    logger,
    policy: () => policyState.policy,
    policyState,
    conversationQueue: new KeyedQueue(),
    botTurnQueue: new KeyedQueue(),
    visitorQueue: new KeyedQueue(),
    sentiments: new SentimentMemo(),
    faults: createFaults(config.TEST_CRASH_AT),
    rateLimits: createRateLimits(config.rateLimits, deps.rateLimitStore ?? { kind: 'memory' }),

    knowledgeQueue: new KeyedQueue(),
    mailer: config.SMTP_URL ? createSmtpMailer(config.SMTP_URL, logger) : null,
    mail: { from: config.mailFrom, siteName: config.SITE_NAME },
    siteKeys: new SiteKeyDirectory(
      store,
      { sites: config.sites, siteName: config.SITE_NAME },
      deps.clock ?? systemClock,
    ),
    assignment: {
      mode: config.ASSIGNMENT_MODE,
      maxOpen: config.AGENT_MAX_OPEN_CONVERSATIONS === 0 ? null : config.AGENT_MAX_OPEN_CONVERSATIONS,
      offlineGraceMs: config.AGENT_OFFLINE_GRACE_MS,
      awayAfterMs: config.AGENT_AWAY_AFTER_MS,
    },
    systemPrompt: `You are the customer support assistant of ${config.SITE_NAME}. Answer briefly, kindly and only with facts you are sure of.`,
  };
  // Configured site keys are copied into the store now, not at the first request that needs them.
  const siteKeysSeeded = ctx.siteKeys.seeded().catch((err: unknown) => {
    logger.error({ err }, 'could not seed the site keys from SITES; the next widget session tries again');
  });
  // Corrections taught at start count: enough of them retrain at once, in the background.
  retrainScheduler?.correctionLearned();
  const sockets = attachSocketHandlers(namespaces, ctx, {
    secret: deps.secret,
    publicUrl: config.PUBLIC_URL,
    visitorTokenTtlMs: visitorTokenTtlMs(config),
    clientAddress: (req) => proxyaddr(req, app.get('trust proxy fn')),
  });

  app.use((req, res, next) => {
    res.on('finish', () => metrics.httpRequests.inc({ method: req.method, status: String(res.statusCode) }));
    next();
  });
  app.use(headers.common);
  app.use('/api', headers.api);
  app.use('/console', headers.console);
  app.get('/', headers.demo);
  app.get('/widget.js', headers.widgetScript);
  app.use(healthRoutes(store, metrics, { metricsToken: config.METRICS_TOKEN }));
  app.use(express.json({ limit: BODY_LIMIT, reviver: refuseReservedKeys }));
  app.use(
    '/api/widget',
    widgetRoutes(ctx, {
      secret: deps.secret,
      publicUrl: config.PUBLIC_URL,
      visitorTokenTtlMs: visitorTokenTtlMs(config),
    }),
  );
  app.use(
    '/api/auth',
    authRoutes(ctx, { sessionTtlHours: config.SESSION_TTL_HOURS, secureCookie: isHttps(config) }),
  );
  app.use('/api', requireAgent(ctx));
  app.use('/api/conversations', conversationRoutes(ctx));
  app.use('/api', reviewRoutes(ctx));
  app.use('/api', correctionRoutes(ctx, metrics.exportJobs));
  app.use('/api', adminRoutes(ctx));
  app.use('/api', siteKeyRoutes(ctx));
  app.use('/api', reviewItemRoutes(ctx));
  app.use('/api', emailReplyRoutes(ctx));
  app.use('/api', teamRoutes(ctx));
  app.use('/api', timelineRoutes(ctx));

  app.use('/api', knowledgeRoutes(ctx));
  app.use('/api', cannedResponseRoutes(ctx));
  app.use('/api', analyticsRoutes(ctx));
  app.use('/api', (_req, res) => sendError(res, { code: 'not_found', message: 'No such endpoint.' }));
  app.use(staticRoutes(deps.staticPaths ?? defaultStaticPaths));
  app.use(errorHandler(logger));

  return {
    http,
    io: namespaces.io,
    ctx,
    listen(port = config.PORT, host = config.HOST) {
      return new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          const address = http.address() as AddressInfo;
          const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
          resolve({ port: address.port, url: config.PUBLIC_URL ?? `http://${shownHost}:${address.port}` });
        });
      });
    },
    async close() {
      retrainScheduler?.stop();
      await siteKeysSeeded;
      sockets.stop();
      ctx.queueUpdates.stop();
      await new Promise<void>((resolve) => namespaces.io.close(() => resolve()));
      await ctx.visitorQueue.drain();
      await ctx.botTurnQueue.drain();
      await ctx.conversationQueue.drain();
      await ctx.knowledgeQueue.drain();
      ctx.mailer?.close();
      if (http.listening) await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

const visitorTokenTtlMs = (config: Config) => config.VISITOR_TOKEN_TTL_DAYS * 24 * 3600 * 1000;

function isHttps(config: Config): boolean {
  return config.PUBLIC_URL?.startsWith('https://') ?? false;
}
