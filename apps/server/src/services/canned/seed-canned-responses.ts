import type { Store } from '../../store/store';
import { StoreConflictError } from '../../store/store-errors';

/** Set once the first canned responses were written, so a team that deleted them all is not given them back. */
const SEEDED_KEY = 'canned_responses_seeded';

/** A new team's starting set; fixed ids, so several nodes starting at once create each one once. */
export const defaultCannedResponses = [
  {
    id: 'can_greeting',
    title: 'Greeting',
    shortcut: 'greeting',
    text: 'Hi {name}, this is {agent} from {site}. Thanks for waiting — let me look into this for you.',
  },
  {
    id: 'can_refund',
    title: 'Refund on its way',
    shortcut: 'refund',
    text: 'Hi {name}, I have started your refund. It reaches your original payment method within 5–10 business days, and we will confirm it by e-mail at {email}. — {agent}, {site}',
  },
  {
    id: 'can_shipping',
    title: 'Shipping times',
    shortcut: 'shipping',
    text: 'Orders ship within 1–2 business days. Standard delivery then takes 3–5 business days, express 1–2. You get a tracking link by e-mail as soon as your parcel leaves us.',
  },
] as const;

/** On an empty store that was never seeded, writes the starting set. */
export async function seedCannedResponses(store: Store, at: string): Promise<void> {
  if (await store.getSetting(SEEDED_KEY)) return;
  if ((await store.listCannedResponses()).length === 0) {
    for (const canned of defaultCannedResponses) {
      try {
        await store.createCannedResponse({ ...canned, createdBy: null, createdAt: at });
      } catch (error) {
        if (!(error instanceof StoreConflictError)) throw error;
      }
    }
  }
  await store.putSetting(SEEDED_KEY, true, at);
}
