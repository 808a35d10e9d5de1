import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  mail: ParsedMail;
}

export interface TestSmtpServer {
  /** `smtp://user:pass@127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** Resolves with the next message accepted from now on (or the one waiting already, in order). */
  nextMail(): Promise<ReceivedMail>;
  /** While set, every recipient is refused with this SMTP reply code (e.g. 550). */
  rejectRecipients(code: number | null): void;
  close(): Promise<void>;
}

export const SMTP_USER = 'mailer';
export const SMTP_PASSWORD = 'mail-secret';

/**
 * A real SMTP server on port 0 (the `smtp-server` package), without TLS, requiring the test login. Each
 * message it accepts is parsed with `mailparser` and kept, so tests read what a mailbox would get.
 */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const waiting: Array<(mail: ReceivedMail) => void> = [];
  let taken = 0;
  let refuseWith: number | null = null;

  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD)
        callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(_address, _session, callback) {
      if (refuseWith === null) return callback();
      callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: refuseWith }));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const entry: ReceivedMail = {
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            mail,
          };
          received.push(entry);
          const next = waiting.shift();
          if (next) {
            taken += 1;
            next(entry);
          }
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${port}`,
    received,
    nextMail() {
      const ready = received[taken];
      if (ready) {
        taken += 1;
        return Promise.resolve(ready);
      }
      return new Promise((resolve) => waiting.push(resolve));
    },
    rejectRecipients(code) {
      refuseWith = code;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
