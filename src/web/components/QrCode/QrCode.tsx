/**
 * A QR code of a short text (the TOTP enrolment's otpauth link), drawn in the browser by `qrcode` as an SVG and shown
 * as a `data:` image: no network request, and the secret never leaves the page. Dark modules on white with the quiet
 * zone, so phone cameras read it in either colour scheme. The image has a text alternative; the same secret is shown
 * as text beside it for typing.
 *
 * @example
 * <QrCode value={enrolment.otpauthUri} label="QR code of the setup key for your authenticator app" />
 */
import { useEffect, useState } from 'react';

export interface QrCodeProps {
  /** The text to encode. */
  readonly value: string;
  /** The image's text alternative. */
  readonly label: string;
  /** Width and height in CSS pixels (default 192). */
  readonly size?: number;
}

/**
 * Encodes `value` as an SVG data URL (error correction M, quiet zone of four modules).
 *
 * @example
 * await qrCodeDataUrl('otpauth://totp/Cairn:robin?secret=JBSWY3DPEHPK3PXP'); // 'data:image/svg+xml;charset=utf-8,%3Csvg…'
 */
export async function qrCodeDataUrl(value: string): Promise<string> {
  // Loaded with the enrolment step only, so the sign-in page's first paint does not carry the encoder.
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(value, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export function QrCode({ value, label, size = 192 }: QrCodeProps) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setSrc(null);
    setFailed(false);
    qrCodeDataUrl(value).then(
      (url) => {
        if (live) setSrc(url);
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [value]);

  if (failed) return <p className="notice notice--info">The QR code could not be drawn: type the setup key instead.</p>;
  return (
    <div className="qr-code" style={{ width: size, height: size }} data-testid="qr-code">
      {src && <img src={src} alt={label} width={size} height={size} />}
    </div>
  );
}
