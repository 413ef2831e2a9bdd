import { describe, expect, it } from '@jest/globals';
import { certificateFingerprint, recordSigner, RecordSigningKeyError, verifyRecordPdf } from './record-signature.js';
import { throwawaySigningKey } from './testing/signing-key.js';

/** A small PDF as pdfkit writes the record: its title in the (uncompressed) info dictionary. */
async function aPdf(title: string): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text(`Proces-verbaal ${title}`);
  doc.end();
  return done;
}

describe('the signature on the PDF proces-verbaal', () => {
  const municipality = throwawaySigningKey('Gemeente Testdorp');
  const someoneElse = throwawaySigningKey('Iemand anders');
  const fingerprint = certificateFingerprint(municipality.certificatePem).fingerprint256;
  const at = new Date('2026-06-10T10:00:00.000Z');

  const signed = async () => {
    const signer = await recordSigner(municipality.p12, municipality.passphrase);
    return signer.sign(await aPdf('Ronde r-1'), { at, reason: 'Proces-verbaal ronde r-1' });
  };

  it('is valid for the municipality\'s certificate, names the signer and covers the whole file but the signature', async () => {
    const pdf = await signed();
    const report = await verifyRecordPdf(pdf, { fingerprint });
    expect(report).toMatchObject({ ok: true, outcome: 'valid', signingTime: at.toISOString(), signer: { subject: 'CN=Gemeente Testdorp, C=NL', fingerprint256: fingerprint } });
    const [start, first, second, length] = report.byteRange!;
    expect(start).toBe(0);
    expect(second + length).toBe(pdf.length);
    expect(pdf.subarray(first, second).toString('latin1')).toMatch(/^<[0-9a-f]+>$/i);
    expect(report.digest).toMatchObject({ algorithm: 'sha256', signed: report.digest!.computed });
    // The fingerprint as openssl prints it, or in lower case without colons: the same check.
    expect((await verifyRecordPdf(pdf, { fingerprint: fingerprint.replaceAll(':', '').toLowerCase() })).outcome).toBe('valid');
  });

  it('is altered when one signed byte changed after signing', async () => {
    const pdf = await signed();
    const at = pdf.indexOf('Ronde r-1');
    expect(at).toBeGreaterThan(0);
    pdf.write('Ronde r-2', at, 'latin1');
    const report = await verifyRecordPdf(pdf, { fingerprint });
    expect(report).toMatchObject({ ok: false, outcome: 'altered' });
    expect(report.digest!.computed).not.toBe(report.digest!.signed);
    expect(report.problem).toContain('changed after signing');
  });

  it('is altered when something was added after signing (an incremental update the signature does not cover)', async () => {
    const pdf = Buffer.concat([await signed(), Buffer.from('\n1 0 obj\n<< /Title (Ronde r-2) >>\nendobj\n%%EOF\n', 'latin1')]);
    const report = await verifyRecordPdf(pdf, { fingerprint });
    expect(report).toMatchObject({ ok: false, outcome: 'altered' });
    expect(report.problem).toContain('added or cut after signing');
  });

  it('is altered when the signature itself was damaged', async () => {
    const pdf = await signed();
    const [, first] = (await verifyRecordPdf(pdf, { fingerprint })).byteRange!;
    // A byte near the end of the DER: inside the signature value, past the signed digest.
    const hex = pdf.subarray(first + 1).toString('latin1');
    const end = first + 1 + hex.search(/(00)*>/) - 10;
    pdf.write(pdf[end] === 0x30 ? '1' : '0', end, 'latin1');
    expect(await verifyRecordPdf(pdf, { fingerprint })).toMatchObject({ ok: false, outcome: 'altered' });
  });

  it('is signed by another key when the certificate given is not the signer\'s', async () => {
    const report = await verifyRecordPdf(await signed(), { fingerprint: certificateFingerprint(someoneElse.certificatePem).fingerprint256 });
    expect(report).toMatchObject({ ok: false, outcome: 'other-signer', signer: { subject: 'CN=Gemeente Testdorp, C=NL' } });
  });

  it('is not signed when the file carries no signature', async () => {
    expect(await verifyRecordPdf(await aPdf('Ronde r-1'), { fingerprint })).toMatchObject({ ok: false, outcome: 'not-signed', byteRange: null, signer: null });
  });

  it('refuses a key file it cannot open with the passphrase given, without showing the passphrase', async () => {
    await expect(recordSigner(municipality.p12, 'wrong-passphrase')).rejects.toThrow(RecordSigningKeyError);
    await expect(recordSigner(municipality.p12, 'wrong-passphrase')).rejects.not.toThrow(/wrong-passphrase/);
  });
});
