/* types.js: the JSON shapes the Python writes into the pages, as JSDoc types for the type check (tsc):
 * runs_data() in render/web/player.py (RunsData), sweep_data() in render/web/sweep.py (SweepData) and
 * lab_data() in render/web/lab.py (LabData). Arrays of numbers travel as base64 of little-endian bytes
 * (B64, decoded by data.js). Nothing here runs: the module exports no values.
 */

/** base64 of little-endian bytes (build.b64 in Python): float64 unless its field says otherwise.
 * @typedef {string} B64 */

/** The look: render.draw.theme's colours ("#rrggbb").
 * @typedef {{name: string, background: string, foreground: string, muted: string, span: string,
 *   target: string, palette: string[]}} Theme */

/** A figure's layout (render.draw.scene_figure.Layout, player.py runs_layout): margins, gaps and bands in
 * inches of a design `designWidth` inches wide; fonts and lines in points; the pages' grid rule's smallest
 * text (CSS px) and narrowest panel (inches: render.draw.grid.page_grid, grid.js).
 * @typedef {{designWidth: number, left: number, right: number, gap: number, top: number, header: number,
 *   titles: number, ticks: number, legend: number, font: number, small: number, line: number,
 *   minTextPx: number, minPanel: number, legendPitch?: number}} Layout */
/** A sweep figure's layout (sweep.py sweep_layout): its header and legend row (SweepHeader), its grid
 * (SeededLayout: a GridSpec; MapLayout: maps and a right column), fonts and lines in points.
 * @typedef {{designWidth: number, font: number, small: number, line: number,
 *   header: {x: number, y: number, legend: number}, grid: Record<string, number>}} SweepLayout */
/** An axes' limits (and a symlog axis' linear threshold). @typedef {{xlim: number[], ylim: number[],
 *   linthresh?: number}} Limits */

/** A recorded node: its kind (an ourdl op), parents by name; builtin false for a user's own class (or, in
 * a graph of torch's, torch's activation module of that class name, with its settings as `options`).
 * @typedef {{name: string, kind: string, parents: string[], builtin?: boolean,
 *   options?: Record<string, number | string | boolean>}} GraphNode */
/** A snapshot's graph (render.record.runs.graph_meta): nodes in creation order, parameters in update order;
 * `torch`: TorchRecorder recorded it as the family's network, so its `builtin: false` nodes are torch's
 * activations (render/web/player.py runs_data; graph.js computes the ones torch_ops.js knows).
 * @typedef {{nodes: GraphNode[], params: string[], input: string, label: string, output: string,
 *   loss: string, torch?: boolean}} Graph */

/** A piece of a caption: ["t", static text] or ["v", a value's name: "step", "train" or "eval"].
 * @typedef {[string, string]} CaptionPiece */

/**
 * A panel of the runs figure: its title, drawn nodes and their palette colours, whether it draws the
 * target; its kind ("curves", "data", "surface", or "sum": the output stacked from its units) and limits;
 * a data panel's `window` of solid samples; a surface panel's parameter columns (`params`), their names,
 * the path's solid `tail`, colour and `path` (float64, (runs, steps, 2)).
 * A sum panel's `bias` is the output's bias parameter (panels_sum.bias_name), "" when the graph has none.
 * @typedef {{title: string, nodes: string[], colors: number[], target: boolean, kind?: string, bias?: string,
 *   xlim?: number[], ylim?: number[], window?: number, params?: number[], names?: string[], tail?: number,
 *   color?: number, path?: B64}} Panel
 */

/** A loss surface over a mesh of two parameters: z (float32, (ny, nx)), the mesh's x and y ends, the
 * bands' edges and colours.
 * @typedef {{z: B64, nx: number, ny: number, x: number[], y: number[], edges: number[], colors: string[]}}
 *   Surface */

/**
 * What every player page carries (player.py _common): look, words, timeline, grid and target.
 * @typedef {{format: string, version: number, kind: string, lang: string, scene: string,
 *   description: string, theme: Theme, strings: Record<string, string>, ui: Record<string, string>,
 *   caption: CaptionPiece[], targetName: string, total: number, steps: number[], marks: number[],
 *   duration: number, hold: number, speeds: number[], aspect: number, xRange: number[],
 *   dataRange: number[], grid: B64, target: B64}} PageCommon
 */

/**
 * A runs player's data (runs_data): named runs side by side; the parameters (with a graph the page can
 * compute) or the drawn curves (float32, (runs, steps, curveNodes, grid)); losses (runs, steps); the
 * data panels' samples (runs, length) and the surface, when a panel draws them.
 * Each run's offNodes are the nodes it leaves out (a narrower net's row of a side-by-side scene); points
 * the user's data points ([x, y] pairs, drawn in the output panels), hasTarget false when trained on them
 * alone (the target is NaN).
 * @typedef {PageCommon & {runs: {label: string, divergedAt?: number | null, offNodes?: string[]}[],
 *   panels: Panel[], points?: number[][] | null, hasTarget?: boolean,
 *   layout: Layout, lossXlim: number[], lossYlim: number[], lossLinthresh: number, nodeNames: string[],
 *   lossPanel: boolean, graph: Graph | null,
 *   shape: {runs: number, steps: number, params: number, grid: number}, params: B64 | null,
 *   curveNodes: string[] | null, curves: B64 | null, trainLoss: B64, evalLoss: B64,
 *   data?: {x: B64, y: B64, length: number, color: number}, surface?: Surface,
 *   inspect?: Inspect | null}} RunsData
 */
