"""Charts as a reader sees them (issue 20), in both languages at 360 and 1280 px: every text of
every chart inside its canvas, at least 11 px as rendered, no two texts on top of each other;
the image as wide as its column and as tall as its SVG; the PNG and SVG downloads framed with
title and source; the embed page; the share link."""
from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

import pytest

from site_builder.publish import i18n
from site_builder.publish.charts import ChartSpec, Panel, Series, draw

pytestmark = pytest.mark.browser

ROOTS = {"vi": "", "en": "en/"}
WIDTHS = (360, 1280)
MIN_PX = 11

MEASURE = """() => {
  const svg = document.querySelector('svg');
  const box = svg.getBoundingClientRect();
  const texts = [];
  for (const t of svg.querySelectorAll('text')) {
    if (getComputedStyle(t).display === 'none' || !t.getClientRects().length) continue;
    const r = t.getBoundingClientRect();
    texts.push({text: t.textContent, left: r.left - box.left, right: r.right - box.left, top: r.top - box.top,
                bottom: r.bottom - box.top, px: parseFloat(getComputedStyle(t).fontSize)});
  }
  return {width: box.width, height: box.height, scroll: document.documentElement.scrollWidth, texts};
}"""


def _check_texts(found: dict[str, Any], where: str) -> int:
    """Every visible text inside the canvas, readable, and clear of every other."""
    texts = found["texts"]
    assert texts, where
    for t in texts:
        assert t["px"] >= MIN_PX, (where, t)
        assert t["left"] >= -0.5 and t["right"] <= found["width"] + 0.5, (where, t)
        assert t["top"] >= -0.5 and t["bottom"] <= found["height"] + 0.5, (where, t)
    for i, a in enumerate(texts):
        for b in texts[i + 1:]:
            overlap_x = min(a["right"], b["right"]) - max(a["left"], b["left"])
            overlap_y = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            assert overlap_x <= 1 or overlap_y <= 2, (where, a, b)
    return len(texts)


def _chart_pages(site: Path) -> list[str]:
    """Every page of the shipped site that shows a chart, as paths under a language's root."""
    pages = []
    for html in sorted(site.glob("units/*/index.html")) + sorted(site.glob("indicators/*/index.html")):
        if 'class="mb-chart"' in html.read_text(encoding="utf-8"):
            pages.append(str(html.parent.relative_to(site)) + "/")
    return pages


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_chart_is_readable_and_inside_its_canvas(lang: str, width: int, shipped_site: Path, site_url: str, new_page: Any) -> None:
    pages = _chart_pages(shipped_site)
    assert pages
    page = new_page(width=width)
    chart = new_page(width=width)
    measured = 0
    for path in pages:
        page.goto(f"{site_url}{ROOTS[lang]}{path}")
        imgs = page.evaluate("""() => [...document.querySelectorAll('figure.mb-chart img')].map(i => {
            const r = i.getBoundingClientRect(); return {src: i.src, width: r.width, height: r.height, attr: +i.getAttribute('height')}; })""")
        assert imgs, path
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        for img in imgs:
            # as wide as the column on a phone, never wider than the page; exactly as tall as the SVG
            assert 280 <= img["width"] <= width and abs(img["height"] - img["attr"]) < 0.5, img
            chart.set_viewport_size({"width": round(img["width"]), "height": 900})
            chart.goto(img["src"])
            found = chart.evaluate(MEASURE)
            assert abs(found["height"] - img["attr"]) < 0.5 and found["scroll"] <= round(img["width"]), img
            measured += _check_texts(found, f"{img['src']} at {img['width']:.0f} px")
    assert measured > 100 and page.mb_errors == []


