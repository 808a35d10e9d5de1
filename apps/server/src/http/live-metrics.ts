import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Responder, ResponderContext } from '../responder/responder';
import type { Store, WaitingWork } from '../store/store';

/** Seconds buckets for one answer: the offline model answers in about a millisecond, an LLM in seconds. */
const RESPONDER_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * Gauges read when Prometheus scrapes: sockets of this node by namespace, and from the store (so every
 * node reports the same, whole-site figures) the queue, its oldest wait and the drafts pending.
 */
export function registerLiveGauges(
  registry: Registry,
  sources: { socketCount: (namespace: 'widget' | 'agent') => number; store: Pick<Store, 'countWaitingWork'> },
): void {
  const sockets = new Gauge({
    name: 'hitl_connected_sockets',
    help: 'Socket.IO connections to this node, by namespace',
    labelNames: ['namespace'] as const,
    registers: [registry],
    collect() {
      for (const namespace of ['widget', 'agent'] as const)
        this.set({ namespace }, sources.socketCount(namespace));
    },
  });
  // One store read per scrape for the three gauges below: a scrape collects them together, so they share
  // the read in flight; the next scrape reads again.
  let reading: Promise<WaitingWork> | null = null;
  const waitingWork = () => {
    reading ??= sources.store.countWaitingWork().finally(() => {
      reading = null;
    });
    return reading;
  };
  const queue = new Gauge({
    name: 'hitl_queue_length',
    help: 'Conversations escalated and waiting for an agent (whole site)',
    registers: [registry],
    async collect() {
      this.set((await waitingWork()).queued);
    },
  });
  const oldest = new Gauge({
    name: 'hitl_queue_oldest_wait_seconds',
    help: 'How long the longest-waiting queued conversation has waited; 0 with an empty queue',
    registers: [registry],
    async collect() {
      const since = (await waitingWork()).oldestQueuedSince;
      this.set(since === null ? 0 : Math.max(0, (Date.now() - Date.parse(since)) / 1000));
    },
  });
  const drafts = new Gauge({
    name: 'hitl_drafts_pending',
    help: 'Bot replies held for approval (whole site)',
    registers: [registry],
    async collect() {
      this.set((await waitingWork()).pendingDrafts);
    },
  });
  void [sockets, queue, oldest, drafts];
}

/** The responder with each answer timed into `hitl_responder_seconds{responder, outcome}`. */
export function timedResponder(responder: Responder, registry: Registry): Responder {
  const seconds = new Histogram({
    name: 'hitl_responder_seconds',
    help: 'Time the responder took to answer one question, by responder and outcome',
    labelNames: ['responder', 'outcome'] as const,
    buckets: RESPONDER_BUCKETS,
    registers: [registry],
  });
  const timed =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const stop = seconds.startTimer({ responder: responder.name });
      try {
        const answer = await call(...args);
        stop({ outcome: 'answered' });
        return answer;
      } catch (error) {
        stop({ outcome: 'failed' });
        throw error;
      }
    };
  const answer = timed((context: ResponderContext) => responder.answer(context));
  const stream = responder.answerStream?.bind(responder);
  const answerStream = stream ? timed(stream) : undefined;
  // A proxy, not a copy: everything else (learn, retrain, close, fields read later) stays the responder's own.
  return new Proxy(responder, {
    get(target, property) {
      if (property === 'answer') return answer;
      if (property === 'answerStream') return answerStream;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Exports streamed by `GET /api/exports/corrections`: running now, and finished by result. */
export interface ExportJobMetrics {
  /** Call at the start; call what it returns once when the export ends. */
  started(): (result: 'completed' | 'aborted' | 'failed') => void;
}

export function createExportJobMetrics(registry: Registry): ExportJobMetrics {
  const running = new Gauge({
    name: 'hitl_export_jobs_running',
    help: 'Correction exports being streamed by this node',
    registers: [registry],
  });
  const finished = new Counter({
    name: 'hitl_export_jobs_total',
    help: 'Correction exports finished, by result',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  return {
    started() {
      running.inc();
      let done = false;
      return (result) => {
        if (done) return;
        done = true;
        running.dec();
        finished.inc({ result });
      };
    },
  };
}
