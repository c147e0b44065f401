// Rounding for display: half away from zero, as a person rounds a decimal by hand (10 → 10.15 is +0.2).
// Binary floating point stores 0.15 as 0.1499…, and 10.15 − 10 as 0.1500…036, so neither Math.round nor
// toFixed rounds them as written. The value is first read back as the decimal it stands for (15
// significant digits: the precision a double always keeps, IEEE 754-2008 §5.12.2), then rounded.

/** Reads a double back as the 15-significant-digit decimal it stands for (0.1500000000000004 → 0.15). */
function asWritten(x: number): number {
  return Number(x.toPrecision(15));
}

/** x rounded to `decimals` places, halves away from zero: 0.05 → 0.1, −0.05 → −0.1, 1.45 → 1.5. */
export function roundHalfAwayFromZero(x: number, decimals = 0): number {
  if (!Number.isFinite(x)) return x;
  const scale = 10 ** decimals;
  const scaled = asWritten(Math.abs(asWritten(x)) * scale);
  const rounded = Math.floor(scaled + 0.5) / scale;
  return rounded === 0 ? 0 : Math.sign(x) * rounded;
}

/** "10.2", "−0.1": fixed decimals, halves away from zero, a true minus sign, never "−0.0". */
export function formatFixed(x: number, decimals = 1): string {
  const r = roundHalfAwayFromZero(x, decimals);
  const text = Math.abs(r).toFixed(decimals);
  return r < 0 ? `−${text}` : text;
}

/** "+0.2", "−2.0", "0.0": a change as people read it, one decimal by default. */
export function formatSigned(x: number, decimals = 1): string {
  const r = roundHalfAwayFromZero(x, decimals);
  const text = Math.abs(r).toFixed(decimals);
  if (r === 0) return text;
  return `${r < 0 ? "−" : "+"}${text}`;
}
