import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../../test/dialects.js';
import { type DemoPractice, seedDemoPractice } from '../../../../test/seed-demo-practice.js';
import { buildTestApp, sessionFor, type TestApp, type TestBrowser } from '../../../../test/test-app.js';
import { createSmtpMailer } from '../../../storage/create-smtp-mailer.js';

// http: with https the session cookie takes its __Host- name, which sessionFor does not set.
const PUBLIC_URL = 'http://cairn.example.org';

interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: string;
}

/** The raw message with quoted-printable soft line breaks and escapes undone (enough to search its text). */
function decoded(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A real SMTP server in this process (the smtp-server package): no TLS, no auth, keeps what it receives. */
async function startSmtpServer(): Promise<{ port: number; received: ReceivedMail[]; close: () => Promise<void> }> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

for (const dialect of DIALECTS) {
  describe(`client links by e-mail (SMTP) on ${dialect}`, () => {
    let t: TestDatabase;
    let ctx: TestApp;
    let demo: DemoPractice;
    let clinician: TestBrowser;
    let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
    let mailer: ReturnType<typeof createSmtpMailer>;

    beforeAll(async () => {
      smtp = await startSmtpServer();
      mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${smtp.port}`, from: 'Cairn <no-reply@cairn.example.org>' });
      t = await createTestDatabase(dialect);
      ctx = await buildTestApp(t, { overrides: { publicUrl: PUBLIC_URL, mailer } });
      demo = await seedDemoPractice(ctx.deps);
      clinician = await sessionFor(ctx, demo.users.clinician);
    });
    afterAll(async () => {
      mailer.close();
      await ctx.app.close();
      await t.dispose();
      await smtp.close();
    });

    it('sends the link to the client’s address with the practice name and the link, and nothing clinical', async () => {
      // First, the clinician registers a client with an e-mail address and records the consent.
      const created = await clinician.post('/api/v1/clients', {
        firstName: 'Rosalind',
        lastName: 'Quimby',
        dateOfBirth: '1990-04-02',
        email: 'rosalind.quimby@example.net',
      });
      expect(created.statusCode, created.body).toBe(201);
      const clientId = created.json().id;
      const noConsent = await clinician.post(`/api/v1/clients/${clientId}/links`, {
        purpose: 'measures',
        instruments: ['phq9', 'gad7'],
        deliver: 'email',
      });
      expect(noConsent.json().error.code).toBe('consent-required');
      expect(smtp.received).toHaveLength(0);
      await clinician.post(`/api/v1/clients/${clientId}/consents`, {
        kind: 'contact',
        method: 'verbal',
        givenOn: '2026-11-25',
        givenBy: 'client',
      });

      // Then a PHQ-9 and GAD-7 link goes out by e-mail.
      const res = await clinician.post(`/api/v1/clients/${clientId}/links`, {
        purpose: 'measures',
        instruments: ['phq9', 'gad7'],
        deliver: 'email',
      });
      expect(res.statusCode, res.body).toBe(201);
      const { url } = res.json();
      expect(url.startsWith(`${PUBLIC_URL}/l#t=`)).toBe(true);

      expect(smtp.received).toHaveLength(1);
      const mail = smtp.received[0] as ReceivedMail;
      expect(mail.from).toBe('no-reply@cairn.example.org');
      expect(mail.to).toEqual(['rosalind.quimby@example.net']);
      const text = decoded(mail.raw);
      const subject = /^Subject: (.*)$/m.exec(text)?.[1] ?? '';
      expect(subject).toBe(`A secure link from ${demo.practice.name}`);
      expect(text).toContain(url);
      expect(text).toContain(demo.practice.name);
      // No client name and nothing clinical in the subject or the body (the To header is the client's address).
      const body = text.slice(text.search(/\r?\n\r?\n/));
      expect(body).toContain(url);
      for (const word of [
        'Rosalind',
        'Quimby',
        '1990',
        'PHQ',
        'phq9',
        'GAD',
        'gad7',
        'depress',
        'anxiety',
        'questionnaire',
      ]) {
        expect(`${subject}\n${body}`.toLowerCase()).not.toContain(word.toLowerCase());
      }

      // The list shows the link as e-mailed; the e-mail is in the audit trail.
      const list = (await clinician.get(`/api/v1/clients/${clientId}/links`)).json();
      expect(list.items[0].emailedAt).not.toBeNull();
      const events = await ctx.deps.store.listAudit({ limit: 100_000 });
      expect(events.some((e) => e.action === 'client-link.email' && e.clientIds.includes(clientId))).toBe(true);
    });

    it('refuses to e-mail a client without an address (and stores no link)', async () => {
      const created = await clinician.post('/api/v1/clients', {
        firstName: 'No',
        lastName: 'Address',
        dateOfBirth: '1985-01-01',
      });
      const clientId = created.json().id;
      await clinician.post(`/api/v1/clients/${clientId}/consents`, {
        kind: 'contact',
        method: 'verbal',
        givenOn: '2026-11-25',
        givenBy: 'guardian',
      });
      const res = await clinician.post(`/api/v1/clients/${clientId}/links`, {
        purpose: 'measures',
        instruments: ['phq9'],
        deliver: 'email',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('email-unavailable');
      expect((await clinician.get(`/api/v1/clients/${clientId}/links`)).json().items).toEqual([]);
    });
  });
}
