import { noticeText as serverText } from '@hitl/shared/system-notices';
import { describe, expect, it } from 'vitest';
import { noticeText } from './notice-text';
import { en } from './strings/en';
import { fr } from './strings/fr';

describe('noticeText', () => {
  it('keeps the server’s English, and translates with the name read back', () => {
    const joined = { notice: 'agent_joined' as const, text: serverText('agent_joined', 'Bo Lind') };
    expect(noticeText(joined, en, 'en')).toBe('Bo Lind joined the conversation.');
    expect(noticeText(joined, fr, 'fr')).toBe('Bo Lind a rejoint la conversation.');
    expect(noticeText({ notice: 'closed', text: serverText('closed') }, fr, 'fr')).toBe(
      'Cette conversation est terminée. Écrivez à tout moment pour en commencer une nouvelle.',
    );
    expect(
      noticeText(
        { notice: 'contact_saved', text: serverText('contact_saved', undefined, 'a@b.io') },
        fr,
        'fr',
      ),
    ).toBe('Merci — nous répondrons à a@b.io dès que possible.');
  });

  it('shows a text it cannot read as it is, and leaves messages that are not notices alone', () => {
    expect(noticeText({ notice: 'agent_joined', text: 'Custom words.' }, fr, 'fr')).toBe('Custom words.');
    expect(noticeText({ notice: null, text: 'Hello' }, fr, 'fr')).toBe('Hello');
  });
});
