import { readFile } from 'node:fs/promises';
import { type AppConfig, ConfigError } from '@lib/platform';
import { recordSigner, RecordSigningKeyError, type RecordSigner } from '@lib/audit';

/**
 * The municipality's key for the PDF record, from RECORD_SIGNING_P12 (a PKCS#12 file) and its
 * passphrase; null when not configured. `audit report` and the api's proces-verbaal endpoint both
 * open it here, so a key file that cannot be used is the same configuration error in both.
 */
export async function signerOf(config: AppConfig): Promise<RecordSigner | null> {
  if (!config.RECORD_SIGNING_P12) return null;
  let p12: Buffer;
  try {
    p12 = await readFile(config.RECORD_SIGNING_P12);
  } catch (error) {
    throw new ConfigError([`RECORD_SIGNING_P12=${JSON.stringify(config.RECORD_SIGNING_P12)}: cannot read the file (${(error as { code?: string }).code ?? String(error)})`]);
  }
  try {
    return await recordSigner(p12, config.RECORD_SIGNING_PASSPHRASE ?? '');
  } catch (error) {
    if (error instanceof RecordSigningKeyError) throw new ConfigError([`RECORD_SIGNING_P12 / RECORD_SIGNING_PASSPHRASE: ${error.message}`]);
    throw error;
  }
}
