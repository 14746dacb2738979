/* network.js: the chapter's network as a family, in the page: scenes/network.py's names, graph and
 * colours, and scenes/network_panels.py's panels, so the lab can change the architecture without Python.
 *
 * networkGraph(hidden, activation, loss) is exactly render.record.net_snapshot.graph_meta of
 * scenes.network.build_network(hidden, activation, loss): the nodes in creation order (per layer its
 * Muls, then its Adds, then its activations; the loss last), the parameters in update order (layer by
 * layer, weights by unit then input, then biases). Names: one hidden layer of <= 9 units keeps the
 * tutorial's (w_11 … w_1H, mul_1j, add_1j, relu_1j, mul_2j, add_21); 10+ units in a layer, or 2+ layers,
 * separate every index with "_" (w_1_10, w_2_1_3, the output layer's w_{L+1}_i). networkPanels(...) is
 * network_panels(...).describe() for each panel. tests/test_lab_network.py compares both with Python.
 *
 * The lab's own limits are smaller than the command line's (32 units, 4 layers): 16 units, 3 layers.
 */

/** @typedef {import("./types.js").Graph} Graph */
/** @typedef {import("./types.js").GraphNode} GraphNode */
/**
 * A panel as scenes.panel.Panel.describe() gives it (the family's: curves, or the "sum" output panel).
 * @typedef {{title: string, title_zh: string, nodes: string[], colors: number[], target: boolean,
 *   kind?: string}} PanelDescription
 */

export const MAX_UNITS = 16;
export const MAX_LAYERS = 3;
/** the activations (ourdl.ops) and losses (their ops) of scenes/network.py */
export const ACTIVATIONS = ["LeakyRelu", "Relu", "Sigmoid", "Tanh", "Step"];
/** @type {Record<string, string>} */
export const LOSSES = { absolute: "ValueLoss", squared: "SquareLoss" };
/** the output's palette index (the chapter's green) */
export const OUTPUT_COLOR = 2;
/** panels a network draws at most (network_panels.MAX_PANELS) */
export const MAX_PANELS = 5;

/** The palette index of unit j (0-based) of any layer: 0, 1, then 3, 4, …, skipping the output's.
 * @param {number} j */
export const unitColor = (j) => (j < OUTPUT_COLOR ? j : j + 1);

/**
 * `hidden` checked against the lab's limits: a list of 1..MAX_LAYERS integers of 1..MAX_UNITS, or throws.
 * @param {unknown} hidden @returns {number[]}
 */
export function checkHidden(hidden) {
  if (!Array.isArray(hidden) || hidden.length < 1 || hidden.length > MAX_LAYERS) {
    throw new Error(`hidden: a list of 1 to ${MAX_LAYERS} widths (units per hidden layer), `
      + "e.g. [3] or [3, 3]");
  }
  for (const h of hidden) {
    if (!Number.isInteger(h) || h < 1 || h > MAX_UNITS) {
      throw new Error(`hidden: a layer of ${String(h)} units; give 1 to ${MAX_UNITS} units a layer`);
    }
  }
  return hidden.slice();
}

/** Every name of one network, by layer (scenes.network.Names). */
class Names {
  /** @param {number[]} hidden */
  constructor(hidden) {
    this.hidden = hidden;
    this.separated = hidden.length > 1 || Math.max(...hidden) >= 10;
    this.outLayer = hidden.length + 1;
  }

  /** @param {string} kind @param {number} layer @param {number[]} index */
  name(kind, layer, ...index) {
    return this.separated ? [kind, layer, ...index].join("_") : `${kind}_${layer}${index.join("")}`;
  }

  /** Layer `layer`'s weights in update order (by unit j, then its input i). @param {number} layer */
  weights(layer) {
    const out = [], h = this.hidden;
    if (layer === this.outLayer) {
      for (let i = 1; i <= h[h.length - 1]; i++) out.push(this.name("w", layer, i));
    } else if (layer === 1) {
      for (let j = 1; j <= h[0]; j++) out.push(this.name("w", 1, j));
    } else {
      for (let j = 1; j <= h[layer - 1]; j++) {
        for (let i = 1; i <= h[layer - 2]; i++) out.push(this.name("w", layer, j, i));
      }
    }
    return out;
  }

  /** @param {number} layer */
  muls(layer) { return this.weights(layer).map((w) => "mul" + w.slice(1)); }

  /** @param {number} layer */
  biases(layer) {
    const units = layer === this.outLayer ? 1 : this.hidden[layer - 1], out = [];
    for (let j = 1; j <= units; j++) out.push(this.name("b", layer, j));
    return out;
  }

  /** @param {number} layer */
  adds(layer) { return this.biases(layer).map((b) => "add" + b.slice(1)); }

  /** @param {number} layer */
  acts(layer) { return this.biases(layer).map((b) => "relu" + b.slice(1)); }

  get output() { return this.adds(this.outLayer)[0]; }

  params() {
    const out = [];
    for (let layer = 1; layer <= this.outLayer; layer++) {
      out.push(...this.weights(layer), ...this.biases(layer));
    }
    return out;
  }
}

