"""Statistics of sweeps, said once: success rates with Wilson score intervals, and their text form."""

from __future__ import annotations

import numpy as np

#: the normal quantile of a two-sided 95% interval
Z95 = 1.959963984540054


def wilson_interval(p, n: int, z: float = Z95):
    """Wilson score interval around observed proportion(s) `p` of `n` trials (works on arrays)."""
    denom = 1 + z * z / n
    center = (p + z * z / (2 * n)) / denom
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return center - half, center + half


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for a proportion k/n (95% by default), clipped to [0, 1]."""
    if n == 0:
        return (0.0, 1.0)
    lo, hi = wilson_interval(k / n, n, z)
    return (max(0.0, float(lo)), min(1.0, float(hi)))


def rate(k: int, n: int) -> dict:
    """k fitted of n, as the snapshot metadata records it: rate and failure rate with their 95% CIs."""
    lo, hi = wilson(k, n)
    return {"fitted": k, "runs": n, "rate": k / n if n else float("nan"), "ci95": [lo, hi],
            "failure_rate": 1 - k / n if n else float("nan"), "failure_ci95": [1 - hi, 1 - lo]}


def format_rates(meta: dict) -> str:
    """The success rates of a sweep snapshot's metadata as a few lines of text ('' for other kinds)."""
    if meta.get("kind") == "width_sweep":
        return format_width_rates(meta)
    sweep = meta.get("sweep") if meta.get("kind") == "sweep" else None
    if not sweep:
        return ""

    def pct(v: float) -> str:
        return f"{100 * v:.1f}%"

    inits = sweep["inits"]
    lines = [f"{meta['scene']}: {sweep['count']} {inits['text']}, {sweep['samples']} samples at lr "
             f"{sweep['lr']:g}; fitted = {sweep['fitted_rule']}"]
    width = max(len(a) for a in sweep["activations"])
    for label, rates in [("", sweep["rates"])] + [(f" at {k}", v) for k, v in sweep["rates_at"].items()]:
        for act in sweep["activations"]:
            r = rates[act]
            modes = ", ".join(f"{m} {r['modes'][m]}" for m in sweep["modes"] if r["modes"].get(m))
            lines.append(f"  {act:<{width}}{label}: fitted {r['fitted']}/{r['runs']} = {pct(r['rate'])} "
                         f"(95% CI {pct(r['ci95'][0])}–{pct(r['ci95'][1])}), failed "
                         f"{pct(r['failure_rate'])} (95% CI {pct(r['failure_ci95'][0])}–"
                         f"{pct(r['failure_ci95'][1])})" + ("" if label else f"; modes: {modes}"))
    if "paired" in sweep:
        a0, a1 = sweep["activations"][:2]  # the file's JSON keys are sorted: put them back in order
        order = ["both", f"only {a0}", f"only {a1}", "neither"]
        lines.append("  same init: " + ", ".join(f"{k} {sweep['paired'][k]}" for k in order))
    return "\n".join(lines)


def format_width_rates(meta: dict) -> str:
    """A width sweep's failure rates per activation and width, with their causes, beside the closed form."""
    info = meta["width_sweep"]
    lines = [f"{meta['scene']}: {info['count']} {info['inits']['text']} per width, {info['samples']} samples "
             f"at lr {info['lr']:g}; fitted = {info['fitted_rule']}",
             f"  inits with every unit dead, expected (count·p^H, p = {info['dead_unit_p']:g}) / measured: "
             + ", ".join(f"H={w} {q * info['count']:.3g} / {k}"
                         for w, q, k in zip(info["widths"], info["all_dead_p"], info["dead_at_init"]))]
    width = max(len(a) for a in info["activations"])
    for act in info["activations"]:
        for w, r in zip(info["widths"], info["rates"][act]):
            causes = ", ".join(f"{c} {r['causes'][c]}" for c in info["causes"] if r["causes"].get(c))
            lines.append(f"  {act:<{width}} H={w:<2}: failed {r['runs'] - r['fitted']}/{r['runs']} = "
                         f"{100 * r['failure_rate']:.1f}% (95% CI {100 * r['failure_ci95'][0]:.1f}%–"
                         f"{100 * r['failure_ci95'][1]:.1f}%)" + (f": {causes}" if causes else ""))
    return "\n".join(lines)
