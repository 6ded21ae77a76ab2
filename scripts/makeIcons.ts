/**
 * Draws the Teams app icons (appPackage/color.png 192×192, outline.png 32×32 white on transparent):
 * a coordinator hub — one node joined to three — anti-aliased by supersampling. Run after changing the design.
 */
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

type Shape = (x: number, y: number) => boolean;

const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const segment =
  (x1: number, y1: number, x2: number, y2: number, width: number): Shape =>
  (x, y) => {
    const dx = x2 - x1;
    const dy = y2 - y1;
    const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
    return (x - (x1 + t * dx)) ** 2 + (y - (y1 + t * dy)) ** 2 <= (width / 2) ** 2;
  };

/** The glyph in unit coordinates (0..1). */
function glyph(): Shape {
  const hub: [number, number] = [0.5, 0.54];
  const nodes: [number, number][] = [
    [0.5, 0.2],
    [0.2, 0.74],
    [0.8, 0.74],
  ];
  const parts: Shape[] = [circle(...hub, 0.12), ...nodes.map(([x, y]) => circle(x, y, 0.085)), ...nodes.map(([x, y]) => segment(...hub, x, y, 0.06))];
  return (x, y) => parts.some((part) => part(x, y));
}

function draw(size: number, inset: number, background: [number, number, number, number] | undefined): PNG {
  const png = new PNG({ width: size, height: size });
  const shape = glyph();
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const u = ((px + (sx + 0.5) / samples) / size - inset) / (1 - 2 * inset);
          const v = ((py + (sy + 0.5) / samples) / size - inset) / (1 - 2 * inset);
          if (shape(u, v)) hits++;
        }
      }
      const coverage = hits / (samples * samples);
      const i = (py * size + px) * 4;
      if (background) {
        const [r, g, b] = background;
        png.data[i] = Math.round(r + (255 - r) * coverage);
        png.data[i + 1] = Math.round(g + (255 - g) * coverage);
        png.data[i + 2] = Math.round(b + (255 - b) * coverage);
        png.data[i + 3] = 255;
      } else {
        png.data[i] = 255;
        png.data[i + 1] = 255;
        png.data[i + 2] = 255;
        png.data[i + 3] = Math.round(255 * coverage);
      }
    }
  }
  return png;
}

writeFileSync('appPackage/color.png', PNG.sync.write(draw(192, 0.16, [0x1b, 0x5e, 0x7a, 255])));
writeFileSync('appPackage/outline.png', PNG.sync.write(draw(32, 0.04, undefined)));
console.log('wrote appPackage/color.png and appPackage/outline.png');
