import { createApp } from './app';
import type { Config } from './config';
import { loadKnowledgeBase } from './knowledge/knowledge-base';
import type { Logger } from './lib/logger';
import { loadOrCreateSecret } from './lib/secret-file';
import type { Responder } from './responder/responder';
import { startThreadedOfflineResponder } from './responder/threaded-offline-responder';
import { sharedWordVectors } from './responder/word-vectors/load-word-vectors';
import { ensureFirstAdmin, type FirstAdmin } from './services/auth/ensure-first-admin';
import { seedCannedResponses } from './services/canned/seed-canned-responses';
import { toResponderArticle } from './services/knowledge/reload-articles';
import { seedArticles } from './services/knowledge/seed-articles';
import { resumeBotTurns } from './services/operations/resume-bot-turns';
import { resumeOperations } from './services/operations/resume-operations';
import { loadActivePolicy } from './services/policy-state';
import { teachResponder } from './services/teach-responder';
import { openStore } from './store/open-store';
import type { Store } from './store/store';

/**
 * The LLM responder when OPENAI_API_KEY is set (its confidence weights fitted to reviewed answers when there
 * are enough), else the offline one; either taught every approved correction.
 */
export async function buildResponder(
  config: Config,
  store: Store,
  logger?: Logger,
  phase: (name: string) => void = () => {},
): Promise<Responder> {
  // The store is the knowledge base's source of truth; the file only seeds an empty store.
  const stored = await seedArticles(
    store,
    () => loadKnowledgeBase(config.KNOWLEDGE_BASE),
    new Date().toISOString(),
  );
  const articles = stored.map(toResponderArticle);
  phase('knowledgeBase');
  // Loaded here so that a fallback to TF-IDF alone is logged with the server's logger.
  sharedWordVectors(logger);
  phase('wordVectors');
  // The LLM's client libraries (openai, LangChain) are loaded only when it is configured: they are a
  // good part of the server's code and of its start-up time (same for Redis below).
  const llm = config.OPENAI_API_KEY
    ? (await import('./responder/llm/build-llm-responder')).buildLlmResponder(config, articles, {}, logger)
    : null;
  // The offline model answers from a worker thread, so that retraining it never holds up customers.
  const responder = llm ?? (await startThreadedOfflineResponder({ articles }));
  phase('model');
  for await (const correction of store.iterateCorrections({ status: 'approved' }))
    await teachResponder({ responder }, correction);
  phase('corrections');
  if (llm) {
    const { collectCalibrationSamples } = await import('./responder/llm/collect-calibration-samples');
    const { fitLlmCalibration } = await import('./responder/llm/fit-llm-calibration');
    const samples = await collectCalibrationSamples(store);
    const calibration = fitLlmCalibration(samples);
    llm.setCalibration(calibration);
    logger?.info({ model: llm.modelId, samples: samples.length, calibration }, 'LLM responder ready');
  }
  return responder;
}

/** Everything `main` does before listening; also used by tests that run the real boot path. */
export async function bootServer(config: Config, logger: Logger) {
  // Seconds per start-up step, logged with "ready": where start-up time goes. Loading the code is
  // what came before this call.
  const startup: StartupPhases = { code: Number(process.uptime().toFixed(3)) };
  const phase = phaseTimer(startup);
  const store = await openStore(config);
  phase('store');
  await seedCannedResponses(store, new Date().toISOString());
  phase('cannedResponses');
  const responder = await buildResponder(config, store, logger, phase);
  const admin: FirstAdmin = await ensureFirstAdmin(
    store,
    { email: config.ADMIN_EMAIL, name: config.ADMIN_NAME, password: config.ADMIN_PASSWORD },
    new Date(),
  );
  phase('admin');
  const policy = await loadActivePolicy(store, config, logger);
  phase('policy');
  const redis = config.REDIS_URL
    ? await (await import('./realtime/redis-adapter')).connectRedisAdapter(config.REDIS_URL)
    : null;
  const app = createApp({
    config,
    store,
    responder,
    logger,
    secret: loadOrCreateSecret(config.DATA_DIR, config.SECRET),
    policy,
    ...(redis
      ? { socketAdapter: redis.adapter, rateLimitStore: { kind: 'redis', client: redis.client } as const }
      : {}),
  });
  phase('app');
  // What a previous process left half done is finished before anyone is served.
  const resumed = await resumeOperations(app.ctx);
  if (resumed.finished + resumed.dropped > 0)
    logger.info(resumed, 'finished the use cases left by the last run');
  const turns = await resumeBotTurns(app.ctx);
  if (turns > 0) logger.info({ turns }, 'answering the customer messages left unanswered by the last run');
  phase('resume');
  const close = async () => {
    await app.close();
    await redis?.close();
    await responder.close?.();
    await store.close();
  };
  return { app, store, admin, close, startup };
}

/** Seconds spent in each named step of start-up. */
export type StartupPhases = Record<string, number>;

/** Each call records the seconds since the previous one under its name. */
function phaseTimer(phases: StartupPhases): (name: string) => void {
  let last = performance.now();
  return (name) => {
    const now = performance.now();
    phases[name] = Number(((now - last) / 1000).toFixed(3));
    last = now;
  };
}
