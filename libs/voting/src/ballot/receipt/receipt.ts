import { createHash, randomBytes } from 'node:crypto';

/** A receipt is 32 random bytes in base64url (256 bits): unguessable, and unrelated to the voting code. */
export const RECEIPT_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** What a ballot event stores of a receipt: its SHA-256, so the event alone never gives the receipt back. */
export function receiptDigestOf(receipt: string): string {
  return createHash('sha256').update(`receipt\0${receipt}`).digest('hex');
}

/** A new receipt and its digest; the receipt is shown to the voter once and kept nowhere. */
export function newReceipt(): { receipt: string; digest: string } {
  const receipt = randomBytes(32).toString('base64url');
  return { receipt, digest: receiptDigestOf(receipt) };
}
