"""Two small scenes of your own, guarded in CI (see scene-checks.yml beside this file).

`render check my_scenes.py --goldens goldens` re-records every scene in this file in the golden
configuration and compares it with `goldens/NAME.npz`; after an intended change,
`render check my_scenes.py --goldens goldens --update` rewrites them (commit the .npz files).
test_my_scenes.py does the same from pytest with the `scene_regression` fixture.

Scenes meant for CI are small: a few hundred samples train in milliseconds.
"""

from __future__ import annotations

from scenes import Run, Scene, Schedule
from scenes.chapter import FIG7, FIG8, PANELS, build

fig8_short = Scene(
    name="fig8_short",
    description="The chapter's network from Fig 8's initialisation, the first 400 samples.",
    build=build,  # the chapter's graph; a file of your own may build any ourdl graph (examples/tanh_net.py)
    runs=(Run("Fig 8", init=FIG8, data_seed=0, samples=400, lr=0.01),),
    panels=PANELS,
    schedule=Schedule("linear", every=20),
)

two_inits = Scene(
    name="two_inits",
    description="Fig 7 and Fig 8 side by side, LeakyRelu, a short run.",
    build=build,
    runs=(Run("Fig 7", init=FIG7, data_seed=0, samples=400),
          Run("Fig 8", init=FIG8, data_seed=0, samples=400)),
    panels=PANELS,
    schedule=Schedule("linear", every=20),
)
