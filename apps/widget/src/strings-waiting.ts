/**
 * What the widget says while a customer waits for a person and after the conversation closed (queue place,
 * acknowledgement, rating). One plain object, English, so it folds into the widget's string tables as is.
 */
export const waitingStrings = {
  /** Under a customer message the server has stored (its ack came). */
  received: 'Received',
  queuePosition: (position: number) => `You are number ${position} in the queue`,
  expectedWait: (wait: string) => `expected wait ${wait}`,
  waitUnderMinute: 'less than a minute',
  waitFewMinutes: 'a few minutes',
  waitMinutes: (minutes: number) => `about ${minutes} min`,
  waitOverHour: 'more than an hour',
  /** Once per waiting stretch, under the first message the customer sent while queued. */
  acknowledged: 'Thanks — a person will reply here.',
  ratingQuestion: 'How was this conversation?',
  ratingLabels: ['1 — Very poor', '2 — Poor', '3 — Okay', '4 — Good', '5 — Excellent'] as const,
  ratingComment: 'Anything you would like to add? (optional)',
  ratingSend: 'Send rating',
  ratingSending: 'Sending…',
  ratingChoose: 'Please choose a rating from 1 to 5.',
  ratingThanks: 'Thank you for your feedback!',
  ratingFailed: 'Your rating could not be sent. Please try again.',
  ratingOffline: 'You are offline. Please try again in a moment.',
} as const;
