// Owns the report's charts: grouped bars of this period beside the previous one, drawn as plain SVG by React.
// No chart library: SVG needs no script or style injected at run time (the CSP stays as it is), prints as vectors
// in the PDF, and two bar layouts are less code than a library's configuration.

export interface ChartRow {
  label: string;
  current: number;
  previous: number;
}

const CURRENT_FILL = '#0b5394';
// Light enough to tell from the current bars on a grey laser print, dark enough for 3:1 against white.
const PREVIOUS_FILL = '#7e9cc0';
const GRID = '#d5dbe5';
const INK = '#14213d';

/** Up to five round steps from 0 to at least `max`, so gridlines fall on whole numbers. */
function ticks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const whole = Math.max(1, Math.round(step));
  const top = Math.ceil(max / whole) * whole;
  return Array.from({ length: top / whole + 1 }, (_, i) => i * whole);
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

interface ChartProps {
  rows: readonly ChartRow[];
  /** The chart's accessible name; the table beside it carries the figures for a screen reader. */
  title: string;
  legend: { current: string; previous: string };
  testId?: string;
}

/** One row per category, bars running right: labels of any length stay readable. */
export function HorizontalBarChart({ rows, title, legend, testId }: ChartProps) {
  const width = 480;
  const labelWidth = 170;
  const valueRoom = 30;
  const barHeight = 12;
  const groupHeight = barHeight * 2 + 10;
  const top = 28;
  const height = top + rows.length * groupHeight + 22;
  const scale = ticks(Math.max(...rows.map((r) => Math.max(r.current, r.previous)), 0));
  const max = scale.at(-1) ?? 1;
  const plot = width - labelWidth - valueRoom;
  const x = (value: number) => labelWidth + (value / max) * plot;
  return (
    <svg className="report-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} data-testid={testId}>
      <Legend legend={legend} x={8} />
      {scale.map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={top - 4} y2={height - 18} stroke={GRID} />
          <text x={x(tick)} y={height - 4} fontSize="11" textAnchor="middle" fill={INK}>
            {tick}
          </text>
        </g>
      ))}
      {rows.map((row, i) => {
        const y = top + i * groupHeight;
        return (
          <g key={`${row.label}-${i}`} data-testid="chart-group">
            <title>{`${row.label}: ${row.current} / ${row.previous}`}</title>
            <text x={labelWidth - 6} y={y + barHeight + 4} fontSize="11" textAnchor="end" fill={INK}>
              {clip(row.label, 25)}
            </text>
            <rect x={labelWidth} y={y} width={Math.max(0, x(row.current) - labelWidth)} height={barHeight} fill={CURRENT_FILL} data-testid="bar-current" />
            <text x={x(row.current) + 4} y={y + barHeight - 2} fontSize="11" fill={INK}>
              {row.current}
            </text>
            <rect x={labelWidth} y={y + barHeight} width={Math.max(0, x(row.previous) - labelWidth)} height={barHeight} fill={PREVIOUS_FILL} data-testid="bar-previous" />
            <text x={x(row.previous) + 4} y={y + barHeight * 2 - 2} fontSize="11" fill={INK}>
              {row.previous}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Columns along an axis in order (the 24 hours of the day), bars rising; the axis shows each label's first two characters (the hour). */
export function ColumnChart({ rows, title, legend, testId }: ChartProps) {
  const width = 720;
  const height = 220;
  const left = 36;
  const top = 28;
  const bottom = height - 24;
  const scale = ticks(Math.max(...rows.map((r) => Math.max(r.current, r.previous)), 0));
  const max = scale.at(-1) ?? 1;
  const y = (value: number) => bottom - (value / max) * (bottom - top);
  const slot = (width - left - 4) / Math.max(1, rows.length);
  const bar = Math.max(2, (slot - 4) / 2);
  return (
    <svg className="report-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} data-testid={testId}>
      <Legend legend={legend} x={left} />
      {scale.map((tick) => (
        <g key={tick}>
          <line x1={left} x2={width - 4} y1={y(tick)} y2={y(tick)} stroke={GRID} />
          <text x={left - 6} y={y(tick) + 4} fontSize="11" textAnchor="end" fill={INK}>
            {tick}
          </text>
        </g>
      ))}
      {rows.map((row, i) => {
        const x0 = left + i * slot + 2;
        return (
          <g key={`${row.label}-${i}`} data-testid="chart-group">
            <title>{`${row.label}: ${row.current} / ${row.previous}`}</title>
            <rect x={x0} y={y(row.current)} width={bar} height={bottom - y(row.current)} fill={CURRENT_FILL} data-testid="bar-current" />
            <rect x={x0 + bar} y={y(row.previous)} width={bar} height={bottom - y(row.previous)} fill={PREVIOUS_FILL} data-testid="bar-previous" />
            <text x={x0 + bar} y={height - 8} fontSize="11" textAnchor="middle" fill={INK}>
              {row.label.slice(0, 2)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function Legend({ legend, x }: { legend: ChartProps['legend']; x: number }) {
  return (
    <g fontSize="12" fill={INK}>
      <rect x={x} y={6} width={14} height={12} fill={CURRENT_FILL} />
      <text x={x + 20} y={16}>
        {legend.current}
      </text>
      <rect x={x + 150} y={6} width={14} height={12} fill={PREVIOUS_FILL} />
      <text x={x + 170} y={16}>
        {legend.previous}
      </text>
    </g>
  );
}
