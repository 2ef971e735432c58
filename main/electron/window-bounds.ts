export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_BOUNDS = { width: 1400, height: 900 } as const;
const MIN_VISIBLE = 100;

/**
 * Keeps a remembered window position only if enough of it still lands on a connected display
 * (monitors get unplugged); otherwise falls back to the default size, centred by Electron.
 */
export function restoreBounds(saved: unknown, workAreas: readonly Bounds[]): Partial<Bounds> {
  if (!isBounds(saved)) return { ...DEFAULT_BOUNDS };
  const visible = workAreas.some(
    (area) =>
      saved.x + saved.width - MIN_VISIBLE >= area.x &&
      saved.x + MIN_VISIBLE <= area.x + area.width &&
      saved.y >= area.y - 10 &&
      saved.y + MIN_VISIBLE <= area.y + area.height,
  );
  if (!visible) return { width: saved.width, height: saved.height };
  return saved;
}

function isBounds(value: unknown): value is Bounds {
  if (!value || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((key) => typeof record[key] === 'number' && Number.isFinite(record[key])) &&
    (record.width as number) >= 400 && (record.height as number) >= 300;
}
