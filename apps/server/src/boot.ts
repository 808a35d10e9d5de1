import { createApp } from './app';
import type { Config } from './config';
import { loadKnowledgeBase } from './knowledge/knowledge-base';
import type { Logger } from './lib/logger';
import { loadOrCreateSecret } from './lib/secret-file';
import { connectRedisAdapter } from './realtime/redis-adapter';
import { buildLlmResponder } from './responder/llm/build-llm-responder';
import { collectCalibrationSamples } from './responder/llm/collect-calibration-samples';
import { fitLlmCalibration } from './responder/llm/fit-llm-calibration';
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
export async function buildResponder(config: Config, store: Store, logger?: Logger): Promise<Responder> {
  // The store is the knowledge base's source of truth; the file only seeds an empty store.
  const stored = await seedArticles(
    store,
    () => loadKnowledgeBase(config.KNOWLEDGE_BASE),
    new Date().toISOString(),
  );
  const articles = stored.map(toResponderArticle);
  // Loaded here so that a fallback to TF-IDF alone is logged with the server's logger.
  sharedWordVectors(logger);
  const llm = config.OPENAI_API_KEY ? buildLlmResponder(config, articles, {}, logger) : null;
  // The offline model answers from a worker thread, so that retraining it never holds up customers.
  const responder = llm ?? (await startThreadedOfflineResponder({ articles }));
  for await (const correction of store.iterateCorrections({ status: 'approved' }))
    await teachResponder({ responder }, correction);
  if (llm) {
    const samples = await collectCalibrationSamples(store);
    const calibration = fitLlmCalibration(samples);
    llm.setCalibration(calibration);
    logger?.info({ model: llm.modelId, samples: samples.length, calibration }, 'LLM responder ready');
  }
  return responder;
}

/** Everything `main` does before listening; also used by tests that run the real boot path. */
export async function bootServer(config: Config, logger: Logger) {
  const store = await openStore(config);
  await seedCannedResponses(store, new Date().toISOString());
  const responder = await buildResponder(config, store, logger);
  const admin: FirstAdmin = await ensureFirstAdmin(
    store,
    { email: config.ADMIN_EMAIL, name: config.ADMIN_NAME, password: config.ADMIN_PASSWORD },
    new Date(),
  );
  const policy = await loadActivePolicy(store, config, logger);
  const redis = config.REDIS_URL ? await connectRedisAdapter(config.REDIS_URL) : null;
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
  // What a previous process left half done is finished before anyone is served.
  const resumed = await resumeOperations(app.ctx);
  if (resumed.finished + resumed.dropped > 0)
    logger.info(resumed, 'finished the use cases left by the last run');
  const turns = await resumeBotTurns(app.ctx);
  if (turns > 0) logger.info({ turns }, 'answering the customer messages left unanswered by the last run');
  const close = async () => {
    await app.close();
    await redis?.close();
    await responder.close?.();
    await store.close();
  };
  return { app, store, admin, close };
}
