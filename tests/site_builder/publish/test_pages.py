"""What pages.py hands the theme: the page's <title> holds the site's name once."""
from __future__ import annotations

import pytest

from site_builder.publish import i18n
from site_builder.publish.engine import SiteAddress
from site_builder.publish.lang import Lang
from site_builder.publish.pages import html_title, theme_values


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_the_site_name_stands_once_in_every_title(lang: i18n.Lang) -> None:
    name = i18n.SITE_NAME[lang]
    assert html_title(Lang(lang, "index.md"), i18n.TAGLINE[lang]) == name  # the home page's heading is the name's second half
    assert html_title(Lang(lang, "datasets/index.md"), "Dữ liệu") == f"Dữ liệu - {name}"
    values = theme_values(Lang(lang, "units/a.md"), "Huyện &lt;A&gt;", "", SiteAddress(None, ""), "x.png")
    assert values["html_title"] == f"Huyện &lt;A&gt; - {name}"  # escaped once, by front_matter
    assert name.count(i18n.BRAND) == 1 and i18n.BRAND not in i18n.TAGLINE[lang]
