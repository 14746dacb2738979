"""Networks of several widths on one timeline (scenes/side_by_side.py): a row of width H in the graph of
the widest net trains bit for bit as an H-unit network from the same values, and lists its frozen units'
nodes as not drawn."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from render.record.runs import record_runs
from scenes import Run, get_scene
from scenes.network import Names
from scenes.side_by_side import frozen_units, widest_build, width_runs


def _small(name: str, samples: int = 400):
    return get_scene(name).with_overrides(samples=samples, every=50)


@pytest.mark.parametrize("activation", ["LeakyRelu", "Relu", "Tanh"])
def test_a_row_trains_as_the_narrower_network_bit_for_bit(activation):
    scene = _small("width").with_overrides(activation=activation)
    wide = record_runs(scene)
    top = max(int(r.label.split()[0]) for r in scene.runs)
    for r, run in enumerate(scene.runs):
        h = int(run.label.split()[0])
        init = wide.meta["runs"][r]["init"]
        names = Names((h,)).params()
        alone = dataclasses.replace(
            get_scene("fig8").with_overrides(samples=scene.runs[0].samples, every=50, activation=activation)
            .with_network(hidden=(h,)),
            runs=(Run(run.label, init={n: init[n] for n in names}, data_seed=run.data_seed,
                      samples=run.samples),), schedule=scene.schedule)
        narrow = record_runs(alone)
        cols = [wide.meta["params"].index(n) for n in names]
        assert np.array_equal(wide.params[r][:, cols], narrow.params[0]), h
        assert np.array_equal(wide.eval_loss[r], narrow.eval_loss[0]), h
        frozen = [wide.meta["params"].index(n) for n in frozen_units(h, top)]
        assert np.all(wide.params[r][:, frozen] == 0.0)


def test_frozen_units_are_listed_as_not_drawn_and_stay_frozen_under_lr():
    scene = _small("width").with_overrides(lr=0.05)
    snap = record_runs(scene)
    one = snap.meta["runs"][0]
    assert one["frozen"] == list(frozen_units(1, 8))
    assert set(one["off_nodes"]) == {f"{k}_{s}{j}" for j in range(2, 9)
                                     for k, s in (("mul", 1), ("add", 1), ("relu", 1), ("mul", 2))}
    assert "off_nodes" not in snap.meta["runs"][-1] and "frozen" not in snap.meta["runs"][-1]


def test_a_width_scene_refuses_hidden():
    with pytest.raises(ValueError, match="compares widths itself"):
        get_scene("width").with_network(hidden=(3,))


def test_width_runs_label_and_freeze_the_extra_units():
    runs = width_runs((1, 3), Run("", init_seed=2))
    assert [r.label for r in runs] == ["1 unit", "3 units"]
    assert runs[0].frozen == ("w_12", "b_12", "w_22", "w_13", "b_13", "w_23") and runs[1].frozen == ()
    assert widest_build((1, 3)).args == ((3,),)
