import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../apps/server/src/store/store';
import { describeAccountContract } from './store-contract-accounts';
import { describeAnalyticsContract } from './store-contract-analytics';
import { describeArticleContract } from './store-contract-articles';
import { describeAssignmentContract } from './store-contract-assignments';
import { describeCannedResponseContract } from './store-contract-canned-responses';
import { describeClosingContract } from './store-contract-closing';
import { describeConcurrentAppendContract } from './store-contract-concurrent-appends';
import { describeConversationContract } from './store-contract-conversations';
import { describeCorrectionContract } from './store-contract-corrections';
import { describeDraftContract } from './store-contract-drafts';
import { describeEmailReplyContract } from './store-contract-email-replies';
import { describeGuardedAppendContract } from './store-contract-guarded-append';
import { describeMessageContract } from './store-contract-messages';
import { describeOperationContract } from './store-contract-operations';
import { describeQueueWaitContract } from './store-contract-queue-wait';
import { describeReviewItemContract } from './store-contract-review-items';
import { describeSatisfactionContract } from './store-contract-satisfaction';
import { describeSearchContract } from './store-contract-search';
import { describeSettingContract } from './store-contract-settings';
import { describeSiteKeyContract } from './store-contract-site-keys';
import { describeTimelineContract } from './store-contract-timeline';
import { describeVisitorContract } from './store-contract-visitors';
import { describeWaitingWorkContract } from './store-contract-waiting-work';

/** Gives each contract test the store built for it. */
export type CurrentStore = () => Store;

/**
 * The behaviour every `Store` adapter must have. An adapter's test file calls this once; each test
 * gets a fresh, empty store from `makeStore`. After the test, `cleanup` (when given) is responsible
 * for closing the store and removing what `makeStore` created; otherwise the store is just closed.
 */
export function describeStoreContract(
  name: string,
  makeStore: () => Promise<Store>,
  cleanup?: (store: Store) => Promise<void>,
): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store | undefined;

    beforeEach(async () => {
      store = await makeStore();
    });

    afterEach(async () => {
      const done = store;
      store = undefined;
      if (done === undefined) return;
      if (cleanup) await cleanup(done);
      else await done.close();
    });

    const current: CurrentStore = () => {
      if (store === undefined) throw new Error('the store is only available inside a test');
      return store;
    };

    it('names its kind and answers a ping', async () => {
      expect(['sqlite', 'mongo']).toContain(current().kind);
      await expect(current().ping()).resolves.toBeUndefined();
    });

    it('can be closed more than once', async () => {
      await current().close();
      await expect(current().close()).resolves.toBeUndefined();
    });

    describeConversationContract(current);
    describeClosingContract(current);
    describeSatisfactionContract(current);
    describeWaitingWorkContract(current);
    describeAssignmentContract(current);
    describeTimelineContract(current);
    describeQueueWaitContract(current);
    describeAnalyticsContract(current);
    describeMessageContract(current);
    describeDraftContract(current);
    describeEmailReplyContract(current);
    describeGuardedAppendContract(current);
    describeConcurrentAppendContract(current);
    describeCorrectionContract(current);
    describeAccountContract(current);
    describeSettingContract(current);
    describeSiteKeyContract(current);
    describeReviewItemContract(current);
    describeSearchContract(current);

    describeArticleContract(current);
    describeCannedResponseContract(current);
    describeOperationContract(current);
    describeVisitorContract(current);
  });
}
