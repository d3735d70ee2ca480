/** Masking of personal data (complainant name, phone, address) for every place many people can read. */

/**
 * 13812345678 → 138****5678 (numbers of 11 digits or more: first 3 and last 4 visible, at least 4 hidden);
 * shorter numbers (landlines, extensions) keep only their last 2 digits. Separators are dropped.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^0-9+]/g, '');
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return digits.length > 2 ? `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}` : '**';
}

/** 张三丰 → 张**; a single character name becomes *. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** Keeps the first part of an address (district/street), hides the rest. */
export function maskAddress(address: string): string {
  const chars = Array.from(address);
  const keep = Math.min(6, Math.floor(chars.length / 2));
  return `${chars.slice(0, keep).join('')}****`;
}

/**
 * Phone numbers inside free text (a description, a note: "请拨打 138-1234-5678 联系我"): runs of 7 to 20 digits,
 * optionally with spaces, dashes or a leading +, each masked like maskPhone. Shorter numbers (house numbers,
 * amounts) and dates written 2026-11-24 are left alone.
 */
const PHONE_IN_TEXT = /\+?\d(?:[ -]?\d){6,19}/g;
const DATE = /^\d{4}-\d{1,2}-\d{1,2}$/;
export function maskPhonesInText(text: string): string {
  return text.replace(PHONE_IN_TEXT, (m) => (DATE.test(m) ? m : maskPhone(m)));
}

/** Coordinates to about a kilometre (2 decimals): enough to see the area, not the door. */
export function coarseCoordinate(value: number): number {
  return Math.round(value * 100) / 100;
}
