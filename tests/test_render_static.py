from __future__ import annotations

import pytest
from PIL import Image

from geo.errors import InputError
from geo.render.static import add_legend, new_figure, save_figure

SYRIA = (35.6, 32.3, 42.4, 37.4)


@pytest.fixture(scope="module")
def fig():
    fig, ax = new_figure(SYRIA, title="IDPs $5", subtitle="s", source="OCHA", as_of="2026-01-15", created="2026-01-20")
    add_legend(ax, [{"color": "#fee", "label": "0 – 5"}, {"color": "#ccc", "label": "No data", "shape": "nodata"}])
    return fig


def test_png_at_least_150_dpi(fig, tmp_path):
    save_figure(fig, tmp_path / "m.png")
    with Image.open(tmp_path / "m.png") as img:
        assert img.info["dpi"][0] >= 150
        assert img.size[0] >= 8 * 150


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_static_files_are_reproducible(fig, tmp_path, suffix):
    save_figure(fig, tmp_path / f"a{suffix}")
    save_figure(fig, tmp_path / f"b{suffix}")
    a = (tmp_path / f"a{suffix}").read_bytes()
    assert len(a) > 1000 and a == (tmp_path / f"b{suffix}").read_bytes()


def test_unknown_format(fig, tmp_path):
    with pytest.raises(InputError, match=".png, .svg or .pdf"):
        save_figure(fig, tmp_path / "m.gif")