/**
 * Every parameter of the network `hidden`, in update order.
 * @param {number[]} hidden @returns {string[]}
 */
export const paramNames = (hidden) => new Names(checkHidden(hidden)).params();

/**
 * The graph meta of build_network(hidden, activation, loss) (see the header).
 * @param {number[]} hidden @param {string} [activation] @param {string} [loss] @returns {Graph}
 */
export function networkGraph(hidden, activation = "LeakyRelu", loss = "absolute") {
  hidden = checkHidden(hidden);
  if (!ACTIVATIONS.includes(activation)) {
    throw new Error(`unknown activation ${String(activation)} (choose from ${ACTIVATIONS.join(", ")})`);
  }
  if (!Object.prototype.hasOwnProperty.call(LOSSES, loss)) {
    throw new Error(`unknown loss ${String(loss)} (choose from ${Object.keys(LOSSES).join(", ")})`);
  }
  const names = new Names(hidden);
  /** @type {GraphNode[]} */
  const nodes = [];
  let inputs = ["x"];  // the previous layer's activations
  for (let layer = 1; layer <= names.outLayer; layer++) {
    const ws = names.weights(layer), muls = names.muls(layer), bs = names.biases(layer);
    const adds = names.adds(layer), fanIn = inputs.length, perUnit = ws.length / bs.length;
    ws.forEach((w, k) => nodes.push({ name: muls[k], kind: "Mul", parents: [inputs[k % fanIn], w] }));
    adds.forEach((a, j) => nodes.push({
      name: a, kind: "Add", parents: [...muls.slice(j * perUnit, (j + 1) * perUnit), bs[j]],
    }));
    if (layer < names.outLayer) {
      const acts = names.acts(layer);
      acts.forEach((n, j) => nodes.push({ name: n, kind: activation, parents: [adds[j]] }));
      inputs = acts;
    }
  }
  nodes.push({ name: "loss", kind: LOSSES[loss], parents: ["label", names.output] });
  return { nodes, params: names.params(), input: "x", output: names.output, label: "label", loss: "loss" };
}

/** @param {number} count */
const colors = (count) => Array.from({ length: count }, (_, j) => unitColor(j));

/**
 * network_panels(hidden, targetName, points, targetNameZh) described, panel by panel (see
 * scenes/network_panels.py: past MAX_PANELS the deeper layers' pre-activations go first, then layer 1's,
 * then the contributions' own panel).
 * @param {number[]} hidden @param {string} targetName @param {string | null} [targetNameZh]
 * @param {boolean} [points] @returns {PanelDescription[]}
 */
export function networkPanels(hidden, targetName, targetNameZh = null, points = false) {
  hidden = checkHidden(hidden);
  const names = new Names(hidden), deep = hidden.length > 1, L = hidden.length;
  /** @param {string} title @param {string} zh @param {string[]} nodes @returns {PanelDescription} */
  const panel = (title, zh, nodes) => ({
    title, title_zh: zh, nodes, colors: colors(nodes.length), target: false,
  });
  /** @type {Record<number, PanelDescription>} */
  const pre = {}, act = {};
  for (let layer = 1; layer <= L; layer++) {
    const adds = names.adds(layer), acts = names.acts(layer);
    let preT, actT;
    if (deep) {
      const a = layer === 1 ? "x" : "a";
      preT = [`layer ${layer}: w·${a} + b`, `第 ${layer} 层线性变换 w·${a} + b`];
      actT = [`layer ${layer}: act(w·${a} + b)`, `第 ${layer} 层激活 act(·)`];
    } else {
      preT = ["hidden linear: w·x + b", "隐藏层线性变换 w·x + b"];
      actT = ["activations: act(w·x + b)", "激活 act(w·x + b)"];
    }
    pre[layer] = panel(preT[0], preT[1], adds);
    act[layer] = panel(actT[0], actT[1], acts);
  }
  const parts = names.muls(names.outLayer), w = names.outLayer === 2 ? "w₂" : "w";
  const weighted = panel(`weighted activations: ${w}·act(·)`, `加权激活 ${w}·act(·)`, parts);
  const zh = targetNameZh || targetName;
  /** @type {PanelDescription} */
  const total = {
    title: `output = Σ + b vs ${targetName}`, title_zh: `输出 = Σ + b 与 ${zh}`, nodes: [...parts, names.output],
    colors: [...colors(parts.length), OUTPUT_COLOR], target: !points, kind: "sum",
  };
  const dropped = new Set();
  const order = [];
  for (let layer = L; layer >= 1; layer--) order.push(`pre ${layer}`);
  order.push("weighted");
  for (const key of order) {
    if (2 * L + 2 - dropped.size <= MAX_PANELS) break;
    dropped.add(key);
  }
  const out = [];
  for (let layer = 1; layer <= L; layer++) {
    if (!dropped.has(`pre ${layer}`)) out.push(pre[layer]);
    out.push(act[layer]);
  }
  if (!dropped.has("weighted")) out.push(weighted);
  out.push(total);
  return out;
}
