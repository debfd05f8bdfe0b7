"""Relative URLs between generated pages: the fast path gives what posixpath.relpath gives."""
from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from site_builder.publish.lang import relative_url

segment = st.sampled_from(["units", "reports", "en", "x", "dak-nong", "downloads", "index.html", "bc-2021.csv"])


def reference(root_path: str, here: str) -> str:
    out = posixpath.relpath("/" + root_path, "/" + here) if root_path else posixpath.relpath("/", "/" + here)
    if root_path.endswith("/") or root_path == "":
        out = out.rstrip("/") + "/"
    return "./" if out in ("./", "") else out


@given(target=st.lists(segment, max_size=4), folder=st.booleans(), here=st.lists(segment, max_size=4))
def test_relative_url_matches_posixpath(target: list[str], folder: bool, here: list[str]) -> None:
    root_path = "/".join(target) + ("/" if folder and target else "")
    base = "/".join(here) + ("/" if here else "")
    assert relative_url(root_path, base) == reference(root_path, base)


def test_known_links() -> None:
    assert relative_url("units/dak-nong/", "en/reports/x/") == "../../../units/dak-nong/"
    assert relative_url("downloads/a.csv", "") == "downloads/a.csv"
    assert relative_url("", "units/x/") == "../../"
    assert relative_url("units/", "units/") == "./"
