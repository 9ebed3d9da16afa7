// Display formats: amounts as `¥1,234.56` from the API's decimal strings (no
// floating point on the way), dates as `2026-11-28`, times in the user's zone.

const SYMBOLS = { CNY: '¥', USD: '$', HKD: 'HK$', EUR: '€' };

export function money(amount, currency = 'CNY') {
  if (amount === null || amount === undefined || amount === '') return '—';
  const text = String(amount);
  const negative = text.startsWith('-');
  const [whole, fraction] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const symbol = SYMBOLS[currency] ?? `${currency} `;
  return `${negative ? '-' : ''}${symbol}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}

const pad = (n) => String(n).padStart(2, '0');

// An RFC 3339 instant as local date and time: 2026-11-28 10:00.
export function dateTime(instant) {
  if (!instant) return '—';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

// A local time of day (10:00), or the date and time when not today.
export function timeOfDay(instant, today) {
  const text = dateTime(instant);
  return text.startsWith(today) ? text.slice(11) : text;
}

export function localDate(d = new Date()) {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// The sum of decimal amounts ("12.30", "0.05") as a decimal string, in integer
// minor units on the way: never a floating-point sum of money.
export function sumAmounts(...amounts) {
  let scale = 0;
  for (const a of amounts) scale = Math.max(scale, (String(a ?? '0').split('.')[1] || '').length);
  let total = 0n;
  for (const a of amounts) {
    const text = String(a ?? '0');
    const negative = text.startsWith('-');
    const [whole, fraction = ''] = (negative ? text.slice(1) : text).split('.');
    const minor = BigInt(whole || '0') * 10n ** BigInt(scale) + BigInt(fraction.padEnd(scale, '0') || '0');
    total += negative ? -minor : minor;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const whole = scale ? digits.slice(0, -scale) : digits;
  return `${negative ? '-' : ''}${whole}${scale ? `.${digits.slice(-scale)}` : ''}`;
}
