import { describe, expect, it } from 'vitest';
import { detectExplicitRequest } from './explicit-request';

describe('detectExplicitRequest', () => {
  const asks = [
    'I want to talk to a person',
    'Can I speak with a human?',
    'let me talk to someone',
    'connect me to a live agent please',
    'I need a real person',
    'Get me a representative',
    'agent',
    'human please!!',
    'Could you transfer me to customer service?',
    "I'd like to speak to a manager",
    'Can I chat with your support team',
    'I wanna talk to somebody',
    'Je veux parler à une personne',
    'Est-ce que je peux parler à quelqu’un ?',
    'J’aimerais discuter avec un conseiller',
    'un vrai humain svp',
    'Conseiller, s’il vous plaît',
  ];
  it.each(asks)('detects "%s"', (text) => {
    expect(detectExplicitRequest(text)).not.toBeNull();
  });

  const notAsks = [
    'how long does shipping take?',
    'Is this tent suitable for one person?',
    'The person at the door left the parcel outside',
    'my agent code is 1234',
    'what is your human resources address',
    'Cette tente est-elle pour une personne ?',
    'Quelqu’un a laissé le colis devant la porte',
    'Mon conseiller bancaire m’a dit de payer par carte',
  ];
  it.each(notAsks)('ignores "%s"', (text) => {
    expect(detectExplicitRequest(text)).toBeNull();
  });
});
