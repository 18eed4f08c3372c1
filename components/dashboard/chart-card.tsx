"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Rectangle, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { downloadPng, downloadSvg } from "./export";
import styles from "./dashboard.module.css";

/** One category on the chart's axis (a year, a county, ...) with its counts per series. */
export interface ChartDatum {
  /** The label shown on the axis and in the table. */
  label: string;
  /** URL parameters that select this category in the drill-down (e.g. { year: "2016" }). */
  params: Record<string, string>;
  values: Record<string, number>;
}
export interface ChartSeries {
  key: string;
  label: string;
  color: string;
  /** URL parameters that select this series in the drill-down (e.g. { state: "dormant" }). */
  params: Record<string, string>;
}
export interface ChartView {
  id: string;
  label: string;
  data: ChartDatum[];
  series: ChartSeries[];
  /** URL parameters every bar of this view adds (e.g. { change: "ended" }). */
  params?: Record<string, string>;
  /** False when one record can count under several series (reasons): no total column then. */
  additive?: boolean;
  note?: string;
}

export interface ChartCardProps {
  id: string;
  title: string;
  description?: string;
  /** The drill-down URL of the whole chart (series and filters); a bar adds its category and series. None: bars are not links. */
  drillBase?: string;
  csvHref?: string;
  /** The exported images' source line, e.g. "Källa: Avtalsregistret, NKK, release 2026.1"; by default "data per <today>". */
  sourceLine?: string;
  /** Extra tools next to the exports (e.g. the embed code). */
  extraTools?: React.ReactNode;
  views: ChartView[];
  /** Horizontal bars with the categories down the side (for long lists such as counties). */
  horizontal?: boolean;
  categoryLabel: string;
  /** Label of the view switch (e.g. "Split by"); shown when there are several views. */
  viewsLabel?: string;
  height?: number;
}

/** Rough width of a label at 12 px: CJK characters are square, the rest about half as wide. */
function textWidth(label: string): number {
  let w = 0;
  for (const ch of label) w += /[\u3000-\u9fff\uf900-\ufaff]/.test(ch) ? 12.5 : 7.3;
  return w;
}

/** The tick line and gap between a category label and the plot. */
const AXIS_PAD = 16;

/** Axis labels are cut to fit the axis (at most 28 characters); the table view has them in full. */
function shortLabel(label: string, width = Infinity): string {
  const max = Math.min(28, [...label].length);
  for (let n = max; n > 4; n--) {
    const cut = n < [...label].length ? `${[...label].slice(0, n - 1).join("").trimEnd()}…` : label;
    if (textWidth(cut) + AXIS_PAD <= width) return cut;
  }
  return `${[...label].slice(0, 3).join("")}…`;
}

/**
 * The value axis of a horizontal chart ends a step past the longest bar, so that the bar and its
 * total (written at its end) fit inside the plot instead of running into the edge.
 */
export function valueAxisMax(dataMax: number): number {
  if (dataMax <= 0) return 1;
  const padded = dataMax * 1.12 + 0.5;
  const step = padded <= 10 ? 1 : padded <= 20 ? 2 : padded <= 50 ? 5 : 10 ** Math.floor(Math.log10(padded)) / 2;
  return Math.ceil(padded / step) * step;
}

/** Pixel width of the category labels: what the longest needs at 12 px, within what the chart can spare. */
function categoryAxisWidth(labels: string[], chartWidth: number): number {
  const longest = Math.max(0, ...labels.map((l) => textWidth(shortLabel(l)) + AXIS_PAD));
  return Math.round(Math.min(Math.max(60, longest), Math.max(90, chartWidth * 0.48)));
}

export function drillHref(base: string, ...params: Record<string, string>[]): string {
  const [path, query = ""] = base.split("?");
  const search = new URLSearchParams(query);
  for (const p of params) for (const [k, v] of Object.entries(p)) search.set(k, v);
  return `${path}?${search.toString()}`;
}

