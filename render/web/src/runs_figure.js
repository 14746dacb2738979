/* runs_figure.js: the drawing the runs player and the lab's figure share, laid out by layout.js: the
 * static layer (every panel's axes, data range, zero line, dashed target, ticks and titles; the loss
 * panel's whole-run lines and log axes) and each row's caption and divergence warning. The two differ in
 * where their runs come from (recorded parameters, or the lab's training), which the callers pass in.
 */

import { fill } from "./dom.js";
import { frameStyle, outputPanel, paletteColor } from "./layout.js";
import { forgetText, font, frame, hline, line, number, report, text, thousands, vspan } from "./plot.js";
import { drawPoints } from "./sum_view.js";
import { linearTicks, logTicks, sampleTicks } from "./ticks.js";

/** @typedef {import("./plot.js").Axes} Axes */
/** @typedef {import("./types.js").Panel} Panel */
/** @typedef {import("./types.js").Theme} Theme */
/** @typedef {import("./types.js").Layout} Layout */
/** @typedef {[ArrayLike<number>, ArrayLike<number>]} Series  xs, ys */
/**
 * What the drawing reads of the figure: its canvases, layout and scale (px an inch `s`, a point `pt`),
 * look, axes ([row][panel], the loss panel last), which rows' panels carry titles, the toggled-off legend
 * keys and the page's data.
 * @typedef {{bg: HTMLCanvasElement, dpr: number, W: number, H: number, L: Layout, s: number, pt: number,
 *   fam: string, th: Theme, axes: Axes[][], titled: boolean[], hidden: Set<string>,
 *   lay: import("./layout.js").FigureLayout,
 *   d: {panels: Panel[], dataRange: number[], strings: Record<string, string>, hasTarget?: boolean}}}
 *   RowsFigure
 */
/**
 * The runs behind the figure: grid and target (NaN when trained on data points alone: then no target
 * curve), the data points ([x, y], drawn in the output panels, in `style`: sum_view.js's SumStyle);
 * surface(ctx, ax, k, panel) draws a surface panel's static layer in row k; losses(k) is row k's train and
 * eval loss over the run.
 * @typedef {{grid: Float64Array, target: Float64Array, points?: number[][] | null,
 *   style?: import("./sum_view.js").SumStyle,
 *   surface: (ctx: CanvasRenderingContext2D, ax: Axes, k: number, p: Panel) => void,
 *   losses: (k: number) => {train: Series, eval: Series}}} Rows
 */

/**
 * A panel's title above its axes, in its lines (layout.js wraps a title wider than its panel).
 * @param {CanvasRenderingContext2D} ctx @param {RowsFigure} fig @param {Axes} ax @param {string[]} lines
 */
function panelTitle(ctx, fig, ax, lines) {
  lines.forEach((line, i) => text(ctx, line, ax.rect.x + ax.rect.w / 2,
    ax.rect.y - 3 * fig.pt - (lines.length - 1 - i) * fig.lay.pitch,
    { font: font(fig.L.font * fig.pt, fig.fam), color: fig.th.foreground, align: "center",
      baseline: "bottom" }));
}

/**
 * The static layer into fig.bg: background, then every row's panels and loss panel; titles on the rows
 * fig.titled says.
 * @param {RowsFigure} fig @param {Rows} rows
 */
export function drawStatic(fig, rows) {
  const ctx = fig.bg.getContext("2d"), d = fig.d, th = fig.th, pt = fig.pt, L = fig.L;
  forgetText(fig.bg);
  ctx.setTransform(fig.dpr, 0, 0, fig.dpr, 0, 0);
  ctx.fillStyle = th.background;
  ctx.fillRect(0, 0, fig.W, fig.H);
  const st = frameStyle(fig), labelPx = L.small * pt;
  fig.axes.forEach((row, k) => {
    row.forEach((ax, j) => {
      if (j < d.panels.length) {
        const p = d.panels[j];
        if (p.kind === "surface") {
          rows.surface(ctx, ax, k, p);
        } else {
          if (!fig.hidden.has("span")) vspan(ctx, ax, d.dataRange[0], d.dataRange[1], th.span);
          hline(ctx, ax, 0, { color: th.muted, width: 0.8 * pt });
        }
        if (outputPanel(p) && d.hasTarget !== false && !fig.hidden.has("target")) {
          line(ctx, ax, rows.grid, rows.target, { color: th.target, width: L.line * 0.8 * pt,
            dash: [4 * L.line * 0.8 * pt, 3 * L.line * 0.8 * pt] });
        }
        if (outputPanel(p) && rows.points && rows.style) drawPoints(ctx, ax, rows.points, rows.style);
        frame(ctx, ax, st, { x: linearTicks(ax, "x", null, labelPx), y: linearTicks(ax, "y", 5, labelPx) });
        if (fig.titled[k]) panelTitle(ctx, fig, ax, fig.lay.titles[j]);
      } else {
        lossStatic(ctx, fig, ax, rows.losses(k));
        if (fig.titled[k]) panelTitle(ctx, fig, ax, fig.lay.titles[j]);
      }
    });
  });
}

/**
 * The loss panel's static part: the run's train loss (thin) and eval loss (faint: the frame draws it up to
 * the step), then the symlog sample and log loss axes.
 * @param {CanvasRenderingContext2D} ctx @param {RowsFigure} fig @param {Axes} ax
 * @param {{train: Series, eval: Series}} losses
 */
function lossStatic(ctx, fig, ax, losses) {
  const th = fig.th, pt = fig.pt;
  if (!fig.hidden.has("train")) {
    line(ctx, ax, ...losses.train, { color: th.muted, width: 0.6 * pt, alpha: 0.6 });
  }
  if (!fig.hidden.has("eval")) {
    line(ctx, ax, ...losses.eval, { color: paletteColor(th, 2), width: fig.L.line * 0.9 * pt, alpha: 0.3 });
  }
  frame(ctx, ax, frameStyle(fig),
    { x: sampleTicks(ax), y: logTicks(ax, "y", [1, 2, 5], fig.L.small * pt), minor: [1.5, 0.4] });
}

/**
 * What every axes drew, row by row (the loss panel last), for tests.
 * @param {RowsFigure} fig
 */
export function axesReport(fig) {
  return fig.axes.flatMap((row, k) => row.map((ax, j) => report(
    `${k}: ${j < fig.d.panels.length ? fig.d.panels[j].title : fig.d.strings.loss_title}`, ax)));
}

/**
 * Row k's caption values at sample `step` (losses as "—" once the run diverged) and its warning.
 * @param {{captions: Record<string, HTMLElement>[], warnings: HTMLElement[],
 *   d: {strings: Record<string, string>}}} fig
 * @param {number} k @param {number} step @param {number} train @param {number} ev
 * @param {number | null} divergedAt  the run's diverging sample, or null
 */
export function showCaption(fig, k, step, train, ev, divergedAt) {
  const gone = divergedAt !== null && divergedAt !== undefined && step >= divergedAt;
  const cap = fig.captions[k];
  if (cap.step) cap.step.textContent = thousands(step);
  if (cap.train) cap.train.textContent = number(gone ? NaN : train);
  if (cap.eval) cap.eval.textContent = number(gone ? NaN : ev);
  fig.warnings[k].textContent = gone ? fill(fig.d.strings.diverged, { step: divergedAt }) : "";
}
