import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { certificateFingerprint, ENGLISH_IN_DUTCH, verifyRecordPdf } from '@lib/audit';
import { roundStream } from '@lib/budgeting/events';
import { InMemoryEventStore } from '@lib/event-store';
import { AppConfig, ConfigError } from '@lib/platform';
import { throwawaySigningKey } from '../../../../libs/audit/src/testing/signing-key.js';
import { OTHER_TENANT, startTestApi, type TestApi } from '../../../../test/support/test-api.js';
import { anAuditedRound, type AuditedRound } from '../../../audit/src/testing/audited-round.js';

interface StoredSeal {
  digest: string;
  storeChain?: { digest: string };
}

/** The back office and the council download the round's record over HTTP; it is the CLI's record, signed with the municipality's key. */
describe('GET /rounds/{roundId}/proces-verbaal', () => {
  const store = new InMemoryEventStore({ pollIntervalMs: 20 });
  const municipality = throwawaySigningKey('Gemeente Amsterdam (proces-verbaal)');
  const fingerprint = certificateFingerprint(municipality.certificatePem).fingerprint256;
  let dir: string;
  let round: AuditedRound;
  let api: TestApi;
  let unsignedApi: TestApi;

  const seals = async (): Promise<StoredSeal[]> => (await store.readStream(roundStream(round.roundId))).filter((e) => e.type === 'RoundSealed').map((e) => e.data as unknown as StoredSeal);
  const download = async (on: TestApi, query = '', token?: string, headers: Record<string, string> = {}) =>
    fetch(`${on.url}/rounds/${round.roundId}/proces-verbaal${query}`, { headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...headers } });

  beforeAll(async () => {
    // A round taken through its phases: imported (planned, submission … counting, each sealed), result published, adoption opened and sealed.
    round = await anAuditedRound(store, 'Netherlands_Amsterdam_643.pb');
    dir = await mkdtemp(join(tmpdir(), 'proces-verbaal-'));
    const p12 = join(dir, 'gemeente.p12');
    await writeFile(p12, municipality.p12);
    api = await startTestApi(store, { env: { RECORD_SIGNING_P12: p12, RECORD_SIGNING_PASSPHRASE: municipality.passphrase } });
    unsignedApi = await startTestApi(store);
  });

  afterAll(async () => {
    await api.close();
    await unsignedApi.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the PDF signed with the municipality\'s key, naming the round\'s latest seal and store-wide head as the store holds them now', async () => {
    const reply = await download(api, '', await api.token('official'));
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/pdf');
    expect(reply.headers.get('content-disposition')).toBe(`attachment; filename="proces-verbaal-${round.roundId}.pdf"`);
    expect(reply.headers.get('content-language')).toBe('nl');
    const pdf = Buffer.from(await reply.arrayBuffer());

    // The verifier `audit verify-pdf` uses: valid, by the municipality's certificate, and the seal it names is the store's latest.
    const report = await verifyRecordPdf(pdf, { fingerprint });
    expect(report).toMatchObject({ ok: true, outcome: 'valid', signer: { subject: 'CN=Gemeente Amsterdam (proces-verbaal), C=NL', fingerprint256: fingerprint } });
    const stored = await seals();
    expect(stored.length).toBeGreaterThanOrEqual(2);
    const latest = stored[stored.length - 1]!;
    expect(report.seal).toEqual({ roundId: round.roundId, digest: latest.digest, head: latest.storeChain?.digest ?? null });

    // Checked against another municipality's certificate it is someone else's signature.
    expect(await verifyRecordPdf(pdf, { fingerprint: certificateFingerprint(throwawaySigningKey('Iemand anders').certificatePem).fingerprint256 })).toMatchObject({ ok: false, outcome: 'other-signer' });
  });

  it('lists every seal of the round in Dutch by default, and the same record in English with lang=en', async () => {
    const token = await api.token('auditor');
    const dutch = await download(api, '?format=markdown', token);
    expect(dutch.status).toBe(200);
    expect(dutch.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(dutch.headers.get('content-disposition')).toBe(`attachment; filename="proces-verbaal-${round.roundId}.md"`);
    const nl = await dutch.text();
    expect(nl).toMatch(/^# Proces-verbaal: /);
    expect(nl).toContain('## 7. Ondertekening');
    expect(nl).toContain(`SHA-256-vingerafdruk ${fingerprint}`);
    // Drawn up by the api, before adoption: provisional.
    expect(nl).toContain(`alleen uit de opslag van gebeurtenissen (GET /rounds/${round.roundId}/proces-verbaal)`);
    expect(nl).toContain('Status: VOORLOPIG. De uitslag is nog niet vastgesteld');
    // Dutch throughout, outside its commands and identifiers (as the CLI's record).
    const prose = nl.replace(/```sh[\s\S]*?```/g, '').replace(/\b[A-Z][A-Za-z]+-[0-9a-f-]+(?:_[0-9a-f]+)?(?:@\d+)?/g, '').replace(/(npm run|GET \/)[^)|\n]*/g, '');
    expect(ENGLISH_IN_DUTCH.filter((english) => new RegExp(`(^|[^\\p{L}])${english}([^\\p{L}]|$)`, 'iu').test(prose))).toEqual([]);
    const stored = await seals();
    for (const seal of stored) {
      expect(nl).toContain(seal.digest);
      expect(nl).toContain(`npm run --silent audit -- verify --round ${round.roundId} --expect-seal ${seal.digest}`);
    }

    // Content negotiation picks Markdown as well; lang=en gives the English record and file name.
    const english = await download(api, '?lang=en', token, { accept: 'text/markdown' });
    expect(english.status).toBe(200);
    expect(english.headers.get('content-language')).toBe('en');
    expect(english.headers.get('content-disposition')).toBe(`attachment; filename="proces-verbaal-${round.roundId}.en.md"`);
    const en = await english.text();
    expect(en).toMatch(/^# Official record \(proces-verbaal\): /);
    expect(en).not.toContain('Ondertekening');
    expect(en).toContain('Status: PROVISIONAL. The result has not been adopted yet');
    for (const seal of stored) expect(en).toContain(seal.digest);

    const englishPdf = await download(api, '?lang=en&format=pdf', token);
    expect(englishPdf.headers.get('content-disposition')).toBe(`attachment; filename="proces-verbaal-${round.roundId}.en.pdf"`);
    expect(await verifyRecordPdf(Buffer.from(await englishPdf.arrayBuffer()), { fingerprint })).toMatchObject({ ok: true, outcome: 'valid' });
  });

  it('draws up the record anew at each request: after adoption it is no longer provisional, and the adoption\'s seal is in the next download', async () => {
    const token = await api.token('administrator');
    await round.command({ type: 'AdoptResult', data: { roundId: round.roundId, decision: null, reason: 'Uitslag vastgesteld' } }, 'Uitslag vastgesteld');
    const digest = await round.seal('implementation');
    const pdf = Buffer.from(await (await download(api, '', token)).arrayBuffer());
    expect((await verifyRecordPdf(pdf, { fingerprint })).seal?.digest).toBe(digest);
    const markdown = await (await download(api, '?format=markdown', token)).text();
    expect(markdown).toContain(digest);
    expect(markdown).not.toContain('VOORLOPIG');
  });

  it('answers 401 without a token, 403 to a reviewer, and 404 for another municipality\'s round exactly as for a round that does not exist', async () => {
    const anonymous = await download(api);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { code: string }).code).toBe('AUTH.UNAUTHENTICATED');

    const reviewer = await download(api, '', await api.token('reviewer'));
    expect(reviewer.status).toBe(403);
    expect(((await reviewer.json()) as { code: string }).code).toBe('AUTH.FORBIDDEN');

    const foreignToken = await api.token('administrator', OTHER_TENANT);
    const foreign = await download(api, '', foreignToken);
    const missing = await fetch(`${api.url}/rounds/no-such-round/proces-verbaal`, { headers: { authorization: `Bearer ${foreignToken}` } });
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(foreign.headers.get('content-type')).toBe(missing.headers.get('content-type'));
    const [foreignBody, missingBody] = [(await foreign.json()) as Record<string, unknown>, (await missing.json()) as Record<string, unknown>];
    expect(foreignBody).toMatchObject({ status: 404, code: 'ROUND.NOT_FOUND' });
    const withoutIds = (body: Record<string, unknown>) => ({ ...body, instance: undefined, detail: String(body.detail).replace(/\S+$/, '') });
    expect(withoutIds(foreignBody)).toEqual(withoutIds(missingBody));
  });

  it('refuses a format or language it does not have with a problem (400), and a path id that is no id', async () => {
    const token = await api.token('administrator');
    for (const query of ['?format=docx', '?lang=de']) {
      const reply = await download(api, query, token);
      expect(reply.status).toBe(400);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
      expect(((await reply.json()) as { code: string }).code).toBe('REQUEST.INVALID');
    }
    const badId = await fetch(`${api.url}/rounds/..%2F..%2Fetc/proces-verbaal`, { headers: { authorization: `Bearer ${token}` } });
    expect(badId.status).toBe(400);
  });

  it('does not start with a key file it cannot use: a wrong passphrase or a missing file is a configuration error that never shows the passphrase', async () => {
    const p12 = join(dir, 'gemeente.p12');
    const wrong = startTestApi(store, { env: { RECORD_SIGNING_P12: p12, RECORD_SIGNING_PASSPHRASE: 'not-the-passphrase' } });
    await expect(wrong).rejects.toBeInstanceOf(ConfigError);
    await expect(wrong).rejects.toThrow(/- RECORD_SIGNING_P12 \/ RECORD_SIGNING_PASSPHRASE: the PKCS#12 file cannot be opened with this passphrase/);
    await expect(wrong).rejects.not.toThrow(/not-the-passphrase/);
    await expect(startTestApi(store, { env: { RECORD_SIGNING_P12: join(dir, 'missing.p12') } })).rejects.toThrow(/RECORD_SIGNING_P12=.*missing\.p12.*: cannot read the file \(ENOENT\)/);
  });

  it('without a key: an unsigned PDF that says so outside production, and 503 PROCES_VERBAAL.SIGNING_KEY_MISSING in production, as audit report refuses', async () => {
    const token = await unsignedApi.token('administrator');
    const unsigned = await download(unsignedApi, '', token);
    expect(unsigned.status).toBe(200);
    expect(await verifyRecordPdf(Buffer.from(await unsigned.arrayBuffer()), { fingerprint })).toMatchObject({ ok: false, outcome: 'not-signed' });
    expect(await (await download(unsignedApi, '?format=markdown', token)).text()).toContain('## 7. Ondertekening');

    const config = unsignedApi.app.get(AppConfig);
    config.NODE_ENV = 'production';
    try {
      for (const query of ['', '?format=markdown']) {
        const refused = await download(unsignedApi, query, token);
        expect(refused.status).toBe(503);
        expect((await refused.json()) as Record<string, unknown>).toMatchObject({ status: 503, code: 'PROCES_VERBAAL.SIGNING_KEY_MISSING' });
      }
    } finally {
      config.NODE_ENV = 'test';
    }
  });
});
