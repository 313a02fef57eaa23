import { z } from 'zod';

/**
 * The query of `GET /clients/{clientId}/exports`: which file, for which period, and (for the audit trail) why and
 * to whom. The use case checks the combinations (a document of the format, the audit packet's period).
 *
 * @example
 * ExportQuery.parse({ format: 'pdf', document: 'progress', from: '2026-10-01', purpose: 'payer review' });
 */
export const ExportQuery = z.strictObject({
  format: z.enum(['pdf', 'fhir', 'csv']).describe('pdf, fhir (R4 Bundle) or csv'),
  document: z
    .enum(['plan', 'progress', 'review', 'audit-packet', 'bundle', 'scores', 'behavior-logs'])
    .optional()
    .describe(
      'pdf: plan (default), progress, audit-packet (needs from and to), review (reviewId, else the latest in the period); csv: scores (default), behavior-logs; fhir: bundle',
    ),
  from: z.string().max(10).optional().describe('first day, YYYY-MM-DD (inclusive)'),
  to: z.string().max(10).optional().describe('last day, YYYY-MM-DD (inclusive)'),
  reviewId: z.string().max(100).optional().describe('the review to print with document=review'),
  purpose: z.string().max(200).optional().describe('why the record leaves; written to the audit trail'),
  recipient: z.string().max(200).optional().describe('to whom it goes; written to the audit trail'),
});

/**
 * The body of `POST /clients/{clientId}/imports`: a FHIR R4 Bundle (type collection, transaction, batch or
 * searchset) of QuestionnaireResponse and Observation resources. Validated in full by the use case.
 *
 * @example
 * ImportBody.parse({ resourceType: 'Bundle', type: 'collection', entry: [] });
 */
export const ImportBody = z.looseObject({ resourceType: z.literal('Bundle') });

/**
 * What an import did: how many administrations it recorded, how many it skipped as duplicates (same identifier),
 * and what it ignored (resources of other types or instruments Cairn does not know) with the reason.
 *
 * @example
 * const view: ImportResultView = { imported: 3, duplicates: 1, ignored: [{ resource: 'Observation/x', reason: 'unknown instrument' }] };
 */
export const ImportResultView = z.object({
  imported: z.number().int(),
  duplicates: z.number().int(),
  administrationIds: z.array(z.string()),
  ignored: z.array(z.object({ resource: z.string(), reason: z.string() })),
});
export type ImportResultView = z.infer<typeof ImportResultView>;
