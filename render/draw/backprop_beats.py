"""The beats of the backprop animation: one per node as ourdl reaches it, in the step's own orders.

Forward: the sample enters, then each node of `forward`; backward: each node of `backward`; update: each
parameter of `order`; then one beat with the whole step. A run of nodes a fold box hides (consecutive in
the order, as the family computes a unit's nodes together) is one beat on the box.
"""

from __future__ import annotations

from dataclasses import dataclass

PHASES = ("forward", "backward", "update")


@dataclass(frozen=True)
class Beat:
    phase: str  # forward, backward, update (the last beat, "done", is in update)
    kind: str  # enter, node, fold, done
    name: str  # the node or fold box shown; "" for enter and done
    fwd: int  # how many of step["forward"] are computed by the end of this beat
    bwd: int  # of step["backward"]
    upd: int  # of step["order"]
    first: int = 0  # the first index (in this phase's order) of the nodes this beat shows


def beats(step: dict, into: dict[str, str]) -> list[Beat]:
    """The beats of `step` (a `render.record.backprop.backprop_step` dict); `into` maps hidden nodes to
    their fold box (`render.draw.graph_layout.fold_units`)."""
    out = [Beat("forward", "enter", "", 0, 0, 0)]
    phases = (("forward", step["forward"]), ("backward", step["backward"]), ("update", step["order"]))
    done = {"forward": 0, "backward": 0, "update": 0}
    for phase, names in phases:
        for i, name in enumerate(names):
            box = into.get(name)
            done[phase] = i + 1
            counts = (done["forward"], done["backward"], done["update"])
            last = out[-1]
            if box is not None and last.kind == "fold" and last.name == box and last.phase == phase:
                out[-1] = Beat(phase, "fold", box, *counts, first=last.first)
            else:
                out.append(Beat(phase, "fold" if box else "node", box or name, *counts, first=i))
    out.append(Beat("update", "done", "", len(step["forward"]), len(step["backward"]), len(step["order"])))
    return out
