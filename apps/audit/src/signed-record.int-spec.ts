import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { certificateFingerprint, recordSigner, type RecordSigner } from '@lib/audit';
import { throwawaySigningKey } from '../../../libs/audit/src/testing/signing-key.js';
import { closeSharedPglite, openTestSqlStore, type TestSqlStore } from '../../../test/support/sql-store.js';
import { anAuditedRound, audit, type AuditedRound } from './testing/audited-round.js';

const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => spawnSync(p, ['-v']).status === 0);

describe('the signed PDF proces-verbaal and audit verify-pdf', () => {
  let db: TestSqlStore;
  let round: AuditedRound;
  let dir: string;
  let signer: RecordSigner;
  let certificate: string;
  let otherCertificate: string;
  const municipality = throwawaySigningKey('Gemeente Amsterdam (proces-verbaal)');
  const fingerprint = certificateFingerprint(municipality.certificatePem).fingerprint256;

  beforeAll(async () => {
    db = await openTestSqlStore();
    round = await anAuditedRound(db.store, 'Netherlands_Amsterdam_643.pb');
    dir = await mkdtemp(join(tmpdir(), 'audit-signed-'));
    signer = await recordSigner(municipality.p12, municipality.passphrase);
    certificate = join(dir, 'gemeente.pem');
    otherCertificate = join(dir, 'iemand-anders.pem');
    await writeFile(certificate, municipality.certificatePem);
    await writeFile(otherCertificate, throwawaySigningKey('Iemand anders').certificatePem);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await db.cleanup();
    await closeSharedPglite();
  });

  it('signs the PDF with the configured key, says so in the record with the fingerprint, and verify-pdf finds it valid', async () => {
    const { code, out } = await audit(db.store, ['report', '--round', round.roundId, '--out', dir, '--json'], { signer });
    expect(code).toBe(0);
    const written = JSON.parse(out) as { pdf: string; markdown: string; signed: { subject: string; fingerprint256: string } };
    expect(written.signed).toEqual({ subject: 'CN=Gemeente Amsterdam (proces-verbaal), C=NL', fingerprint256: fingerprint });
    const markdown = await readFile(written.markdown, 'utf8');
    expect(markdown).toContain('## 7. Ondertekening');
    expect(markdown).toContain(`met het certificaat CN=Gemeente Amsterdam (proces-verbaal), C=NL, SHA-256-vingerafdruk ${fingerprint}`);
    expect(markdown).toContain(`npm run --silent audit -- verify-pdf proces-verbaal-${round.roundId}.pdf --certificate gemeente.pem`);
    if (pdftotext) expect(spawnSync(pdftotext, [written.pdf, '-'], { encoding: 'utf8' }).stdout).toContain('Ondertekening');

    // verify-pdf reads no event store: the council member has the file and the municipality's certificate only.
    const valid = await audit(null, ['verify-pdf', written.pdf, '--certificate', certificate]);
    expect(valid.code).toBe(0);
    expect(valid.out).toMatch(new RegExp(`^VALID: .*proces-verbaal-${round.roundId}\\.pdf is signed by CN=Gemeente Amsterdam \\(proces-verbaal\\), C=NL \\(SHA-256 ${fingerprint}\\), signed at 2026-06-01T12:00:00.000Z`));
    const byFingerprint = JSON.parse((await audit(null, ['verify-pdf', written.pdf, '--fingerprint', fingerprint.replaceAll(':', '').toLowerCase(), '--json'])).out) as { ok: boolean; outcome: string };
    expect(byFingerprint).toMatchObject({ ok: true, outcome: 'valid' });
  });

  it('reports a signed record changed afterwards as altered, and one checked against another certificate as signed by another key (exit 1)', async () => {
    const { out } = await audit(db.store, ['report', '--round', round.roundId, '--out', dir, '--json'], { signer });
    const pdf = await readFile((JSON.parse(out) as { pdf: string }).pdf);
    // One character of the (uncompressed) document information changed, as an editor that keeps the signature would.
    const title = pdf.indexOf('Proces-verbaal');
    expect(title).toBeGreaterThan(0);
    const altered = Buffer.from(pdf);
    altered.write('Proces-verbaaL', title, 'latin1');
    const alteredFile = join(dir, 'gewijzigd.pdf');
    await writeFile(alteredFile, altered);
    const result = await audit(null, ['verify-pdf', alteredFile, '--certificate', certificate]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^ALTERED: .*gewijzigd\.pdf: the file's signed bytes have sha256 [0-9a-f]{64}, but the signature was made over [0-9a-f]{64}: the file was changed after signing/);

    const other = await audit(null, ['verify-pdf', (JSON.parse(out) as { pdf: string }).pdf, '--certificate', otherCertificate, '--json']);
    expect(other.code).toBe(1);
    expect(JSON.parse(other.out)).toMatchObject({ ok: false, outcome: 'other-signer', signer: { fingerprint256: fingerprint } });
  });

  it('writes the PDF unsigned without a key and says so; verify-pdf reports it not signed; with NODE_ENV=production the report is refused', async () => {
    const unsignedDir = join(dir, 'unsigned');
    const { code, out } = await audit(db.store, ['report', '--round', round.roundId, '--out', unsignedDir]);
    expect(code).toBe(0);
    expect(out).toContain('(NOT signed: no RECORD_SIGNING_P12)');
    const markdown = await readFile(join(unsignedDir, `proces-verbaal-${round.roundId}.md`), 'utf8');
    expect(markdown).toContain('Dit proces-verbaal is NIET elektronisch ondertekend: er is geen sleutel van de gemeente ingesteld (RECORD_SIGNING_P12).');
    const unsigned = await audit(null, ['verify-pdf', join(unsignedDir, `proces-verbaal-${round.roundId}.pdf`), '--certificate', certificate]);
    expect(unsigned.code).toBe(1);
    expect(unsigned.out).toContain('NOT SIGNED: ');

    const refusedDir = join(dir, 'refused');
    const refused = await audit(db.store, ['report', '--round', round.roundId, '--out', refusedDir], { refuseUnsigned: true });
    expect(refused.code).toBe(78);
    expect(refused.err).toContain('RECORD_SIGNING_P12: required for report when NODE_ENV=production');
    await expect(readFile(join(refusedDir, `proces-verbaal-${round.roundId}.pdf`))).rejects.toThrow(/ENOENT/);
  });

  it('with --round also checks the seal the signed record names against the store: holds, another round, a store changed since', async () => {
    const sealed = await anAuditedRound(db.store, 'Netherlands_Amsterdam_643.pb');
    const { out } = await audit(db.store, ['report', '--round', sealed.roundId, '--out', dir, '--json'], { signer });
    const pdf = (JSON.parse(out) as { pdf: string }).pdf;
    const latest = JSON.parse((await audit(db.store, ['seal', '--round', sealed.roundId, '--json'])).out) as { digest: string };
    const holds = await audit(db.store, ['verify-pdf', pdf, '--certificate', certificate, '--round', sealed.roundId, '--json']);
    expect(holds.code).toBe(0);
    expect(JSON.parse(holds.out)).toMatchObject({ ok: true, outcome: 'valid', seal: { roundId: sealed.roundId, digest: latest.digest }, storeCheck: { ok: true, expectedSeal: { ok: true, latest: true } } });
    expect((await audit(db.store, ['verify-pdf', pdf, '--certificate', certificate, '--round', sealed.roundId])).out).toContain(`SEAL OK: the published digest ${latest.digest} is the round's latest seal`);

    const elsewhere = await audit(db.store, ['verify-pdf', pdf, '--certificate', certificate, '--round', round.roundId]);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.out).toContain(`SEAL DIFFERS: the record is about round ${sealed.roundId}, not ${round.roundId}`);

    // The administrator changes the published result in the store after the record was signed.
    await db.sql.query(`UPDATE ${db.schema}."events" SET data = jsonb_set(data, '{totalCents}', '1') WHERE stream_id = $1 AND event_type = 'ResultPublished'`, [`Round-${sealed.roundId}`]);
    const changed = await audit(db.store, ['verify-pdf', pdf, '--certificate', certificate, '--round', sealed.roundId]);
    expect(changed.code).toBe(1);
    expect(changed.out).toMatch(/^VALID: /);
    // The seal's digest still stands on the stored hashes; the changed event no longer fits its hash.
    expect(changed.out).toMatch(new RegExp(`^BROKEN: Round-${sealed.roundId} revision \\d+ \\(event \\S+\\): hash-mismatch`, 'm'));
    expect(changed.out).toContain(`FAILED: round ${sealed.roundId}: `);
  });

  it('answers verify-pdf without a file or a certificate with a usage error (64), and a file that is not there with 2', async () => {
    expect((await audit(null, ['verify-pdf', '--certificate', certificate])).code).toBe(64);
    expect((await audit(null, ['verify-pdf', join(dir, 'x.pdf')])).code).toBe(64);
    expect((await audit(null, ['verify-pdf', join(dir, 'x.pdf'), '--certificate', certificate, '--fingerprint', fingerprint])).code).toBe(64);
    expect((await audit(null, ['verify-pdf', join(dir, 'x.pdf'), '--fingerprint', 'abc'])).code).toBe(64);
    expect((await audit(null, ['verify-pdf', join(dir, 'x.pdf'), '--certificate', certificate])).code).toBe(2);
  });
});
