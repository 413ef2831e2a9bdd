import { createHmac, randomInt } from 'node:crypto';

/** Codes as people type them: case and separators do not matter. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** What a voting code looks like once normalised (a municipality's own codes included). */
export const CODE_PATTERN = /^[A-Z0-9]{8,64}$/;

function hmac(key: Buffer, label: string, value: string): string {
  return createHmac('sha256', key).update(label).update('\0').update(value).digest('hex');
}

/** The participant pseudonym of a voting code: HMAC-SHA256 under the round key. Without the key, no one can compute or reverse it. */
export function participantRefOf(key: Buffer, code: string): string {
  return hmac(key, 'participant', normaliseCode(code));
}

/**
 * The participant pseudonym of a resident signed in by OIDC: HMAC-SHA256 under the round key of
 * their resident pseudonym. Round-scoped (another round gives another one), and once the round key
 * is destroyed no one can tell which resident it was.
 */
export function residentParticipantRefOf(key: Buffer, residentPseudonym: string): string {
  return hmac(key, 'resident', residentPseudonym);
}

/** The ballot pseudonym of a participant (by root, so a re-issued code leads to the same ballot). A second HMAC, so the two streams cannot be linked without the key. */
export function ballotRefOf(key: Buffer, rootRef: string): string {
  return hmac(key, 'ballot', rootRef);
}

/** No 0/O, 1/I/L or U/V look-alikes: what a resident reads off a letter, they can type. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789';
const CODE_LENGTH = 16;

/** A fresh voting code: 16 symbols of 29 (≈ 77 bits), shown as four groups of four. */
export function generateCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code.match(/.{4}/g)!.join('-');
}
