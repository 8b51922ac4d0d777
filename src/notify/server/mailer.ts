import nodemailer from 'nodemailer';
import { env } from '@/config/env';

/*
 * The one way mail leaves the server: SMTP_URL through nodemailer. One
 * connection per mail (notifications are few), with timeouts short enough
 * that a silent server cannot hold a worker's claim past its lease.
 */

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
};

export type SendResult = { ok: true; response: string } | { ok: false; error: string };

const CONNECTION_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 30_000;

export const isMailConfigured = (): boolean => Boolean(env.SMTP_URL);

/** MAIL_FROM, or an address on PUBLIC_URL's host, or one on localhost (which most servers refuse: the settings page says so). */
export function mailSender(): string {
  if (env.MAIL_FROM) return env.MAIL_FROM;
  const host = env.PUBLIC_URL ? new URL(env.PUBLIC_URL).hostname : 'localhost';
  return `Tanya <tanya@${host}>`;
}

/**
 * What went wrong, in words the owner can act on (shown on the settings page
 * and kept with a failed notification). Never includes the SMTP password: the
 * URL is reduced to its host and port.
 */
export function describeSmtpError(error: unknown): string {
  const { code, responseCode, response, message } = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const server = env.SMTP_URL ? smtpAddress(env.SMTP_URL) : 'the SMTP server';
  // nodemailer reports socket failures as ESOCKET with the system's code in the message.
  const said = `${code ?? ''} ${message ?? ''}`;
  if (said.includes('ECONNREFUSED')) return `Could not connect to ${server}: the connection was refused (is the server running, and is the port right?).`;
  if (code === 'ETIMEDOUT' || code === 'ETIMEOUT' || said.includes('ETIMEDOUT')) return `${server} did not answer in time.`;
  if (code === 'EDNS' || said.includes('ENOTFOUND')) return `The host of ${server} could not be found (check the host name in SMTP_URL).`;
  if (code === 'EAUTH') return `${server} refused the user name or password in SMTP_URL: ${response ?? message ?? ''}`.trim();
  if (code === 'ETLS' || code === 'ESOCKET') return `The connection to ${server} failed: ${message ?? code}.`;
  if (responseCode) return `${server} refused the mail: ${response ?? message}`;
  return `Sending through ${server} failed: ${message ?? String(error)}`;
}

function smtpAddress(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || (parsed.protocol === 'smtps:' ? '465' : '587')}`;
}

/** Sends one mail; never throws. Without SMTP_URL it sends nothing and says how to turn mail on. */
export async function sendMail(mail: OutgoingMail): Promise<SendResult> {
  if (!env.SMTP_URL) return { ok: false, error: 'E-mail is off: set SMTP_URL (e.g. smtp://user:password@smtp.example.com:587) and restart.' };
  const transport = nodemailer.createTransport(env.SMTP_URL, {
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: CONNECTION_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
  });
  try {
    const info = await transport.sendMail({ from: mailSender(), ...mail });
    if (info.rejected.length > 0) return { ok: false, error: `The SMTP server refused the recipient ${mail.to}: ${info.response}` };
    return { ok: true, response: info.response };
  } catch (error) {
    return { ok: false, error: describeSmtpError(error) };
  } finally {
    transport.close();
  }
}
