import { afterEach, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/knowledge-base';
import { heldModelBuilds } from './held-model-builds';
import { startOfflineModelThread } from './offline-model-thread';
import { offlineModelId } from './offline-responder';
import {
  ResponderClosedError,
  startThreadedOfflineResponder,
  type ThreadedOfflineResponder,
} from './threaded-offline-responder';

const articles = loadKnowledgeBase();
const GIFT_WRAP = { id: 'cor_gift', question: 'do you sell gift wrapping?', answer: 'Yes: $5 per order.' };
const ask = (responder: ThreadedOfflineResponder, question: string) =>
  responder.answer({ conversationId: 'c', question, history: [] });

// Each test starts two or three model threads, which from the sources load the tsx loader first:
// seconds on a busy machine, more than the unit project's default 5 s ceiling.
describe('the offline responder in worker threads', { timeout: 30_000 }, () => {
  let responder: ThreadedOfflineResponder | undefined;
  afterEach(() => responder?.close());

  it('answers like the offline model, with the version of the model that answered', async () => {
    responder = await startThreadedOfflineResponder({ articles });
    const answer = await ask(responder, 'how long does shipping take?');
    expect(answer).toMatchObject({
      responder: 'offline',
      modelId: offlineModelId,
      modelVersion: `${offlineModelId}+r0`,
      sources: [{ id: 'shipping-times' }],
    });
    expect(responder.version).toBe(`${offlineModelId}+r0`);
  });

  it('keeps answering from the old model while a retrain is built, then swaps the new one in', async () => {
    const models = heldModelBuilds();
    responder = await startThreadedOfflineResponder({ articles, startModel: models.startModel });
    await responder.learn(GIFT_WRAP);
    expect(responder.learnedSinceTraining).toBe(1);
    let retrained = false;
    const retrain = responder.retrainInBackground().then((report) => {
      retrained = true;
      return report;
    });
    expect(models.builds).toBe(2);
    // The new model cannot be built until it is released, so these answers come from the old one.
    for (const question of ['how long does shipping take?', 'can I return shoes?']) {
      const answer = await ask(responder, question);
      expect(answer.modelVersion).toBe(`${offlineModelId}+r0`);
    }
    expect(retrained).toBe(false);
    // A retrain already running is the one a second call gets.
    const again = responder.retrainInBackground();
    expect(models.builds).toBe(2);
    models.release(1);
    const report = await retrain;
    expect(await again).toBe(report);
    expect(report).toMatchObject({ version: `${offlineModelId}+r1`, trainedExamples: 1, appliedOnTop: 0 });
    expect(responder.learnedSinceTraining).toBe(0);
    const after = await ask(responder, GIFT_WRAP.question);
    expect(after).toMatchObject({ text: GIFT_WRAP.answer, modelVersion: `${offlineModelId}+r1` });
  });

  it('does not lose a correction learned during a retrain: it is applied on top of the new model', async () => {
    const models = heldModelBuilds();
    responder = await startThreadedOfflineResponder({ articles, startModel: models.startModel });
    const retrain = responder.retrainInBackground();
    await responder.learn(GIFT_WRAP);
    // The old model learned it at once.
    expect((await ask(responder, GIFT_WRAP.question)).text).toBe(GIFT_WRAP.answer);
    models.release(1);
    const report = await retrain;
    expect(report).toMatchObject({ trainedExamples: 0, appliedOnTop: 1 });
    // Still to be taken into a full training by the next retrain.
    expect(responder.learnedSinceTraining).toBe(1);
    const answer = await ask(responder, GIFT_WRAP.question);
    expect(answer).toMatchObject({ text: GIFT_WRAP.answer, modelVersion: `${offlineModelId}+r1` });
  });

  it('replaces a model thread that died with a new one built from everything learned', async () => {
    let started = 0;
    responder = await startThreadedOfflineResponder({
      articles,
      startModel: async (input) => {
        const index = started++;
        const thread = await startOfflineModelThread(input);
        if (index > 0) return thread;
        // The first thread dies after one learn, as a thread that ran out of memory would.
        let died = false;
        return {
          ...thread,
          get size() {
            return thread.size;
          },
          get failed() {
            return died;
          },
          async learn(example) {
            await thread.learn(example);
            died = true;
          },
          answer: (context) => (died ? Promise.reject(new Error('thread stopped')) : thread.answer(context)),
        };
      },
    });
    await responder.learn(GIFT_WRAP);
    await expect(ask(responder, GIFT_WRAP.question)).rejects.toThrow('thread stopped');
    expect(started).toBe(2);
    await responder.retrainInBackground();
    expect(await ask(responder, GIFT_WRAP.question)).toMatchObject({
      text: GIFT_WRAP.answer,
      modelVersion: `${offlineModelId}+r1`,
    });
  });

  it('abandons a retrain under way when closed', async () => {
    const models = heldModelBuilds();
    const closing = await startThreadedOfflineResponder({ articles, startModel: models.startModel });
    const retrain = closing.retrainInBackground();
    await closing.close();
    models.release(1);
    await expect(retrain).rejects.toBeInstanceOf(ResponderClosedError);
  });
});
