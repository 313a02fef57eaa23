import { z } from 'zod';
import { Id } from './common.js';

/**
 * Client links (issue 7): the clinician's side (consents, creating, listing and revoking links) and the client page's
 * side (`/api/v1/link…`, authenticated by the link's token in the `X-Cairn-Link` header, never in the URL).
 *
 * @example
 * CreateClientLinkRequest.parse({ purpose: 'measures', instruments: ['phq9'] });
 */
export const ClientLinkPurpose = z.enum(['measures', 'log', 'endorse']);

/** The header the client page sends the link's token in (the token sits in the page URL's fragment). */
export const LINK_TOKEN_HEADER = 'x-cairn-link';

export const CreateClientLinkRequest = z.strictObject({
  purpose: ClientLinkPurpose,
  instruments: z.array(z.string().min(1).max(100)).max(5).optional().describe('Measures links: instrument ids.'),
  expiresInDays: z.number().int().min(1).max(30).optional().describe('Default 7.'),
  deliver: z
    .enum(['copy', 'email'])
    .optional()
    .describe('copy (default): the clinician hands the URL on; email: sent to the client’s address by SMTP.'),
});

export const ClientLinkCreated = z.object({
  url: z.string().describe('Absolute URL (CAIRN_PUBLIC_URL); the token is in the fragment. Shown once.'),
  expiresAt: z.string(),
});

export const ClientLinkView = z.object({
  id: Id,
  purpose: ClientLinkPurpose,
  instruments: z.array(z.string()),
  state: z.enum(['open', 'used', 'expired', 'revoked']),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  emailedAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  usedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ClientLinkView = z.infer<typeof ClientLinkView>;

export const ClientLinkParams = z.strictObject({ clientId: Id, linkId: Id });

/** `POST /clients/{id}/consents` (issue 12 contract): `{kind, method}` plus the optional details. */
export const RecordConsentRequest = z.strictObject({
  kind: z.enum(['treatment', 'contact']).describe('contact covers client links and their e-mail.'),
  method: z.enum(['verbal', 'written', 'electronic']),
  givenOn: z.string().max(10).optional().describe('YYYY-MM-DD; default today.'),
  givenBy: z.enum(['client', 'guardian']).optional().describe('Default client; a guardian for a minor.'),
  textVersion: z.string().max(100).optional().describe('The version of the consent text agreed to.'),
});

export const ConsentView = z.object({
  id: Id,
  kind: z.enum(['treatment', 'contact']),
  method: z.enum(['verbal', 'written', 'electronic']).nullable(),
  textVersion: z.string().nullable(),
  givenOn: z.string(),
  givenBy: z.enum(['client', 'guardian']),
  recordedBy: z.string(),
  recordedAt: z.string(),
  withdrawnAt: z.string().nullable(),
});
export type ConsentView = z.infer<typeof ConsentView>;

export const LinkInstrumentView = z.object({
  id: z.string(),
  shortName: z.string(),
  name: z.string(),
  instructions: z.string().nullable(),
  copyright: z.string(),
  items: z.array(
    z.object({
      number: z.number(),
      text: z.string(),
      options: z.array(z.object({ value: z.number(), label: z.string() })),
    }),
  ),
  criticalItems: z.array(z.object({ item: z.number(), minValue: z.number() })),
});
export type LinkInstrumentView = z.infer<typeof LinkInstrumentView>;

export const LinkContextView = z.object({
  purpose: ClientLinkPurpose,
  practiceName: z.string(),
  firstName: z.string(),
  expiresAt: z.string(),
  crisisText: z.string(),
  today: z.string(),
  instruments: z.array(LinkInstrumentView),
  answers: z.record(z.string(), z.array(z.number().nullable())),
  behaviors: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      period: z.enum(['day', 'week', 'month']),
      unit: z.string().nullable(),
      periodStart: z.string(),
    }),
  ),
  goals: z.array(z.object({ id: z.string(), statement: z.string(), clientWords: z.string().nullable() })),
});
export type LinkContextView = z.infer<typeof LinkContextView>;

export const SaveLinkAnswersRequest = z.strictObject({
  instrument: z.string().min(1).max(100),
  answers: z.array(z.number().int().nullable()).max(100),
});

export const SaveLinkAnswersResponse = z.object({ critical: z.boolean() });

export const SubmitLinkRequest = z.strictObject({
  answers: z.record(z.string().max(100), z.array(z.number().int().nullable()).max(100)).optional(),
  counts: z
    .array(z.strictObject({ behaviorId: z.string().min(1).max(100), count: z.number().min(0).max(10_000) }))
    .max(50)
    .optional(),
  goals: z
    .array(z.strictObject({ goalId: z.string().min(1).max(100), words: z.string().max(1000).optional() }))
    .max(50)
    .optional(),
  typedName: z.string().max(200).optional(),
  date: z.string().max(10).optional(),
});

export const SubmitLinkResponse = z.object({
  purpose: ClientLinkPurpose,
  critical: z.boolean(),
  /** The practice's crisis-support text when a critical item was answered; null otherwise. */
  crisisText: z.string().nullable(),
});