export function ChartCard({ id, title, description, drillBase, csvHref, sourceLine, extraTools, views, horizontal, categoryLabel, viewsLabel, height }: ChartCardProps) {
  const t = useTranslations("dashboard.chart");
  const tp = useTranslations("publish.chart");
  const nf = new Intl.NumberFormat(useLocale());
  const [viewId, setViewId] = useState(views[0]?.id ?? "");
  const view = views.find((v) => v.id === viewId) ?? views[0]!;
  const chartRef = useRef<HTMLDivElement>(null);
  const [chartWidth, setChartWidth] = useState(1000);
  useEffect(() => {
    const el = chartRef.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => entry && setChartWidth(entry.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const headingId = useId();
  const rows = view.data.map((d) => ({ label: d.label, ...d.values, __datum: d }));
  const chartHeight = height ?? (horizontal ? Math.max(220, view.data.length * 26 + 60) : 340);
  const legend = view.series.map((s) => ({ label: s.label, color: s.color }));
  const filename = `${id}-${view.id}`;
  const image = () => ({
    title: views.length > 1 ? `${title} (${view.label})` : title,
    legend,
    axisLabel: categoryLabel,
    source: sourceLine ?? tp("sourceDate", { date: new Date().toISOString().slice(0, 10) }),
  });
  const axisWidth = categoryAxisWidth(
    view.data.map((d) => d.label),
    chartWidth,
  );
  const total = (d: ChartDatum) => view.series.reduce((n, s) => n + (d.values[s.key] ?? 0), 0);

  const shape = (series: ChartSeries) =>
    function BarLink(props: BarShapeProps) {
      const datum = (props.payload as { __datum: ChartDatum }).__datum;
      const value = datum.values[series.key] ?? 0;
      if (!value) return <g />;
      if (!drillBase) return <Rectangle {...props} fill={series.color} className={styles.bar} />;
      return (
        <a
          href={drillHref(drillBase, view.params ?? {}, datum.params, series.params)}
          aria-label={`${datum.label}, ${series.label}: ${nf.format(value)}`}
          data-testid={`bar-${id}`}
          tabIndex={-1}
        >
          <Rectangle {...props} fill={series.color} className={styles.bar} />
        </a>
      );
    };

  return (
    <section className={`card ${styles.chartCard}`} aria-labelledby={headingId} data-testid={`chart-${id}`}>
      <div className={styles.chartHead}>
        <h3 id={headingId}>{title}</h3>
        <div className={styles.chartTools}>
          {views.length > 1 && (
            <fieldset className={styles.segmented}>
              <legend className="visually-hidden">{viewsLabel}</legend>
              {views.map((v) => (
                <label key={v.id} className={v.id === view.id ? styles.segmentOn : undefined}>
                  <input type="radio" name={`${id}-view`} value={v.id} checked={v.id === view.id} onChange={() => setViewId(v.id)} />
                  {v.label}
                </label>
              ))}
            </fieldset>
          )}
          <button type="button" className="btn btn--small" onClick={() => chartRef.current && downloadSvg(chartRef.current, image(), filename)}>
            {t("exportSvg")}
          </button>
          <button type="button" className="btn btn--small" onClick={() => chartRef.current && downloadPng(chartRef.current, image(), filename)}>
            {t("exportPng")}
          </button>
          {csvHref && (
            <a className="btn btn--small" href={csvHref} download>
              {t("exportCsv")}
            </a>
          )}
          {extraTools}
        </div>
      </div>
      {description && <p className="muted">{description}</p>}
      {view.note && <p className="muted">{view.note}</p>}
      {view.data.every((d) => total(d) === 0) ? (
        <p className="muted" data-testid={`chart-${id}-empty`}>
          {t("empty")}
        </p>
      ) : (
        <div ref={chartRef} className={styles.chart}>
          <BarChart
            responsive
            style={{ width: "100%", height: chartHeight }}
            data={rows}
            layout={horizontal ? "vertical" : "horizontal"}
            margin={{ top: 8, right: horizontal ? 12 : 16, bottom: 8, left: horizontal ? 4 : 0 }}
            accessibilityLayer={false}
            title={title}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="#e1e5ea" />
            {horizontal ? (
              <>
                <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} domain={[0, valueAxisMax]} />
                <YAxis type="category" dataKey="label" width={axisWidth} tick={{ fontSize: 12 }} interval={0} tickFormatter={(label: string) => shortLabel(label, axisWidth < textWidth(label) + AXIS_PAD ? axisWidth * 1.8 : axisWidth)} />
              </>
            ) : (
              <>
                <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={4} />
                <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
              </>
            )}
            <Tooltip formatter={(value) => nf.format(Number(value))} />
            <Legend
              wrapperStyle={{ fontSize: 13 }}
              itemSorter={(item) => view.series.findIndex((s) => s.key === item.dataKey)}
              formatter={(value) => <span className={styles.legendText}>{value}</span>}
            />
            {view.series.map((s, i) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} stackId={view.additive === false ? undefined : "stack"} fill={s.color} isAnimationActive={false} shape={shape(s)}>
                {horizontal && view.additive !== false && i === view.series.length - 1 && (
                  <LabelList
                    position="right"
                    valueAccessor={(entry: { payload?: { __datum?: ChartDatum } }) => {
                      const datum = entry.payload?.__datum;
                      return datum && total(datum) ? nf.format(total(datum)) : "";
                    }}
                    className={styles.barTotal}
                    fill="#1b1f24"
                  />
                )}
              </Bar>
            ))}
          </BarChart>
        </div>
      )}
      {drillBase && <p className="muted">{t("clickHint")}</p>}
      <details className={styles.tableView}>
        <summary>{t("table")}</summary>
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{categoryLabel}</th>
                {view.series.map((s) => (
                  <th key={s.key} scope="col" className="num">
                    {s.label}
                  </th>
                ))}
                {view.additive !== false && (
                  <th scope="col" className="num">
                    {t("total")}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {view.data.map((d) => (
                <tr key={d.label}>
                  <th scope="row">{d.label}</th>
                  {view.series.map((s) => (
                    <td key={s.key} className="num">
                      {d.values[s.key] ? drillBase ? <a href={drillHref(drillBase, view.params ?? {}, d.params, s.params)}>{nf.format(d.values[s.key]!)}</a> : nf.format(d.values[s.key]!) : 0}
                    </td>
                  ))}
                  {view.additive !== false && (
                    <td className="num">{total(d) ? drillBase ? <a href={drillHref(drillBase, view.params ?? {}, d.params)}>{nf.format(total(d))}</a> : nf.format(total(d)) : 0}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
