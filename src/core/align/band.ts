/**
 * The part of the DP grid that is searched: for each row i (source sentences consumed), the target
 * columns lo[i]..hi[i]. Cells are stored row after row, so memory is the band's area, not n × m.
 */
export interface Band {
  n: number;
  m: number;
  lo: Int32Array;
  hi: Int32Array;
  /** Offset of row i's first cell in the flat cell arrays. */
  start: Int32Array;
  cells: number;
}

function finish(n: number, m: number, lo: Int32Array, hi: Int32Array): Band {
  lo[0] = 0;
  hi[n] = m;
  for (let i = 1; i <= n; i++) {
    if ((lo[i] ?? 0) > (hi[i - 1] ?? 0)) lo[i] = hi[i - 1] ?? 0;
  }
  for (let i = n - 1; i >= 0; i--) {
    if ((hi[i] ?? 0) < (lo[i + 1] ?? 0)) hi[i] = lo[i + 1] ?? 0;
  }
  const start = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) start[i + 1] = (start[i] ?? 0) + (hi[i] ?? 0) - (lo[i] ?? 0) + 1;
  return { n, m, lo, hi, start, cells: start[n + 1] ?? 0 };
}

/** Every cell: the exact search, for texts small enough. */
export function fullBand(n: number, m: number): Band {
  return finish(n, m, new Int32Array(n + 1), new Int32Array(n + 1).fill(m));
}

/** A band of half-width w around the straight line from (0, 0) to (n, m). */
export function diagonalBand(n: number, m: number, w: number): Band {
  return anchorBand(n, m, [], w);
}

/**
 * A band of half-width w around the polyline through sure points (i, j) of the grid, from (0, 0)
 * to (n, m): between two points it follows the straight line.
 */
export function anchorBand(
  n: number,
  m: number,
  points: ReadonlyArray<[number, number]>,
  w: number,
): Band {
  const knots: Array<[number, number]> = [[0, 0], ...points, [n, m]];
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  let k = 0;
  const at = (i: number): number => {
    while (k + 1 < knots.length - 1 && (knots[k + 1]?.[0] ?? n) < i) k++;
    const [i0, j0] = knots[k] ?? [0, 0];
    const [i1, j1] = knots[k + 1] ?? [n, m];
    return i1 === i0 ? j1 : j0 + ((i - i0) * (j1 - j0)) / (i1 - i0);
  };
  for (let i = 0; i <= n; i++) {
    const a = Math.floor(at(i));
    const b = Math.ceil(at(Math.min(n, i + 1)));
    lo[i] = Math.max(0, Math.min(a, b) - w);
    hi[i] = Math.min(m, Math.max(a, b) + w);
  }
  return finish(n, m, lo, hi);
}

/** A band of half-width w around a path given as its corner points (i, j), from (0,0) to (n,m). */
export function pathBand(
  n: number,
  m: number,
  points: ReadonlyArray<[number, number]>,
  w: number,
): Band {
  const pmin = new Int32Array(n + 1).fill(m);
  const pmax = new Int32Array(n + 1).fill(0);
  let prev: [number, number] = [0, 0];
  for (const point of points) {
    for (let r = prev[0]; r <= point[0]; r++) {
      pmin[r] = Math.min(pmin[r] ?? m, prev[1]);
      pmax[r] = Math.max(pmax[r] ?? 0, point[1]);
    }
    prev = point;
  }
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) {
    lo[i] = Math.max(0, (pmin[i] ?? 0) - w);
    hi[i] = Math.min(m, (pmax[i] ?? m) + w);
  }
  return finish(n, m, lo, hi);
}

/** How close (in columns) the path comes to an edge of the band that is not the grid's edge. */
export function edgeDistance(band: Band, points: ReadonlyArray<[number, number]>): number {
  let d = Infinity;
  for (const [i, j] of points) {
    const lo = band.lo[i] ?? 0;
    const hi = band.hi[i] ?? band.m;
    if (lo > 0) d = Math.min(d, j - lo);
    if (hi < band.m) d = Math.min(d, hi - j);
  }
  return d;
}
