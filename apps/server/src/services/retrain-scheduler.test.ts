import { describe, expect, it } from 'vitest';
import { silentLogger } from '../lib/logger';
import { ResponderClosedError, type RetrainReport } from '../responder/threaded-offline-responder';
import { createRetrainScheduler, type RetrainEvent } from './retrain-scheduler';

/** A responder whose retrains end only when the test says so. */
function fakeResponder() {
  const retrains: Array<{ resolve: (report: RetrainReport) => void; reject: (error: Error) => void }> = [];
  const responder = {
    learnedSinceTraining: 0,
    retrainInBackground() {
      return new Promise<RetrainReport>((resolve, reject) => retrains.push({ resolve, reject }));
    },
  };
  const finish = (index: number, learnedOnTop = 0) => {
    responder.learnedSinceTraining = learnedOnTop;
    retrains[index]?.resolve({
      version: `m+r${index + 1}`,
      trainedExamples: 0,
      appliedOnTop: learnedOnTop,
      size: 1,
      durationMs: 1,
    });
  };
  return { responder, retrains, finish };
}

function learnCorrections(
  scheduler: ReturnType<typeof createRetrainScheduler>,
  responder: { learnedSinceTraining: number },
  count: number,
) {
  for (let i = 0; i < count; i++) {
    responder.learnedSinceTraining++;
    scheduler.correctionLearned();
  }
}

describe('the retrain scheduler', () => {
  it.each([
    { after: 3, learned: 2, retrains: 0 },
    { after: 3, learned: 3, retrains: 1 },
    // A running retrain is not started twice, however many corrections come in meanwhile.
    { after: 3, learned: 10, retrains: 1 },
    { after: 1, learned: 5, retrains: 1 },
    { after: 0, learned: 100, retrains: 0 },
  ])('after $after, $learned corrections start $retrains retrain(s)', ({ after, learned, retrains }) => {
    const fake = fakeResponder();
    const scheduler = createRetrainScheduler({ responder: fake.responder, after, logger: silentLogger });
    learnCorrections(scheduler, fake.responder, learned);
    expect(fake.retrains).toHaveLength(retrains);
  });

  it('starts the next retrain at once when the corrections learned during one already call for it', async () => {
    const fake = fakeResponder();
    const scheduler = createRetrainScheduler({ responder: fake.responder, after: 2, logger: silentLogger });
    const events: RetrainEvent['type'][] = [];
    const secondStarted = new Promise<void>((resolve) =>
      scheduler.onEvent((event) => {
        events.push(event.type);
        if (events.filter((type) => type === 'started').length === 2) resolve();
      }),
    );
    learnCorrections(scheduler, fake.responder, 2);
    learnCorrections(scheduler, fake.responder, 3);
    expect(fake.retrains).toHaveLength(1);
    fake.finish(0, 3);
    await secondStarted;
    expect(fake.retrains).toHaveLength(2);
    fake.finish(1, 0);
    await scheduler.idle();
    expect(events).toEqual(['started', 'finished', 'started', 'finished']);
  });

  it('counts corrections learned before it existed (taught at start)', () => {
    const fake = fakeResponder();
    fake.responder.learnedSinceTraining = 7;
    const scheduler = createRetrainScheduler({ responder: fake.responder, after: 5, logger: silentLogger });
    scheduler.correctionLearned();
    expect(fake.retrains).toHaveLength(1);
  });

  it('reports a failed retrain and tries again at the next correction', async () => {
    const fake = fakeResponder();
    const scheduler = createRetrainScheduler({ responder: fake.responder, after: 1, logger: silentLogger });
    const events: RetrainEvent[] = [];
    scheduler.onEvent((event) => events.push(event));
    learnCorrections(scheduler, fake.responder, 1);
    fake.retrains[0]?.reject(new ResponderClosedError('closed'));
    await scheduler.idle();
    expect(events.map((event) => event.type)).toEqual(['started', 'failed']);
    learnCorrections(scheduler, fake.responder, 1);
    expect(fake.retrains).toHaveLength(2);
  });

  it('starts nothing once stopped', () => {
    const fake = fakeResponder();
    const scheduler = createRetrainScheduler({ responder: fake.responder, after: 1, logger: silentLogger });
    scheduler.stop();
    learnCorrections(scheduler, fake.responder, 3);
    expect(fake.retrains).toHaveLength(0);
  });
});
