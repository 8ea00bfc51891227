import { create } from 'qrcode';
import { useMemo } from 'react';

/**
 * A QR code drawn as SVG from the code's modules, synchronously and without a
 * canvas (so it renders the same in the browser and in unit tests, and holds
 * no script or markup from elsewhere). `label` is what a screen reader says;
 * callers keep the encoded text readable next to it for typing it in.
 */
export function QrCode({ text, label, size = 220, testId }: { text: string; label: string; size?: number; testId?: string }) {
  const { path, modules } = useMemo(() => {
    // Error correction M: scans from a screen at an angle, still small for a 32-character secret.
    const qr = create(text, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    let d = '';
    for (let row = 0; row < n; row++)
      for (let col = 0; col < n; col++) if (qr.modules.get(row, col)) d += `M${col} ${row}h1v1h-1z`;
    return { path: d, modules: n };
  }, [text]);
  const quiet = 4; // the blank border scanners need, in modules
  const box = modules + 2 * quiet;
  return (
    <svg
      className="regie-qr"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`${-quiet} ${-quiet} ${box} ${box}`}
      shapeRendering="crispEdges"
      data-testid={testId}
      data-modules={modules}
    >
      <rect x={-quiet} y={-quiet} width={box} height={box} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
