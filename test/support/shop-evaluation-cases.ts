/**
 * Test data for the shipped shop knowledge base, written for evaluation only: none of these questions
 * appears in the knowledge base's examples. Kept out of the test files so any evaluation of a responder
 * can reuse them, and out of the server's source since nothing there may use them.
 */

/** In-domain paraphrases and the article each must be answered from. */
export const heldOutQuestions: ReadonlyArray<readonly [question: string, articleId: string]> = [
  ['how long does shipping take?', 'shipping-times'],
  ['How many business days is standard delivery?', 'shipping-times'],
  ['what do you charge to ship an order of $30', 'shipping-costs'],
  ['Is there a charge for delivery on small orders?', 'shipping-costs'],
  ['can I get my order shipped to Spain', 'international-shipping'],
  ['do you post to new zealand and how long does it take', 'international-shipping'],
  ['how do I find out where my order is', 'track-order'],
  ['Could you send me the tracking code for my parcel?', 'track-order'],
  ['my delivery is a week late, what is going on', 'delayed-parcel'],
  ['the package was supposed to arrive on monday and it is now thursday', 'delayed-parcel'],
  ['the courier says it was delivered but I have nothing', 'lost-parcel'],
  ['For how long can I send items back?', 'return-policy'],
  ['Are returns free of charge?', 'return-policy'],
  ['what is the process for returning a product', 'start-return'],
  ['i need to print a label to send my stuff back', 'start-return'],
  ['could I swap these trousers for a smaller size', 'exchanges'],
  ['I sent my return back two weeks ago and still no money', 'refund-timing'],
  ['how many days until my refund shows up', 'refund-timing'],
  ['I typed my address wrong when ordering, can you change it?', 'change-order'],
  ['I would like to cancel the order I placed an hour ago', 'cancel-order'],
  ['never received a confirmation e-mail for my purchase', 'order-status'],
  ['the box arrived but the stove was not inside', 'missing-items'],
  ['my new chair showed up with a broken leg', 'damaged-items'],
  ['you delivered a different item than I ordered', 'wrong-item'],
  ['can I use Klarna to pay?', 'payment-methods'],
  ['do you accept visa and mastercard', 'payment-methods'],
  ['my card got declined, why?', 'failed-payment'],
  ['I need an invoice for my accounting department', 'invoices'],
  ['what is the balance on my gift card', 'gift-cards'],
  ['the promo code I got by email does not work', 'promo-codes'],
  ['is it possible to make an account on your website', 'create-account'],
  ['I cannot remember my password', 'password-reset'],
  ['how can I change the email I use for my account', 'change-email'],
  ['please delete my account and all my data', 'delete-account'],
  ['how do i stop getting your promotional emails', 'newsletter'],
  ['do your hiking boots fit true to size?', 'sizing-guide'],
  ['when is the 4-person tent coming back in stock', 'stock-restock'],
  ['can the dutch oven go in the dishwasher', 'product-care'],
  ['how hard is it to assemble the dining table', 'assembly'],
  ['the zip on my tent broke, is that covered?', 'warranty'],
  ['do you share my personal information with third parties', 'privacy-data'],
  ['what time do you open on saturday', 'store-hours-contact'],
  ['how do I earn rewards points', 'loyalty-programme'],
  ['I saw the same lamp cheaper somewhere else', 'price-match'],
  ['hello, good evening to you', 'greeting'],
  ['thank you!', 'greeting'],
];

/** Questions the shop cannot answer; each must come back with low confidence. */
export const outOfDomainQuestions: readonly string[] = [
  'what is the weather like tomorrow?',
  'what is the capital of France',
  'write me a poem about the sea',
  'asdfgh',
  'how much is car insurance for a new driver',
  'can you recommend a good movie',
  'who won the football match last night',
  'what is 17 times 23',
  'how do I fix a python error',
  'tell me a joke',
  'what is the meaning of life',
  'book me a flight to london',
  'my car insurance claim was rejected',
  'explain quantum physics',
  'qwerty uiop',
  'what is the best pizza recipe',
];

/** Vague messages that could mean anything; they must not be answered confidently. */
export const vagueQuestions: readonly string[] = [
  'I have a question',
  'can you help me',
  'it does not work',
  'what about the other one',
  'I have a problem',
  'hmm',
];
