"""Points from a CSV (`--data`, scenes/points.py): what is read, what is refused, which point a sample is."""

from __future__ import annotations

import numpy as np
import pytest

import scenes.points as points_module
from scenes.points import SHOWN, Points, padded, read_points


def write(tmp_path, text, name="p.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


@pytest.mark.parametrize("text, expected", [
    ("0,1\n2,3\n", [[0, 1], [2, 3]]),
    ("x,y\n0,1\n2,3\n", [[0, 1], [2, 3]]),  # a header line
    ("\n\nx, y\n 0.5 , -1e-3 \n\n2,3\n\n", [[0.5, -1e-3], [2, 3]]),  # blank lines, spaces
    ('"x","y"\n"1.5","2"\r\n', [[1.5, 2]]),  # quoted cells, CRLF
    ("\ufeffx,y\n.5,+2.\n", [[0.5, 2]]),  # a BOM (Excel's UTF-8)
])
def test_accepted(tmp_path, text, expected):
    assert read_points(write(tmp_path, text)).tolist() == expected


@pytest.mark.parametrize("text, words", [
    ("", "holds no points"),
    ("\n\n", "holds no points"),
    ("x,y\n", "holds no points: its one line, 'x,y', is not two numbers"),
    ("0,1_000\n", "its one line, '0,1_000', is not two numbers"),
    ("1\n2\n", "line 1 has 1 column; give two"),
    ("0,1,2\n", "line 1 has 3 columns"),
    ("0,1\n1,abc\n", "line 2: 'abc' is not a number"),
    ("x,y\na,b\n", "line 2: 'a' is not a number"),  # one header line only
    ("0,nan\n", "line 1: '0,nan' is NaN or infinite"),
    ("0,1\n-inf,2\n", "is NaN or infinite"),
    ("0,1e999\n", "too large"),
    ("0,1\n0x10,2\n", "'0x10' is not a number"),
    ("0,1\n0,1_000\n", "line 2: '1_000' is not a number"),
    ("0,1\n0,١٢\n", "is not a number"),
    ("0," + "9" * 200_000 + "\n", "not a CSV file of two columns"),
])
def test_refused_with_one_line_naming_the_file(tmp_path, text, words):
    path = write(tmp_path, text)
    with pytest.raises(ValueError) as e:
        read_points(path)
    message = str(e.value)
    assert message.startswith(str(path)) and words in message and "\n" not in message, message


def test_missing_folder_binary_and_too_many(tmp_path, monkeypatch):
    for path, words in [(tmp_path / "nope.csv", "no such file"), (tmp_path, "is a folder"),
                        (write(tmp_path, b"PK\x03\x04\xff\xfe\x00", "z.csv"), "not a text CSV file")]:
        with pytest.raises(ValueError, match=words):
            read_points(path)
    monkeypatch.setattr(points_module, "MAX_ROWS", 3)
    assert read_points(write(tmp_path, "0,0\n1,1\n2,2\n")).shape == (3, 2)
    with pytest.raises(ValueError, match="more than 3 points"):
        read_points(write(tmp_path, "0,0\n1,1\n2,2\n3,3\n"))


def test_a_million_rows_are_the_limit():
    assert points_module.MAX_ROWS == 1_000_000


def test_sample_i_is_point_floor_u_n():
    xy = np.column_stack([np.arange(7.0), np.arange(7.0) * 10])
    pts = Points(xy, "p.csv")
    u = np.array([0.0, 0.1428, 0.1429, 0.5, 0.999999, 1.0])
    xs, ys = pts.pick(u)
    assert xs.tolist() == [0, 0, 1, 3, 6, 6] and ys.tolist() == [0, 0, 10, 30, 60, 60]  # 1.0 clipped to n - 1


def test_the_points_shown_are_all_or_spread_evenly():
    few = Points(np.zeros((SHOWN, 2)))
    assert few.shown() is few.xy
    many = Points(np.column_stack([np.arange(10 * SHOWN + 3.0), np.zeros(10 * SHOWN + 3)]))
    shown = many.shown()
    assert shown.shape == (SHOWN, 2) and shown[0, 0] == 0 and shown[-1, 0] == 10 * SHOWN + 2
    assert Points(np.array([[1.0, 0.0], [1.0, 2.0]])).x_span() == (0.5, 1.5)


def test_padded_ranges():
    assert padded((0.0, 2.0)) == (-0.5, 2.5)
    assert padded((-10.0, 10.0)) == (-15.0, 15.0)
    assert padded((0.13, 7.9)) == (-2.0, 10.0)
