/**
 * Shop vocabulary: stems that mean the same thing here, mapped onto one term. Countries are collapsed to
 * one class word so "ship to Spain" matches examples that name other countries.
 */
const synonyms: Record<string, string> = {
  packag: 'parcel',
  shipment: 'parcel',
  deliver: 'ship',
  delivery: 'ship',
  postag: 'ship',
  post: 'ship',
  mail: 'email',
  coupon: 'promo',
  colour: 'color',
  cancell: 'cancel',
  cancellation: 'cancel',
  arrival: 'arriv',
  arival: 'arriv',
  ariv: 'arriv',
  reciev: 'receiv',
  adress: 'address',
  untill: 'until',
  purchas: 'buy',
  bought: 'buy',
  guarantee: 'warranty',
};

/** Stems of country and region names ("wales" stems to "wal", "overseas" to "oversea"). */
const countries =
  'abroad australia austria belgium brazil britain canada china denmark england europe finland france germany ' +
  'greece holland hungary india ireland israel italy japan korea mexico netherland norway oversea poland ' +
  'portugal scotland singapore spain sweden switzerland uk wal worldwide zealand';

const canonical = new Map<string, string>(Object.entries(synonyms));
for (const country of countries.split(' ')) canonical.set(country, 'country');

/** The shop's canonical term for a stem, or undefined when the stem stands for itself. */
export function canonicalTerm(stem: string): string | undefined {
  return canonical.get(stem);
}