@pytest.mark.parametrize("width", [300, 360, 720, 1000])
def test_compared_units_and_many_periods_fit_any_width(width: int, new_page: Any) -> None:
    """The shipped documents have no two units to compare and no long series: generated charts
    of both, measured at the narrowest and widest widths the site shows."""
    names = ("Văn phòng HĐND và UBND huyện Tuy Phong (bộ phận một cửa liên thông)", "Xã Hàm Thuận Bắc", "Phường Đức Long", "Thị trấn Liên Hương")
    compared = ChartSpec("indicator--x--commune", "vi", "Tỷ lệ", "Các đơn vị cấp Xã, Năm 2023", "Nguồn: Báo cáo 1/BC-UBND.",
                         (Panel("hbar", "percent", names, ("a", "b", "c", "d"), (Series("Tỷ lệ", (100.0, 98.7, 61.25, 0.4)),)),))
    quarters = tuple(f"Q{q}/{y}" for y in range(2019, 2026) for q in range(1, 5))
    long = ChartSpec("unit--x--dossiers", "en", "Dossiers", "X, quarterly", "", (
        Panel("bar", "count", quarters, quarters, (Series("Dossiers received", tuple(float(12000 + 937 * i) for i in range(28))),
                                                   Series("Dossiers resolved", tuple(float(11500 + 901 * i) for i in range(28))))),
        Panel("line", "percent", quarters, quarters, (Series("Share late", tuple(0.1 + (i % 5) / 10 for i in range(28))),),
              (("Target ≤ 0.5% (every year)", 0.5),)),
    ))
    page = new_page(width=width)
    for spec in (compared, long):
        page.set_content(f"<!doctype html><body style='margin:0'>{draw(spec).decode()}</body>")
        _check_texts(page.evaluate(MEASURE), f"{spec.key} at {width}")


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_png_and_svg_downloads_carry_title_and_source(lang: str, site_url: str, new_page: Any, tmp_path: Path) -> None:
    page = new_page(width=360)
    page.goto(f"{site_url}{ROOTS[lang]}units/tuy-phong/")
    fig = page.locator("figure.mb-chart").first
    title = fig.locator(".mb-chart__title").inner_text()
    source = fig.locator(".mb-chart__source").inner_text()
    with page.expect_download() as got:
        fig.locator("button.mb-chart__png").click()
    png = Path(got.value.path()).read_bytes()
    width, height = _png_size(png)
    assert width == 1440 and height > 600  # 720 px framed, drawn at twice the size
    assert got.value.suggested_filename == f"unit--tuy-phong--dossiers.{lang}.png"
    with page.expect_download() as got:
        fig.locator("a.mb-chart__svg").click()
    svg = Path(got.value.path()).read_text(encoding="utf-8")
    assert svg.startswith("<svg") and title.split(" — ")[0] in svg and source.split(":")[0] in svg
    assert page.mb_errors == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_embed_page_and_share_link(lang: str, site_url: str, new_page: Any) -> None:
    page = new_page(width=1280)
    page.goto(f"{site_url}{ROOTS[lang]}units/tuy-phong/")
    fig = page.locator("figure.mb-chart").first
    fig_id = fig.get_attribute("id")
    title = fig.locator(".mb-chart__title").inner_text()
    fig.locator(".mb-chart__embed").click()
    code = fig.locator(".mb-chart__embedcode textarea").input_value()
    assert code.startswith(f'<iframe src="{site_url}charts/embed.html?id=unit--tuy-phong--dossiers.{lang}"')
    fig.locator(".mb-chart__share").click()
    page.wait_for_function("document.querySelector('figure.mb-chart .mb-chart__tools output').textContent.includes('#chart-')")
    assert fig.locator(".mb-chart__tools output").inner_text().endswith(f"#{fig_id}")
    assert i18n.t("chart.copied", lang) in fig.locator(".mb-chart__tools output").inner_text()

    embed = new_page(width=360)
    embed.goto(f"{site_url}charts/embed.html?id=unit--tuy-phong--dossiers.{lang}")
    embed.wait_for_function("document.getElementById('page').href.includes('#chart-')")
    assert embed.locator("h1").inner_text() == title
    assert embed.locator("#source").inner_text() == fig.locator(".mb-chart__source").inner_text()
    assert embed.evaluate("document.getElementById('chart').naturalHeight") > 0
    assert embed.evaluate("document.documentElement.lang") == lang
    embed.locator("#page").click()
    embed.wait_for_load_state()
    assert embed.url.endswith(f"{ROOTS[lang]}units/tuy-phong/#{fig_id}") and embed.locator(f"#{fig_id}").count() == 1
    embed.goto(f"{site_url}charts/embed.html?id=../../etc/passwd")
    assert embed.locator("h1").inner_text() == i18n.t("chart.not_found", "vi")
    assert page.mb_errors == [] and embed.mb_errors == []
