import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

/** A key and self-signed certificate made for one test run, as a municipality's PKCS#12 file and the PEM it publishes. Never stored. */
export interface ThrowawaySigningKey {
  p12: Buffer;
  passphrase: string;
  certificatePem: string;
}

/** Makes an RSA key (Node's generator: forge's own is slow) and a self-signed certificate for `commonName`, valid a day. */
export function throwawaySigningKey(commonName = 'Gemeente Testdorp', passphrase = 'test-passphrase'): ThrowawaySigningKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(8))}`;
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  const name = [
    { name: 'commonName', value: commonName },
    { name: 'countryName', value: 'NL' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, { algorithm: '3des' });
  return { p12: Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'), passphrase, certificatePem: forge.pki.certificateToPem(cert) };
}
