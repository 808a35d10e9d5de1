/**
 * The material generated corrections are made of: a demo outdoor shop's topics, with the questions
 * customers ask, what the bot answered (a few knowledge-base answers, so they repeat, as in
 * production) and what agents wrote instead (templates with details, so they mostly differ).
 */
export interface TopicCorpus {
  topic: string;
  questions: string[];
  botAnswers: string[];
  corrections: string[];
}

export const products = [
  'Trailhead 2 tent',
  'Summit 40 backpack',
  'Alpine down jacket',
  'Ridge hiking boots',
  'Drift sleeping bag',
  'Canyon trekking poles',
  'Harbor rain shell',
  'Pine camp stove',
  'Basecamp 4 tent',
  'Glacier gloves',
  'Cedar hammock',
  'Lakeside kayak paddle',
];

export const names = [
  'Jane',
  'Omar',
  'Priya',
  'Lucas',
  'Mei',
  'Tom',
  'Aisha',
  'Sven',
  'Carla',
  'Kenji',
  'Zoe',
];
export const cities = [
  'Leeds',
  'Lyon',
  'Porto',
  'Austin',
  'Bergen',
  'Graz',
  'Cork',
  'Turin',
  'Ghent',
  'Boise',
];
export const openers = [
  'Hi,',
  'Hello there,',
  'Good morning,',
  'Hey,',
  'Quick question:',
  'Sorry to bother you,',
  '',
  'Hi team,',
  'Hello,',
  'Evening,',
];
export const closers = [
  'Thanks!',
  'Thank you.',
  'Cheers',
  '',
  'Thanks in advance.',
  'Appreciate it.',
  'Regards',
  'ty',
  '',
  'Many thanks.',
];
export const greetings = ['hi', 'hello', 'hey there', 'good afternoon', 'hi, anyone there?'];
/** What customers add about themselves: most questions carry one or two of these. */
export const asides = [
  'I ordered it for a trip to {city} next week.',
  'It was a birthday present for my sister.',
  'This is the second time this has happened to me.',
  'I have been a customer for {days} years.',
  'The website said something different.',
  'I already tried calling but nobody answered.',
  'My friend bought the same one last month.',
  'I need it before {weekday} if possible.',
  'The box looked damaged when it arrived.',
  'I am not very good with online forms.',
  'We are going camping with the kids.',
  'I paid extra for quick delivery.',
  'Your chat bot did not understand me earlier.',
  'I live in a flat on the fourth floor.',
  'The colour is not what I expected either.',
  'I checked my spam folder as well.',
  'It is for a mountain hut with no road access.',
  'I want to avoid another wasted trip to the post office.',
];
export const botGreeting = 'Hello! I am the Harbor & Pine assistant. How can I help you today?';

export const topics: TopicCorpus[] = [
  {
    topic: 'shipping',
    questions: [
      'how long does shipping to {city} take for my {product}? order {order}',
      'my order {order} has not arrived yet, it has been {days} days. where is it?',
      'can I get express delivery to {city} before the weekend for the {product}?',
      'the tracking for order {order} has not updated since {weekday}, is it lost?',
    ],
    botAnswers: [
      'Standard shipping takes 3–5 business days. You can track your parcel from the link in your confirmation e-mail.',
      'We ship to most countries in Europe and North America. Delivery times depend on the destination.',
    ],
    corrections: [
      'Sorry for the wait, {name}. Order {order} left our warehouse on {weekday} and is with the carrier; deliveries to {city} take {days} business days, so it should reach you by the end of the week. If it has not arrived by then, reply here and we will send a replacement at no cost.',
      'Standard shipping to {city} takes 3–5 business days and express takes 1–2 business days. Express orders placed before 2 pm on a weekday leave the same day, so your {product} can still arrive before the weekend.',
      'Tracking can pause for up to {days} days while a parcel crosses a border. Order {order} is not lost: the carrier shows it in transit to {city}. We will keep an eye on it and update you as soon as it moves.',
    ],
  },
  {
    topic: 'returns',
    questions: [
      'can I return the {product} I bought {days} days ago? I only used it once',
      'how do I send back order {order}, the {product} is the wrong size',
      'I returned my {product} {days} days ago and still have no refund. order {order}',
    ],
    botAnswers: [
      'You can return unused items within 30 days of delivery for a full refund.',
      'Refunds are issued to the original payment method once we receive the item.',
    ],
    corrections: [
      'Yes, {name}: you can return the {product} within 60 days, even after using it outdoors, as long as it is clean. Start the return from your account page under order {order}; the label is free and the refund reaches your card within 5 business days of our receiving it.',
      'We received your return for order {order} on {weekday}. Refunds take {days} business days to appear on your statement after that; you will get an e-mail the moment it is issued. Sorry for the wait.',
      'To swap the {product} for another size, start an exchange rather than a return: we ship the new size straight away and you send the first one back with the free label within 14 days.',
    ],
  },
  {
    topic: 'warranty',
    questions: [
      'the zip on my {product} broke after {days} days, is that covered?',
      'what is the warranty on the {product}? mine has a tear in the seam',
      'my {product} from order {order} is leaking, can you repair it?',
    ],
    botAnswers: [
      'All our products carry a two-year warranty against manufacturing defects.',
      'Please contact us with photos of the damage and your order number.',
    ],
    corrections: [
      'A broken zip within the first year is covered, {name}. Send us two photos of the {product} and the order number {order}; we will repair it within {days} days or replace it if a repair is not possible, and we pay the shipping both ways.',
      'The {product} has a lifetime warranty on seams and a two-year warranty on everything else. A seam tear is covered: reply with a photo and we will send a prepaid label for a free repair.',
    ],
  },
  {
    topic: 'payment',
    questions: [
      'I was charged twice for order {order}, can you fix it?',
      'do you accept PayPal or only cards for the {product}?',
      'my payment for the {product} failed but the money left my account',
    ],
    botAnswers: [
      'We accept Visa, Mastercard, American Express and PayPal.',
      'If a payment fails, no money is taken from your account.',
    ],
    corrections: [
      'I can see two charges for order {order}, {name}: the second is a pre-authorisation that your bank releases automatically within {days} business days. You do not need to do anything, and nothing was taken twice.',
      'We accept Visa, Mastercard, American Express, PayPal and Klarna for the {product}. Gift cards can be combined with any of them at checkout.',
      'A failed payment sometimes shows as pending on your account for up to {days} days; it is released without being charged. If the amount is still there after that, send us your bank statement line and we will chase it.',
    ],
  },
  {
    topic: 'sizing',
    questions: [
      'I am 182 cm, which size of the {product} should I take?',
      'does the {product} run small? I am usually a medium',
      'is the {product} unisex or is there a women fit?',
    ],
    botAnswers: [
      'Please see the size guide on each product page.',
      'Our clothing follows standard European sizing.',
    ],
    corrections: [
      'At 182 cm, the large {product} fits best with a layer underneath, {name}; take the medium if you prefer a closer fit. If it does not fit, exchanges are free for 60 days.',
      'The {product} runs about half a size small, so most people who are usually a medium take a large. The size guide on the product page lists chest and length in centimetres.',
    ],
  },
];
