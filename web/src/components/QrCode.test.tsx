import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QrCode } from './QrCode';

function draw(text: string) {
  const { container, unmount } = render(<QrCode text={text} label="QR-code" />);
  const svg = container.querySelector('svg')!;
  const out = { modules: Number(svg.getAttribute('data-modules')), d: svg.querySelector('path')!.getAttribute('d')! };
  unmount();
  return out;
}

describe('QrCode', () => {
  it('draws a whole QR symbol: a valid size and the three finder patterns', () => {
    const { modules, d } = draw('otpauth://totp/Regie:a?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Regie');
    expect((modules - 17) % 4).toBe(0); // 4 × version + 17
    const dark = new Set([...d.matchAll(/M(\d+) (\d+)/g)].map((m) => `${m[1]},${m[2]}`));
    // Each finder pattern has a dark outer ring and a light ring inside it.
    const corners: [number, number][] = [[0, 0], [modules - 7, 0], [0, modules - 7]];
    for (const [x, y] of corners) {
      expect(dark.has(`${x},${y}`)).toBe(true);
      expect(dark.has(`${x + 6},${y + 6}`)).toBe(true);
      expect(dark.has(`${x + 1},${y + 1}`)).toBe(false);
      expect(dark.has(`${x + 3},${y + 3}`)).toBe(true);
    }
  });

  it('is the same for the same text and differs for another', () => {
    expect(draw('otpauth://totp/Regie:a?secret=AAAA').d).toBe(draw('otpauth://totp/Regie:a?secret=AAAA').d);
    expect(draw('otpauth://totp/Regie:a?secret=AAAA').d).not.toBe(draw('otpauth://totp/Regie:a?secret=BBBB').d);
  });

  it('is an image with the given name for screen readers', () => {
    const { getByRole } = render(<QrCode text="x" label="QR-code voor de app" />);
    expect(getByRole('img', { name: 'QR-code voor de app' })).toBeTruthy();
  });
});
