/**
 * The enrolment code as a QR code (an SVG data URL), drawn by bwip-js, which the till already uses
 * for card codes; loaded only when a code is shown. null when it cannot be drawn.
 */
export async function qrCodeUrl(text: string): Promise<string | null> {
  try {
    const { toSVG } = await import('bwip-js/browser');
    const svg = toSVG({ bcid: 'qrcode', text, scale: 4 });
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  } catch {
    return null;
  }
}
