/** Only http(s) URLs become links; anything else (javascript:, data:, relative junk) is shown as text. */
export function safeHttpUrl(value: string | undefined, base?: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
