/**
 * SMS length rules (3GPP TS 23.038 §6.2.1 and TS 23.040 §9.2.3.24.1): a message in the GSM 7-bit
 * default alphabet fits 160 characters in one segment (escape-table characters count twice);
 * anything else goes as UCS-2, 70 UTF-16 units. Longer messages split into 153 / 67 per segment,
 * costing more and arriving out of order, so alert texts are cut to one segment where possible.
 */

/** The GSM 03.38 basic character set. */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Characters reached through the escape (0x1B) of the extension table: two septets each. */
const GSM_EXTENDED = '^{}\\[~]|€\f';

export const GSM7_SINGLE = 160;
export const UCS2_SINGLE = 70;
const GSM7_PART = 153;
const UCS2_PART = 67;

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsLength {
  readonly encoding: SmsEncoding;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  readonly units: number;
  readonly segments: number;
}

/** Septets the text takes in GSM-7, or null when some character has no GSM-7 form. */
function gsmSeptets(text: string): number | null {
  let septets = 0;
  for (const char of text) {
    if (GSM_BASIC.includes(char)) septets += 1;
    else if (GSM_EXTENDED.includes(char)) septets += 2;
    else return null;
  }
  return septets;
}

export function smsLength(text: string): SmsLength {
  const septets = gsmSeptets(text);
  if (septets !== null) {
    return { encoding: 'gsm7', units: septets, segments: septets <= GSM7_SINGLE ? 1 : Math.ceil(septets / GSM7_PART) };
  }
  const units = text.length;
  return { encoding: 'ucs2', units, segments: units <= UCS2_SINGLE ? 1 : Math.ceil(units / UCS2_PART) };
}

/**
 * Makes alert text fit one segment: first replaces characters GSM-7 lacks with close ones (an
 * address arrow, typographic quotes) so the 160-character budget applies, then cuts at a word
 * with an ellipsis ("..." in GSM-7).
 */
export function fitOneSegment(text: string): string {
  const plain = toGsm(text.replace(/\s+/g, ' ').trim());
  if (smsLength(plain).segments === 1) return plain;
  const limit = gsmSeptets(plain) === null ? UCS2_SINGLE : GSM7_SINGLE;
  let cut = plain;
  while (cut.length > 0 && smsLength(`${cut}...`).units > limit) {
    const space = cut.lastIndexOf(' ', cut.length - 1);
    // Cut at a word when one is near; a long unbroken token (a URL) is cut where it stands.
    cut = space > limit * 0.6 ? cut.slice(0, space) : cut.slice(0, cut.length - 1);
  }
  return `${cut}...`;
}

const NEAR_GSM: Readonly<Record<string, string>> = {
  '→': '->',
  '←': '<-',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '–': '-',
  '—': '-',
  '…': '...',
  '·': '-',
  '≥': '>=',
  '≤': '<=',
  '×': 'x',
  '\t': ' ',
};

function toGsm(text: string): string {
  let out = '';
  for (const char of text) out += NEAR_GSM[char] ?? char;
  return out;
}
