import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import type { asn1 as Asn1Module, pki } from 'node-forge';

/**
 * The municipality's signature on the PDF proces-verbaal: a detached PKCS#7 (CMS) signature over the
 * file's ByteRange (everything but the signature itself), as PAdES and every PDF reader expect it.
 * Signing goes through `@signpdf/*` with the municipality's PKCS#12 key; checking needs nothing but
 * the file and the municipality's certificate (or its SHA-256 fingerprint), and is done here with
 * Node's own crypto, so `audit verify-pdf` does not rely on the library that signed.
 */

/** The certificate a record is signed with, as the record names it. */
export interface SigningCertificate {
  /** The subject's distinguished name, one attribute a line as Node prints it, joined with ", ". */
  subject: string;
  /** SHA-256 over the certificate's DER, as colon-separated upper-case hex (as `openssl x509 -fingerprint -sha256` prints it). */
  fingerprint256: string;
  validFrom: string;
  validTo: string;
}

/** Signs PDF records with one key. */
export interface RecordSigner {
  certificate: SigningCertificate;
  /** The PDF with a signature placeholder added and filled: a detached PKCS#7 signature over its ByteRange. */
  sign(pdf: Buffer, options: { at: Date; reason: string; location?: string }): Promise<Buffer>;
}

/** The key file cannot be used: wrong passphrase, no private key, or no certificate that matches it. */
export class RecordSigningKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordSigningKeyError';
  }
}

const certificateOf = (cert: X509Certificate): SigningCertificate => ({
  subject: cert.subject.split('\n').join(', '),
  fingerprint256: cert.fingerprint256,
  validFrom: new Date(cert.validFrom).toISOString(),
  validTo: new Date(cert.validTo).toISOString(),
});

/**
 * A signer for the municipality's PKCS#12 file (`.p12`/`.pfx`: private key and certificate). Opens the
 * file once, to name its certificate and to fail early on a wrong passphrase; the signing libraries
 * are loaded on the first signature only (the api opens the key at start and signs on download).
 */
