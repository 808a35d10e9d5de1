import type { Message } from '@hitl/shared/models';
import { noticeSlots } from '@hitl/shared/system-notices';
import type { WidgetStrings } from './strings/en';
import { fillSlots } from './strings/pick-strings';

/**
 * A system notice in the widget's language: in English as the server wrote it; in another language the
 * widget's translation, with the agent's name or the e-mail read back from the server's text. A text that does
 * not follow the template (an older server) is shown as it is.
 */
export function noticeText(
  message: Pick<Message, 'notice' | 'text'>,
  strings: WidgetStrings,
  lang: string,
): string {
  if (!message.notice || lang === 'en') return message.text;
  const slots = noticeSlots(message.notice, message.text);
  if (slots === null) return message.text;
  return fillSlots(strings[`notice_${message.notice}`], slots);
}
