"""The same scenes checked from pytest: `pytest` compares, `pytest --regen-scenes` rewrites.

The `scene_regression` fixture comes with the package (a pytest plugin, no conftest needed). Each test's
golden is goldens/<test name>.npz beside this file; on a difference the test fails with the first
differing run, node or parameter and step, and a picture of the change next to the golden.
"""

from pathlib import Path

from scenes import get_scene

HERE = Path(__file__).parent


def test_fig8_short(scene_regression):
    scene_regression.check("my_scenes.py:fig8_short")  # found beside this test file


def test_two_inits_with_relu(scene_regression):
    """A variation made in the test (plain Relu hidden units) gets a golden of its own."""
    scene = get_scene(f"{HERE / 'my_scenes.py'}:two_inits").with_overrides(activation="Relu")
    scene_regression.check(scene, rtol=1e-9)  # the tolerance, per call
