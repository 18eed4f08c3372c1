// Export a recharts chart as SVG or PNG, with its title, its axes, a legend and the source line
// drawn into the image (the chart's own legend is HTML, outside the SVG).

export interface LegendItem {
  label: string;
  color: string;
}

export interface ChartImage {
  title: string;
  legend: LegendItem[];
  /** The category axis' name (e.g. "År"). */
  axisLabel?: string;
  /** "Källa: Avtalsregistret, NKK, release 2026.1". */
  source: string;
}

/**
 * The chart's own drawing: the largest recharts surface in the container. Recharts also draws
 * each legend icon as a small `svg.recharts-surface`, and the first one in the document is such
 * an icon, so "the first surface" would export a 14-pixel legend swatch.
 */
export function mainSurface(container: HTMLElement): SVGSVGElement | null {
  const surfaces = [...container.querySelectorAll<SVGSVGElement>("svg.recharts-surface")].filter((s) => !s.closest(".recharts-legend-wrapper"));
  const area = (s: SVGSVGElement) => {
    const r = s.getBoundingClientRect();
    return r.width * r.height;
  };
  return surfaces.sort((a, b) => area(b) - area(a))[0] ?? null;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", Arial, sans-serif';
const NS = "http://www.w3.org/2000/svg";

function escapeText(node: SVGTextElement, text: string) {
  node.textContent = text;
}

/** A standalone SVG document of the chart in `container`: title above; axis name, legend and source line below. */
export function chartSvg(container: HTMLElement, image: ChartImage): { svg: string; width: number; height: number } | null {
  const { title, legend } = image;
  const source = mainSurface(container);
  if (!source) return null;
  const width = Math.ceil(source.width.baseVal.value || source.getBoundingClientRect().width);
  const chartHeight = Math.ceil(source.height.baseVal.value || source.getBoundingClientRect().height);
  const titleHeight = 32;
  const perRow = Math.max(1, Math.floor((width - 20) / 190));
  const axisHeight = image.axisLabel ? 20 : 0;
  const legendHeight = Math.ceil(legend.length / perRow) * 22 + 10;
  const sourceHeight = 24;
  const height = titleHeight + chartHeight + axisHeight + legendHeight + sourceHeight;

  const doc = document.createElementNS(NS, "svg");
  doc.setAttribute("xmlns", NS);
  doc.setAttribute("width", String(width));
  doc.setAttribute("height", String(height));
  doc.setAttribute("viewBox", `0 0 ${width} ${height}`);
  doc.setAttribute("font-family", FONT);
  const background = document.createElementNS(NS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", "#ffffff");
  doc.appendChild(background);

  const heading = document.createElementNS(NS, "text");
  heading.setAttribute("x", "10");
  heading.setAttribute("y", "21");
  heading.setAttribute("font-size", "15");
  heading.setAttribute("font-weight", "600");
  heading.setAttribute("fill", "#1b1f24");
  escapeText(heading, title);
  doc.appendChild(heading);

  const chart = source.cloneNode(true) as SVGSVGElement;
  chart.setAttribute("x", "0");
  chart.setAttribute("y", String(titleHeight));
  chart.removeAttribute("style");
  chart.removeAttribute("role");
  // Links and focus rings are for the page, not for the image.
  chart.querySelectorAll("a").forEach((a) => {
    while (a.firstChild) a.parentNode!.insertBefore(a.firstChild, a);
    a.remove();
  });
  chart.querySelectorAll("text").forEach((t) => t.setAttribute("font-family", FONT));
  doc.appendChild(chart);

  const text = (x: number, y: number, content: string, attrs: Record<string, string> = {}) => {
    const node = document.createElementNS(NS, "text");
    node.setAttribute("x", String(x));
    node.setAttribute("y", String(y));
    node.setAttribute("font-size", "12");
    node.setAttribute("fill", "#1b1f24");
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    escapeText(node, content);
    doc.appendChild(node);
  };
  if (image.axisLabel) text(width / 2, titleHeight + chartHeight + 14, image.axisLabel, { "text-anchor": "middle", "data-role": "axis-label" });

  legend.forEach((item, i) => {
    const x = 10 + (i % perRow) * 190;
    const y = titleHeight + chartHeight + axisHeight + 8 + Math.floor(i / perRow) * 22;
    const swatch = document.createElementNS(NS, "rect");
    swatch.setAttribute("x", String(x));
    swatch.setAttribute("y", String(y));
    swatch.setAttribute("width", "12");
    swatch.setAttribute("height", "12");
    swatch.setAttribute("fill", item.color);
    doc.appendChild(swatch);
    const label = document.createElementNS(NS, "text");
    label.setAttribute("x", String(x + 18));
    label.setAttribute("y", String(y + 11));
    label.setAttribute("font-size", "12");
    label.setAttribute("fill", "#1b1f24");
    escapeText(label, item.label);
    doc.appendChild(label);
  });

  text(10, height - 8, image.source, { "font-size": "11", fill: "#4f5966", "data-role": "source" });

  return { svg: new XMLSerializer().serializeToString(doc), width, height };
}

function download(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadSvg(container: HTMLElement, image: ChartImage, filename: string) {
  const out = chartSvg(container, image);
  if (out) download(new Blob([out.svg], { type: "image/svg+xml;charset=utf-8" }), `${filename}.svg`);
}

export async function downloadPng(container: HTMLElement, chart: ChartImage, filename: string) {
  const out = chartSvg(container, chart);
  if (!out) return;
  const scale = 2;
  const image = new Image();
  const url = URL.createObjectURL(new Blob([out.svg], { type: "image/svg+xml;charset=utf-8" }));
  try {
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("Could not draw the chart"));
      image.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = out.width * scale;
    canvas.height = out.height * scale;
    const context = canvas.getContext("2d");
    if (!context) return;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (blob) download(blob, `${filename}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
