import { createTransport } from 'nodemailer';
import type { Logger } from '../lib/logger';

/** One e-mail, ready to go: every header the reply needs is decided by the caller. */
export interface OutgoingEmail {
  from: { name: string | null; address: string };
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The Message-ID, angle brackets included; the same one on every attempt of the same reply. */
  messageId: string;
  inReplyTo: string | null;
  references: string[];
}

/** The way out for e-mail. Rejects with `MailSendError` when the mail server did not take the message. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

/** What went wrong, in words an agent can act on: no host names, no server banners. */
export class MailSendError extends Error {
  override name = 'MailSendError';
}

/** Bounds each step, so an agent waiting for a reply to go out is never left hanging on a dead server. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/** Sends over SMTP with nodemailer; `url` is SMTP_URL (credentials, host, port, smtps for TLS). */
export function createSmtpMailer(url: string, logger: Logger): Mailer {
  const transport = createTransport({ url, ...TIMEOUTS });
  return {
    async send(email) {
      try {
        await transport.sendMail({
          from: email.from.name ? { name: email.from.name, address: email.from.address } : email.from.address,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          messageId: email.messageId,
          ...(email.inReplyTo ? { inReplyTo: email.inReplyTo } : {}),
          ...(email.references.length > 0 ? { references: email.references } : {}),
        });
      } catch (err) {
        logger.warn({ err, messageId: email.messageId }, 'e-mail not sent');
        throw new MailSendError(describeSendFailure(err));
      }
    },
    close() {
      transport.close();
    },
  };
}

/** nodemailer's error (code, SMTP response code) → a short reason without the server's own words. */
export function describeSendFailure(err: unknown): string {
  const { code, responseCode } = (err ?? {}) as { code?: unknown; responseCode?: unknown };
  if (code === 'EAUTH') return 'the mail server refused our login';
  if (typeof responseCode === 'number' && responseCode >= 500)
    return `the mail server refused the message (${responseCode})`;
  if (typeof responseCode === 'number' && responseCode >= 400)
    return `the mail server deferred the message (${responseCode}); try again later`;
  if (code === 'ETIMEDOUT') return 'the mail server did not answer in time';
  if (code === 'ECONNECTION' || code === 'ESOCKET' || code === 'EDNS' || code === 'ETLS')
    return 'the mail server could not be reached';
  if (code === 'EENVELOPE') return 'the mail server refused the address';
  return 'the mail server did not take the message';
}
