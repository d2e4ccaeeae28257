/**
 * Hex SHA-256 of some bytes, or undefined where the browser offers no digest: crypto.subtle
 * exists only in secure contexts (https, localhost).
 */
export async function sha256Hex(bytes: BufferSource): Promise<string | undefined> {
  if (!globalThis.crypto?.subtle) return undefined;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