/** What "Inspect this sample" needs (render/web/player_inspect.py): each run's label, samples, last
 * trained sample and rates, and each snapshot's sample's x and label (float64 (runs, steps, 2), NaN past a
 * run's end); absent where the page cannot regenerate them exactly.
 * @typedef {{runs: {label: string, samples: number, last: number, lr: number, lrs: number[]}[],
 *   xy: B64}} Inspect
 */

/**
 * A map sweep's map of inits (sweep.py): codes (zlib, uint8 (activations, steps, ny, nx): log-spaced loss
 * levels) and states (mode | fitted << 3), the cells' x and y, every init (float64, (cells, P)), final
 * loss and mode, diverging sample, the fitted share per activation and snapshot.
 * @typedef {{axes: string[], axisLabels: string[], codeLevels: number, codeRange: number[],
 *   dataSeed: number, divergedAt: B64, extent: number[], finalLoss: B64, finalMode: B64,
 *   fittedShare: B64, init: B64, loss: B64, state: B64, marks: Record<string, number[]>, nx: number,
 *   ny: number, xs: B64, ys: B64, target: string | null, trainPoints: number[][] | null,
 *   trains: boolean}} SweepMap
 */

/**
 * A sweep player's data (sweep_data): per activation and snapshot the loss histogram (int32, (A, S,
 * bins)), fitting modes (int32, (A, S, K)) and fitted share; the named runs (parameters or output
 * curves) and their groups; a map sweep's map.
 * @typedef {PageCommon & {type: string, title: string, activations: string[], count: number, edges: B64,
 *   hist: B64, histShape: number[], modes: string[], modeColors: string[], modeCounts: B64,
 *   modeFitted: B64, fitted: B64, evalLoss: B64, graph: Graph | null, params: B64 | null,
 *   outputCurves: B64 | null, shape: {runs: number, steps: number, params: number, grid: number},
 *   runs: {activation: string, label: string, sweepIndex: number | null}[],
 *   groups: {label: string, runs: number[], ylim: number[]}[], lr: number, lrs: number[],
 *   layout: SweepLayout, limits: {rate: Limits, hist?: Limits, modes?: Limits},
 *   limitRule: import("./limits.js").LimitRule,
 *   samples: number, threshold: number, targetLabel: string, rateLines: string[], map?: SweepMap,
 *   points: number[][] | null}} SweepData
 */

/** The function the labels come from: x² (the chapter's), or a·x + b (the adaline's).
 * @typedef {{kind: "square"} | {kind: "affine", a: number, b: number}} Target */

/**
 * A lab run's settings: initial values by name, the one rate (null when they differ) and the rate of
 * each parameter (update order), samples, activation, loss ("absolute" | "squared"), data seed.
 * @typedef {{init: Record<string, number>, lr: number | null, lrs: number[], samples: number,
 *   activation: string, loss: string, dataSeed: number, hidden?: number[] | null, target?: string | null,
 *   points?: number[][]}} Settings
 */

/**
 * A whole run's configuration for train.js, as render.record.runs.record_run takes it: `lrs` (one rate
 * per parameter, update order: Run.lr_for) replaces `lr`; steps, else every `every` samples and `marks`.
 * @typedef {{init: Record<string, number>, lr?: number, lrs?: ArrayLike<number>, samples: number,
 *   activation?: string, loss?: string, data_seed?: number, data_range?: number[], target?: Target,
 *   every?: number, marks?: number[], steps?: number[], engine?: string}} RunConfig
 */

/**
 * The lab's shipped init-basin map (lab_map.py): loss (float32) and mode (int8) per cell of a size x
 * size grid over `range` of the two `axes`, and the settings it was trained with.
 * @typedef {{activation: string, axes: string[], colors: string[], dataSeed: number, loss: B64,
 *   lossKind: string, lrs: number[], mode: B64, modes: string[], others: Record<string, number>,
 *   range: number[], samples: number, size: number, threshold: number}} LabMap
 */

/**
 * The lab's data (lab_data): the scene's graph, presets and defaults, the player's look and words, the
 * lab's own words (`lab`), the map, and what the command line can say (`command`).
 * @typedef {PageCommon & {activations: string[], losses: string[], captionTemplate: string,
 *   command: {activation: boolean, loss: boolean, lrs: number[] | null, scene: string},
 *   data: {color: number}, defaults: Settings, graph: Graph, lab: Record<string, string>,
 *   layout: Layout, limitRule: import("./limits.js").LimitRule,
 *   map?: LabMap, maxSamples: number, ownRates: boolean, panels: Panel[],
 *   presets: {init: Record<string, number>, label: string, lrs: number[], name: string,
 *   seed: number | null}[], sliderRange: number[], surface: Surface | null,
 *   targetSpec: Target | {kind: "expr", ast: any[]} | null,
 *   points?: number[][] | null, hasTarget?: boolean}} LabData
 */

/** The lab's data with what the page decodes once: grid and target values, the grid points in the
 * data range, the target's extremes.
 * @typedef {LabData & {gridValues?: Float64Array, targetValues?: Float64Array, inside?: number[],
 *   targetMin?: number, targetMax?: number}} LabPage */

/** Any page's data. @typedef {RunsData | SweepData | LabData} PageData */

export {};
