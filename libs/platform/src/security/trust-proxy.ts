/** `TRUST_PROXY` as Express's `trust proxy` setting: `false`, a hop count, or a list of addresses/CIDRs (`loopback` included). */
export function trustProxySetting(value: string): boolean | number | string[] {
  const trimmed = value.trim();
  if (trimmed === 'false' || trimmed === '') return false;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return trimmed.split(',').map((part) => part.trim()).filter(Boolean);
}
