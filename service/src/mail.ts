/**
 * E-mail out, where the register has an SMTP server (`PLAN_SMTP_URL`, docs/configuration.md,
 * "E-mail"): nodemailer's SMTP transport, one connection per message (reminders are a handful
 * of messages; nothing stays open between them), with bounded waits, so that a slow or absent
 * server delays a reminder's answer by seconds, never hangs it. Nothing here decides what a
 * message says (the core's `reminderMail`) or who gets one (handlers/reminders.ts).
 */
import nodemailer from 'nodemailer';
import type { MailConfig } from './config';

/** One plain-text message. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends messages. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** Bounds of one SMTP exchange (connect, greeting, a quiet socket), in ms. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/**
 * An address a message can go to: a login name that is an e-mail address (the register's
 * `email` column holds either). Deliberately plain: one `@`, no spaces or angle brackets, a
 * dot in the domain; the SMTP server is the judge of the rest.
 */
export function mailAddressOf(login: string): string | null {
  const s = login.trim();
  return /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]+$/.test(s) ? s : null;
}

/** A mailer over the configured SMTP server. */
export function smtpMailer(config: MailConfig): Mailer {
  const transport = nodemailer.createTransport({ url: config.url, ...TIMEOUTS });
  return {
    async send(m) {
      await transport.sendMail({ from: config.from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}
