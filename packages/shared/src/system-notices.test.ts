import { describe, expect, it } from 'vitest';
import { systemNoticeKinds } from './models';
import { noticeSlots, noticeText } from './system-notices';

describe('system notices', () => {
  it('writes each notice with its slots and reads them back', () => {
    expect(noticeText('agent_joined', 'Bo Lind')).toBe('Bo Lind joined the conversation.');
    expect(noticeSlots('agent_joined', 'Bo Lind joined the conversation.')).toEqual({ name: 'Bo Lind' });
    expect(noticeText('contact_saved', undefined, 'ana@example.com')).toBe(
      "Thanks — we'll reply to ana@example.com as soon as someone is available.",
    );
    expect(noticeSlots('contact_saved', noticeText('contact_saved', undefined, 'a.b+c@x.io'))).toEqual({
      email: 'a.b+c@x.io',
    });
    expect(noticeText('transferred')).toBe('Another person from our team has taken over the conversation.');
    for (const kind of systemNoticeKinds)
      expect(noticeSlots(kind, noticeText(kind, 'Al', 'a@b.c'))).not.toBeNull();
  });

  it('does not read a text that does not follow the template', () => {
    expect(noticeSlots('agent_joined', 'Someone else wrote this.')).toBeNull();
    expect(noticeSlots('closed', 'Closed.')).toBeNull();
  });
});
