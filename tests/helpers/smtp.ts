import { afterAll, beforeAll } from 'vitest';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on loopback that keeps what it received, parsed. It can
 * be stopped and started again on the same port (an SMTP outage), and told to
 * refuse mail with a permanent error.
 */
export type SmtpSink = {
  port: number;
  /** What the server under test puts in SMTP_URL. */
  url: string;
  mails: ParsedMail[];
  /** Mails whose DATA has started arriving (accepted or not yet). */
  readonly receiving: number;
  /** How long the server holds each mail before accepting it: a slow server, with a send in flight. */
  acceptDelayMs: number;
  /** Resolves once `count` mails arrived in total (fails after `timeoutMs`). */
  waitForMails(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /** The mails sent to `address`. */
  to(address: string): ParsedMail[];
  stop(): Promise<void>;
  /** Listens again on the same port, keeping the mails received so far. */
  start(): Promise<void>;
};

/** A header exactly as it was sent (mailparser turns some, like List-Unsubscribe, into objects). */
export function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((header) => header.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(':') + 1).replace(/\r?\n\s+/g, ' ').trim();
}

export async function startSmtpSink(options: { port?: number } = {}): Promise<SmtpSink> {
  const mails: ParsedMail[] = [];
  let receiving = 0;
  let acceptDelayMs = 0;
  let server: SMTPServer | undefined;
  let port = options.port ?? 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = new SMTPServer({
        authOptional: true,
        // Plain loopback: nodemailer would otherwise upgrade to TLS with a certificate nobody trusts.
        disabledCommands: ['STARTTLS'],
        logger: false,
        closeTimeout: 1_000,
        onData(stream, _session, callback) {
          receiving += 1;
          simpleParser(stream).then(
            async (mail) => {
              if (acceptDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, acceptDelayMs));
              mails.push(mail);
              callback();
            },
            (error: Error) => callback(error),
          );
        },
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const address = (server as unknown as { server: { address(): { port: number } } }).server.address();
        port = address.port;
        resolve();
      });
    });

  await listen();

  const sink: SmtpSink = {
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    mails,
    get receiving() {
      return receiving;
    },
    get acceptDelayMs() {
      return acceptDelayMs;
    },
    set acceptDelayMs(value: number) {
      acceptDelayMs = value;
    },
    async waitForMails(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (mails.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails, got ${mails.length}: ${mails.map((mail) => mail.subject).join(' | ')}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return mails;
    },
    to: (address) => mails.filter((mail) => [mail.to].flat().some((to) => to?.value.some((entry) => entry.address === address))),
    stop: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
    start: listen,
  };
  return sink;
}

/**
 * A sink for the whole suite: started before it, stopped after it. Call it
 * before `useProductionServer`, whose env reads `sink.url`.
 */
export function useSmtpSink(): { readonly sink: SmtpSink } {
  let sink: SmtpSink | undefined;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.stop();
  });
  return {
    get sink() {
      if (!sink) throw new Error('the SMTP sink starts in beforeAll: use it inside a hook or a test');
      return sink;
    },
  };
}
