import nodemailer from 'nodemailer';
import type { Mailer } from '../application/ports.js';

/**
 * The Mailer port over SMTP (nodemailer): client links by e-mail (issue 7). `url` is CAIRN_SMTP_URL
 * (`smtp://user:pass@host:587` uses STARTTLS when the server offers it; `smtps://` is TLS from the start), `from` is
 * CAIRN_MAIL_FROM. Plain text only: no tracking pixels, no remote images, nothing for the message to load.
 *
 * @example
 * const mailer = createSmtpMailer({ url: 'smtp://localhost:2525', from: 'Cairn <no-reply@example.org>' });
 * await mailer.send({ to: 'client@example.org', subject: 'A secure link from Riverside CBT', text: '…' });
 */
export function createSmtpMailer(
  smtp: { readonly url: string; readonly from: string },
  options: { readonly rejectUnauthorized?: boolean } = {},
): Mailer & { readonly close: () => void } {
  const url = new URL(smtp.url);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    tls: { rejectUnauthorized: options.rejectUnauthorized ?? true },
  });
  return {
    send: async (message) => {
      await transport.sendMail({ from: smtp.from, to: message.to, subject: message.subject, text: message.text });
    },
    close: () => transport.close(),
  };
}