export async function recordSigner(p12: Buffer, passphrase: string): Promise<RecordSigner> {
  const { default: forge } = await import('node-forge');
  let certificate: X509Certificate | undefined;
  try {
    const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))), false, passphrase);
    const key = parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]?.[0]?.key as pki.rsa.PrivateKey | undefined;
    if (!key) throw new RecordSigningKeyError('the PKCS#12 file holds no (shrouded) private key');
    for (const bag of parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? []) {
      const publicKey = bag.cert?.publicKey as pki.rsa.PublicKey | undefined;
      if (bag.cert && publicKey && key.n.compareTo(publicKey.n) === 0 && key.e.compareTo(publicKey.e) === 0) {
        certificate = new X509Certificate(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(bag.cert)).getBytes(), 'binary'));
      }
    }
  } catch (error) {
    if (error instanceof RecordSigningKeyError) throw error;
    throw new RecordSigningKeyError(`the PKCS#12 file cannot be opened with this passphrase (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!certificate) throw new RecordSigningKeyError('the PKCS#12 file holds no certificate that matches its private key');
  const named = certificateOf(certificate);
  return {
    certificate: named,
    async sign(pdf, { at, reason, location }) {
      const [{ SignPdf }, { P12Signer }, { plainAddPlaceholder }] = await Promise.all([import('@signpdf/signpdf'), import('@signpdf/signer-p12'), import('@signpdf/placeholder-plain')]);
      const placeheld = plainAddPlaceholder({ pdfBuffer: pdf, reason, contactInfo: '', name: named.subject, location: location ?? '', signingTime: at });
      return new SignPdf().sign(placeheld, new P12Signer(p12, { passphrase }), at);
    },
  };
}

/** The outcome of checking a record's signature, and the exit code `audit verify-pdf` gives it. */
export type RecordSignatureOutcome = 'valid' | 'altered' | 'other-signer' | 'not-signed';

export interface RecordSignatureReport {
  ok: boolean;
  outcome: RecordSignatureOutcome;
  /** What is wrong, in a sentence (absent when valid). */
  problem?: string;
  /** The four numbers of the signature's /ByteRange; null when the file carries no signature. */
  byteRange: [number, number, number, number] | null;
  /** The certificate that made the signature, when it could be read from it. */
  signer: SigningCertificate | null;
  /** The SHA-256 fingerprint checked against (of the certificate given, or as given). */
  expectedFingerprint: string;
  /** The signing time the signature states (signed attribute), if any. */
  signingTime: string | null;
  /** Digest of the signed bytes, and the digest the signature holds (its messageDigest attribute). */
  digest: { algorithm: string; computed: string; signed: string | null } | null;
  /** The round and latest seal the record names in its (signed) document information; null when it names none or the file is not signed. */
  seal: RecordSeal | null;
}

/** The round's latest seal as a proces-verbaal names it (`audit report` writes it into the PDF's Keywords). */
export interface RecordSeal {
  roundId: string;
  digest: string;
  head: string | null;
}

/** The seal named in the signed bytes only (a Keywords string added after signing is not the record's). */
function recordSealOf(pdf: Buffer, byteRange: [number, number, number, number]): RecordSeal | null {
  const [start, first, second, length] = byteRange;
  const signed = Buffer.concat([pdf.subarray(start, start + first), pdf.subarray(second, second + length)]).toString('latin1');
  const found = /\(inwonersbudget round:(\S+) seal:([0-9a-f]{64})(?: head:([0-9a-f]{64}))?\)/.exec(signed);
  return found ? { roundId: found[1]!, digest: found[2]!, head: found[3] ?? null } : null;
}

/** `AB:CD:…` (upper case, colons) from a fingerprint written with or without colons, in either case. */
export function normaliseFingerprint(fingerprint: string): string {
  const hex = fingerprint.replace(/^sha-?256[:=\s]*/i, '').replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) throw new RangeError(`not a SHA-256 fingerprint (64 hex digits, colons allowed): ${fingerprint}`);
  return hex.match(/../g)!.join(':');
}

/** The SHA-256 fingerprint of a PEM certificate. */
export function certificateFingerprint(pem: string | Buffer): SigningCertificate {
  return certificateOf(new X509Certificate(pem));
}

const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.3.14.3.2.26': 'sha1',
};
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const SIGNING_TIME = '1.2.840.113549.1.9.5';
const SIGNED_DATA = '1.2.840.113549.1.7.2';

/** The last signature dictionary's /ByteRange and the DER in its /Contents, or null when the file has none. */
function signatureOf(pdf: Buffer): { byteRange: [number, number, number, number]; der: Buffer } | { byteRange: [number, number, number, number]; der: null } | null {
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges[ranges.length - 1];
  if (!last) return null;
  const byteRange = [Number(last[1]), Number(last[2]), Number(last[3]), Number(last[4])] as [number, number, number, number];
  const contents = text.slice(byteRange[1], byteRange[2]);
  const hex = /^<([0-9A-Fa-f]*)>$/.exec(contents)?.[1];
  if (hex === undefined || /^0*$/.test(hex)) return { byteRange, der: null };
  // The zeros that pad the placeholder stay: the DER's own length says where it ends (a signature may end in a zero byte).
  return { byteRange, der: Buffer.from(hex, 'hex') };
}

/**
 * Checks the signature of a PDF record: that it covers the whole file but itself (ByteRange), that the
 * digest it signed is the digest of those bytes, that the signature over its signed attributes
 * verifies with the certificate it carries, and that this certificate is the one expected (by its
 * SHA-256 fingerprint). The first that fails decides the outcome: `not-signed`, `altered` (a byte
 * changed, added or cut after signing, or the signature itself damaged), `other-signer`.
 */
export async function verifyRecordPdf(pdf: Buffer, expected: { fingerprint: string }): Promise<RecordSignatureReport> {
  const expectedFingerprint = normaliseFingerprint(expected.fingerprint);
  const base = { expectedFingerprint, signer: null, signingTime: null, digest: null, seal: null };
  const found = signatureOf(pdf);
  if (!found) return { ...base, ok: false, outcome: 'not-signed', problem: 'the file carries no signature (no /ByteRange)', byteRange: null };
  const { byteRange, der } = found;
  if (!der) return { ...base, ok: false, outcome: 'not-signed', problem: 'the signature field is empty (a placeholder, never signed)', byteRange };
  const [start, firstLength, second, secondLength] = byteRange;
  if (start !== 0 || second < firstLength || second + secondLength !== pdf.length) {
    return { ...base, ok: false, outcome: 'altered', problem: `the signature covers bytes 0 to ${firstLength} and ${second} to ${second + secondLength}, but the file has ${pdf.length} bytes: something was added or cut after signing`, byteRange };
  }

  const { default: forge } = await import('node-forge');
  let parsed: { digestOid: string; signedAttributes: Buffer; signature: Buffer; messageDigest: Buffer | null; signingTime: string | null; certificates: Buffer[] };
  try {
    parsed = parseSignedData(forge, der);
  } catch (error) {
    return { ...base, ok: false, outcome: 'altered', problem: `the signature cannot be read: ${error instanceof Error ? error.message : String(error)}`, byteRange };
  }
  const algorithm = DIGESTS[parsed.digestOid];
  if (!algorithm) return { ...base, ok: false, outcome: 'altered', problem: `the signature uses an unknown digest algorithm ${parsed.digestOid}`, byteRange };
  const computed = createHash(algorithm).update(pdf.subarray(0, firstLength)).update(pdf.subarray(second, second + secondLength)).digest('hex');
  const digest = { algorithm, computed, signed: parsed.messageDigest?.toString('hex') ?? null };
  const signingTime = parsed.signingTime;

  // The certificate whose key verifies the signature over the signed attributes is the signer.
  let signer: X509Certificate | null = null;
  for (const certDer of parsed.certificates) {
    const cert = new X509Certificate(certDer);
    try {
      if (verifySignature(algorithm, parsed.signedAttributes, cert.publicKey, parsed.signature)) {
        signer = cert;
        break;
      }
    } catch {
      // A certificate whose key does not fit the signature's algorithm is not the signer.
    }
  }
  const named = signer ? certificateOf(signer) : null;
  const report = { expectedFingerprint, signingTime, digest, byteRange, signer: named, seal: recordSealOf(pdf, byteRange) };
  if (digest.signed !== computed) return { ...report, ok: false, outcome: 'altered', problem: `the file's signed bytes have ${algorithm} ${computed}, but the signature was made over ${digest.signed ?? '(no digest)'}: the file was changed after signing` };
  if (!named) return { ...report, ok: false, outcome: 'altered', problem: 'the signature does not verify with any certificate it carries: the signature was changed or damaged' };
  if (named.fingerprint256 !== expectedFingerprint) {
    return { ...report, ok: false, outcome: 'other-signer', problem: `signed by another certificate (${named.subject}, SHA-256 ${named.fingerprint256}), not by the one expected (${expectedFingerprint})` };
  }
  return { ...report, ok: true, outcome: 'valid' };
}

type Forge = typeof import('node-forge');
type Asn1 = Asn1Module.Asn1;

/** The parts of a CMS SignedData (RFC 5652) a check needs: its first signer's digest, signed attributes and signature, and the certificates. */
function parseSignedData(forge: Forge, der: Buffer) {
  const { asn1 } = forge;
  // Options the typings do not know: the signature's DER is padded with zeros, and re-encoding must give back the certificates' own bytes.
  const fromDer = asn1.fromDer as unknown as (bytes: ReturnType<typeof forge.util.createBuffer>, options: { parseAllBytes: boolean; decodeBitStrings: boolean }) => Asn1;
  const root = fromDer(forge.util.createBuffer(der.toString('binary')), { parseAllBytes: false, decodeBitStrings: false });
  const children = (node: Asn1, what: string): Asn1[] => {
    if (!Array.isArray(node.value)) throw new Error(`${what} is not a structure`);
    return node.value;
  };
  const [contentType, wrapped] = children(root, 'ContentInfo');
  if (!contentType || asn1.derToOid(contentType.value as string) !== SIGNED_DATA) throw new Error('not a PKCS#7 SignedData');
  const signedData = children(children(wrapped!, 'content')[0]!, 'SignedData');
  const certificates = signedData.filter((n) => n.tagClass === asn1.Class.CONTEXT_SPECIFIC && n.type === 0).flatMap((n) => children(n, 'certificates'));
  const signerInfos = signedData[signedData.length - 1]!;
  const signerInfo = children(children(signerInfos, 'SignerInfos')[0] ?? ({} as Asn1), 'SignerInfo');
  const digestOid = asn1.derToOid(children(signerInfo[2]!, 'digestAlgorithm')[0]!.value as string);
  const attributes = signerInfo[3]!;
  if (attributes.tagClass !== asn1.Class.CONTEXT_SPECIFIC || attributes.type !== 0) throw new Error('the signature has no signed attributes');
  // Signed as a SET (RFC 5652 5.4): the [0] IMPLICIT tag re-encoded as SET OF.
  const signedAttributes = Buffer.from(asn1.toDer(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, children(attributes, 'signedAttrs'))).getBytes(), 'binary');
  let messageDigest: Buffer | null = null;
  let signingTime: string | null = null;
  for (const attribute of children(attributes, 'signedAttrs')) {
    const [oid, values] = children(attribute, 'Attribute');
    const value = children(values!, 'AttributeValues')[0];
    const type = asn1.derToOid(oid!.value as string);
    if (type === MESSAGE_DIGEST && value) messageDigest = Buffer.from(value.value as string, 'binary');
    if (type === SIGNING_TIME && value) signingTime = (value.type === asn1.Type.UTCTIME ? asn1.utcTimeToDate(value.value as string) : asn1.generalizedTimeToDate(value.value as string)).toISOString();
  }
  const signature = Buffer.from(signerInfo[5]!.value as string, 'binary');
  return { digestOid, signedAttributes, signature, messageDigest, signingTime, certificates: certificates.map((c) => Buffer.from(asn1.toDer(c).getBytes(), 'binary')) };
}
