import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/dialects.js';
import { type DemoPractice, seedDemoPractice } from '../../test/seed-demo-practice.js';
import { buildTestDeps } from '../../test/test-deps.js';
import { createClient } from './create-client.js';
import { exportClientRecord } from './export-client-record.js';
import { importFhirBundle } from './import-fhir-bundle.js';
import type { Administration, Deps } from './ports.js';

const scoreOf = (a: Administration) => ({
  instrumentId: a.instrumentId,
  instrumentVersion: a.instrumentVersion,
  administeredAt: a.administeredAt,
  answers: a.answers,
  total: a.total,
  severity: a.severity,
  prorated: a.prorated,
  subscales: a.subscales,
  flags: a.flags,
});
const byTime = (a: Administration, b: Administration) =>
  a.administeredAt.localeCompare(b.administeredAt) || a.instrumentId.localeCompare(b.instrumentId);

for (const dialect of DIALECTS) {
  describe(`importFhirBundle on ${dialect}`, () => {
    let source: TestDatabase;
    let target: TestDatabase;
    let sourceDeps: Deps;
    let deps: Deps;
    let sourceDemo: DemoPractice;
    let demo: DemoPractice;
    let bundles: Record<'depression' | 'panic' | 'ptsd', unknown>;

    beforeAll(async () => {
      source = await createTestDatabase(dialect);
      sourceDeps = buildTestDeps(source);
      sourceDemo = await seedDemoPractice(sourceDeps);
      target = await createTestDatabase(dialect);
      deps = buildTestDeps(target);
      demo = await seedDemoPractice(deps);
      const exportOf = async (clientId: string) =>
        JSON.parse(
          new TextDecoder().decode(
            (await exportClientRecord(sourceDeps, sourceDemo.cli, { clientId, format: 'fhir' })).body,
          ),
        ) as unknown;
      bundles = {
        depression: await exportOf(sourceDemo.clients.depression),
        panic: await exportOf(sourceDemo.clients.panic),
        ptsd: await exportOf(sourceDemo.clients.ptsd),
      };
    });
    afterAll(async () => {
      await source.dispose();
      await target.dispose();
    });

    it('round trip: export → import into a client of another database keeps every score, answer and time', async () => {
      const clinician = demo.as(demo.users.clinician);
      for (const name of ['depression', 'panic', 'ptsd'] as const) {
        const client = await createClient(deps, clinician, { givenName: 'Imported', familyName: name });
        const result = await importFhirBundle(deps, clinician, { clientId: client.id, bundle: bundles[name] });
        const original = [...(await sourceDeps.store.listAdministrations(sourceDemo.clients[name]))].sort(byTime);
        const imported = [...(await deps.store.listAdministrations(client.id))].sort(byTime);
        expect(result).toMatchObject({ imported: original.length, duplicates: 0 });
        // The Patient, plan, goals, provenance and self-monitoring resources are reported, not imported.
        expect(
          result.ignored.every((i) => !i.resource.startsWith('QuestionnaireResponse/')),
          JSON.stringify(result.ignored),
        ).toBe(true);
        expect(imported.map(scoreOf)).toEqual(original.map(scoreOf));
        expect(imported.every((a) => a.source === 'import')).toBe(true);

        const again = await importFhirBundle(deps, clinician, { clientId: client.id, bundle: bundles[name] });
        expect(again).toMatchObject({ imported: 0, duplicates: original.length });
        expect(await deps.store.listAdministrations(client.id)).toHaveLength(original.length);
      }
    });

    it('skips a response whose identifier is already the client’s own administration', async () => {
      const own = JSON.parse(
        new TextDecoder().decode(
          (await exportClientRecord(deps, demo.cli, { clientId: demo.clients.panic, format: 'fhir' })).body,
        ),
      ) as unknown;
      const before = await deps.store.listAdministrations(demo.clients.panic);
      const result = await importFhirBundle(deps, demo.cli, { clientId: demo.clients.panic, bundle: own });
      expect(result).toMatchObject({ imported: 0, duplicates: before.length });
    });

    it('scores with Cairn’s engine, reports a different sender total, maps LOINC answers, and audits', async () => {
      const clinician = demo.as(demo.users.clinician);
      const client = await createClient(deps, clinician, { givenName: 'Loinc', familyName: 'Only' });
      const answers = [
        'LA6568-5',
        'LA6569-3',
        'LA6570-1',
        'LA6571-9',
        'LA6568-5',
        'LA6568-5',
        'LA6569-3',
        'LA6568-5',
        'LA6568-5',
      ];
      const items = ['44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8'];
      const bundle = {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          {
            fullUrl: 'urn:uuid:qr-1',
            resource: {
              resourceType: 'QuestionnaireResponse',
              id: 'qr-1',
              identifier: { system: 'https://ehr.example.org/responses', value: 'R-1' },
              questionnaire: 'http://loinc.org/q/44249-1',
              status: 'completed',
              authored: '2026-10-05T09:30:00Z',
              item: items.map((loinc, i) => ({
                linkId: `/${loinc}`,
                answer: [{ valueCoding: { system: 'http://loinc.org', code: answers[i] } }],
              })),
            },
          },
          {
            resource: {
              resourceType: 'Observation',
              id: 'obs-1',
              status: 'final',
              code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
              valueQuantity: { value: 99 },
              derivedFrom: [{ reference: 'QuestionnaireResponse/qr-1' }],
            },
          },
          {
            resource: {
              resourceType: 'Observation',
              id: 'obs-alone',
              status: 'final',
              code: { coding: [{ system: 'http://loinc.org', code: '70274-6' }] },
              valueQuantity: { value: 12 },
            },
          },
        ],
      };
      const result = await importFhirBundle(deps, clinician, { clientId: client.id, bundle });
      expect(result.imported).toBe(1);
      const [a] = await deps.store.listAdministrations(client.id);
      expect(a).toMatchObject({
        instrumentId: 'phq9',
        answers: [0, 1, 2, 3, 0, 0, 1, 0, 0],
        total: 7,
        source: 'import',
      });
      expect(result.ignored).toEqual([
        { resource: 'Observation/obs-1', reason: expect.stringMatching(/total 99 differs from Cairn's score 7/) },
        { resource: 'Observation/obs-alone', reason: expect.stringMatching(/cannot be scored/) },
      ]);
      const events = await deps.store.listAuditNewestFirst({ limit: 2, clientId: client.id });
      expect(events.map((e) => e.action)).toEqual(['import.fhir', 'administration.import']);
      expect(events[0]?.resource).toBe(`client:${client.id}?imported=1&duplicates=0&ignored=2`);
    });

    it('refuses what it does not accept and what is out of reach', async () => {
      const clinician = demo.as(demo.users.clinician);
      const clientId = demo.clients.depression;
      for (const bundle of [
        { resourceType: 'Patient' },
        { resourceType: 'Bundle', type: 'collection', entry: 'x' },
        {
          resourceType: 'Bundle',
          type: 'collection',
          entry: Array.from({ length: 2001 }, () => ({ resource: { resourceType: 'Basic' } })),
        },
        {
          resourceType: 'Bundle',
          type: 'collection',
          entry: [
            {
              resource: {
                resourceType: 'QuestionnaireResponse',
                id: 'x',
                questionnaire: 'http://example.org/q',
                status: 'completed',
                authored: '2026-10-05T09:30:00Z',
                item: [],
              },
            },
          ],
        },
      ]) {
        await expect(importFhirBundle(deps, clinician, { clientId, bundle })).rejects.toMatchObject({
          code: 'invalid-input',
        });
      }
      await expect(
        importFhirBundle(deps, demo.as(demo.users.otherClinician), {
          clientId: demo.clients.ptsd,
          bundle: bundles.ptsd,
        }),
      ).rejects.toMatchObject({ code: 'not-found' });
      await expect(
        importFhirBundle(deps, demo.as(demo.users.auditor), { clientId, bundle: bundles.depression }),
      ).rejects.toMatchObject({ code: expect.stringMatching(/forbidden|not-found/) });
    });
  });
}
