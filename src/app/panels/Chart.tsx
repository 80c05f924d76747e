// A small line chart in plain SVG: readable on a projector (thick lines, big labels), with its
// numbers in words beside it for anyone who can't see it. No chart library: four lines don't need one.

export type Series = { name: string; values: (number | null)[]; className: string };

type Props = { title: string; series: Series[]; max: number; unit: string; summary: string; height?: number };

export function Chart({ title, series, max, unit, summary, height = 90 }: Props) {
  const width = 300;
  const length = Math.max(1, ...series.map((s) => s.values.length));
  const x = (i: number) => (length === 1 ? width : (i / (length - 1)) * width);
  const y = (v: number) => height - (Math.min(v, max) / (max || 1)) * (height - 6) - 3;
  const path = (values: (number | null)[]) => {
    let d = '';
    let pen = false;
    values.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  return (
    <figure className="chart">
      <figcaption>
        <strong>{title}</strong>
        <span className="legend">
          {series.map((s) => (
            <span key={s.name} className={`legend-item ${s.className}`}>
              <span aria-hidden="true" className="swatch" /> {s.name}
            </span>
          ))}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}: ${summary}`} preserveAspectRatio="none">
        <line x1="0" x2={width} y1={y(max)} y2={y(max)} className="gridline" />
        <line x1="0" x2={width} y1={y(0)} y2={y(0)} className="gridline" />
        {series.map((s) => <path key={s.name} d={path(s.values)} className={`line ${s.className}`} />)}
      </svg>
      <p className="chart-summary">{summary} <span className="muted">(scale 0–{max}{unit})</span></p>
    </figure>
  );
}
