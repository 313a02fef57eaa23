// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QrCode, qrCodeDataUrl } from './QrCode.js';

afterEach(cleanup);

const uri = 'otpauth://totp/Cairn:robin%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Cairn';

describe('QrCode', () => {
  it('draws the text as an SVG data URL, with no network request', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const url = await qrCodeDataUrl(uri);
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    const svg = decodeURIComponent(url.slice(url.indexOf(',') + 1));
    expect(svg).toContain('<svg');
    expect(svg).toContain('<path');
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it('shows the image with its text alternative', async () => {
    render(<QrCode value={uri} label="QR code for your authenticator app" />);
    const image = (await screen.findByAltText('QR code for your authenticator app')) as HTMLImageElement;
    expect(image.src.startsWith('data:image/svg+xml')).toBe(true);
  });
});
