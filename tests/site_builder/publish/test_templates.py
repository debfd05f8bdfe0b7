"""Templates only present; Python computes.

Zensical, Material's successor, renders theme templates with MiniJinja, which has no Python
methods on values: `base_url.rstrip("/")` stops it with "unknown method". So the theme overrides
(templates/overrides) print values that site_builder/publish computes (the page's front matter
`mb`, the configuration's `extra.mb`), and the page templates (templates/pages) call methods only
on the `L` helper and macros. Two checks hold them to it: a walk of every template's syntax tree
(method calls, and string slicing in the overrides), and the overrides rendered by MiniJinja itself
with stand-ins for Material's own templates, in both languages, with and without page meta.
"""
from __future__ import annotations

import re
import unicodedata
from urllib.parse import urljoin
from pathlib import Path
from typing import Any, Callable

import minijinja
import pytest
from jinja2 import Environment, nodes
from markupsafe import Markup
from mkdocs.utils.meta import get_data

from site_builder.publish import i18n
from site_builder.publish.engine import SiteAddress, mkdocs_config, site_address
from tests.site_builder.publish.mkdocs_yml import mkdocs_yml
from site_builder.publish.lang import Lang
from site_builder.publish.pages import front_matter, social_image

ROOT = Path(__file__).resolve().parents[3]
TEMPLATES = ROOT / "templates"
OVERRIDES = TEMPLATES / "overrides"
PAGES = TEMPLATES / "pages"

# Material's base.html imports partials/language.html as `lang`: lang.t() is a macro of that
# template, which the overrides (included from base.html, or extending it) call.
THEME_IMPORTS = frozenset({"lang"})


# --------------------------------------------------------------------------- the syntax-tree check


def _expr(node: nodes.Node) -> str:
    """An expression as it reads in the template, enough to find it."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_expr(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        return f"{_expr(node.node)}[…]"
    if isinstance(node, nodes.Call):
        return f"{_expr(node.node)}(…)"
    if isinstance(node, nodes.Const):
        return repr(node.value)
    return type(node).__name__


def template_problems(source: str, name: str, page_template: bool) -> list[str]:
    """Where a template computes: `name:line: what` for every call of a method on a value (and, in
    the theme overrides, every slice).

    Allowed calls: macros defined in the template or imported by {% import %} / {% from … import %},
    super(), caller(), L.<method> in page templates (the presentation helper, publish.lang.Lang),
    and Material's lang.t() in the overrides. Filters and tests are no calls.
    """
    tree = Environment().parse(source, name=name)
    macros = {m.name for m in tree.find_all(nodes.Macro)}
    modules = {i.target for i in tree.find_all(nodes.Import)} | ({"L"} if page_template else set(THEME_IMPORTS))
    names = macros | {"super", "caller"}
    for imp in tree.find_all(nodes.FromImport):
        names |= {n if isinstance(n, str) else n[1] for n in imp.names}
    problems: list[tuple[int, str]] = []
    for call in tree.find_all(nodes.Call):
        callee = call.node
        if isinstance(callee, nodes.Name) and callee.name in names:
            continue
        if isinstance(callee, nodes.Getattr) and isinstance(callee.node, nodes.Name) and callee.node.name in modules:
            continue
        problems.append((call.lineno, f"{name}:{call.lineno}: {_expr(call)} calls a method on a value"))
    if not page_template:
        for item in tree.find_all(nodes.Getitem):
            if isinstance(item.arg, nodes.Slice):
                problems.append((item.lineno, f"{name}:{item.lineno}: {_expr(item.node)}[…:…] slices a value"))
    return [text for _, text in sorted(problems, key=lambda p: p[0])]


def templates() -> list[tuple[Path, bool]]:
    return [(p, False) for p in sorted(OVERRIDES.rglob("*.html"))] + [(p, True) for p in sorted(PAGES.glob("*.j2"))]


def test_every_template_is_found() -> None:
    found = {p.relative_to(TEMPLATES).as_posix() for p, _ in templates()}
    assert {"overrides/main.html", "overrides/404.html", "overrides/partials/search.html", "pages/_macros.j2", "pages/changelog.md.j2"} <= found
    assert len(found) == len(list(OVERRIDES.rglob("*"))) - len([d for d in OVERRIDES.rglob("*") if d.is_dir()]) + len(list(PAGES.glob("*.j2")))


def test_templates_call_no_method_on_a_value() -> None:
    problems = [problem for path, page in templates()
                for problem in template_problems(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix(), page)]
    assert not problems, "compute these in site_builder/publish and pass the values:\n" + "\n".join(problems)


@pytest.mark.parametrize("source,page,expected", [
    # what the overrides used to compute
    ('{% extends "base.html" %}\n{% set root = base_url.rstrip("/") %}', False, ["bad.html:2: base_url.rstrip(…) calls a method on a value"]),
    ('{% if src.startswith("units/") %}\n{% set image = src[6:-3] %}{% endif %}', False,
     ["bad.html:1: src.startswith(…) calls a method on a value", "bad.html:2: src[…:…] slices a value"]),
    ('{% set site_root = config.site_url if config.site_url.endswith("/") else config.site_url ~ "/" %}', False,
     ["bad.html:1: config.site_url.endswith(…) calls a method on a value"]),
    ('{{ L.t("home") }}', False, ["bad.html:1: L.t(…) calls a method on a value"]),  # L exists only for page templates
    # what the page templates used to compute
    ('{% for u in corpus.children(parent) %}{{ u }}{% endfor %}', True, ["bad.html:1: corpus.children(…) calls a method on a value"]),
    ("{% for k, v in corpus.units.items() %}\n\n{{ meta.licence.get('path', '') }}{% endfor %}", True,
     ["bad.html:1: corpus.units.items(…) calls a method on a value", "bad.html:3: meta.licence.get(…) calls a method on a value"]),
    ("<pre>{{ meta.bibtex() }}</pre>{{ rel.of(kind)|length }}", True,
     ["bad.html:1: meta.bibtex(…) calls a method on a value", "bad.html:1: rel.of(…) calls a method on a value"]),
    ('{{ range(3)|list }}', True, ["bad.html:1: range(…) calls a method on a value"]),
])
def test_a_method_call_is_reported_with_its_file_and_line(source: str, page: bool, expected: list[str]) -> None:
    assert template_problems(source, "bad.html", page) == expected


def test_macros_super_caller_l_and_filters_are_allowed() -> None:
    page = '''{% import "_macros.j2" as m %}{% from "_macros.j2" import flag as f %}
{% macro tree(nodes) %}{% for n in nodes %}{{ tree(n.children) }}{{ caller() }}{% endfor %}{% endmacro %}
{{ m.figure_value(L, corpus, f) }}{{ f(L, x) }}{{ L.t("home")|lower }}{{ L.url("index.md") }}{{ corpus.units|items|list|length }}
{% call tree(nodes) %}x{% endcall %}{% if x is none %}{{ x|default("—") }}{% endif %}'''
    assert template_problems(page, "ok.md.j2", True) == []
    override = '''{% extends "base.html" %}{% block content %}{{ super() }}{{ lang.t("header") }}{{ config.site_name | e }}{% endblock %}'''
    assert template_problems(override, "ok.html", False) == []


# --------------------------------------------------------------------------- the strings


def test_interface_strings_have_both_languages_in_nfc() -> None:
    for key, texts in i18n.STRINGS.items():
        assert set(texts) == {"vi", "en"}, key
        for lang, text in texts.items():
            assert text and unicodedata.normalize("NFC", text) == text, f"{key} [{lang}]"


def test_every_string_a_template_names_exists_and_markup_only_through_html() -> None:
    keys: list[tuple[str, str, str]] = []
    for path, page in templates():
        if not page:
            continue
        for call in Environment().parse(path.read_text(encoding="utf-8")).find_all(nodes.Call):
            callee = call.node
            if isinstance(callee, nodes.Getattr) and isinstance(callee.node, nodes.Name) and callee.node.name == "L" \
                    and callee.attr in ("t", "html") and call.args and isinstance(call.args[0], nodes.Const):
                keys.append((path.name, callee.attr, call.args[0].value))
    assert keys
    for name, method, key in keys:
        assert key in i18n.STRINGS, f"{name}: L.{method}({key!r}) names no string"
        assert (method == "html") == key.endswith("_html"), f"{name}: L.{method}({key!r})"


def test_html_strings_escape_their_values_and_only_they_are_markup() -> None:
    L = Lang("vi", "changelog.md")
    out = L.html("changelog.lead_html", manifest='x" onclick="alert(1)', version="<b>1</b>")
    assert isinstance(out, Markup)
    assert 'href="x&#34; onclick=&#34;alert(1)"' in out and "<code>&lt;b&gt;1&lt;/b&gt;</code>" in out
    assert L.html("api.convention.texts_html").startswith('Văn bản song ngữ là <code>{"vi": …, "en": …}</code>')  # unnamed braces stay
    assert 'href="{version}"' in L.html("changelog.lead_html", manifest="{version}", version="1")  # filled in once, not again
    with pytest.raises(KeyError, match="_html"):
        L.html("home")


# --------------------------------------------------------------------------- MiniJinja


# Stand-ins for Material's own templates, which the overrides extend and include: as small as can
# be while keeping their shape (base.html imports the language as `lang`, sets `features`, and
# includes the header in a block; the copyright sits in the footer).
STUBS = {
    "base.html": (
        '{% import "partials/language.html" as lang with context %}{% set features = config.theme.features or [] %}'
        '<!doctype html><html lang="{{ lang.t(\'language\') }}"><head>{% block extrahead %}{% endblock %}</head><body>'
        '{% block header %}{% include "partials/header.html" %}{% endblock %}'
        '<main>{% block content %}<article>{{ page.content }}</article>{% endblock %}</main>'
        '<footer>{% block footer %}{% include "partials/copyright.html" %}{% endblock %}</footer>'
        '{% block scripts %}<script src="bundle.js"></script>{% endblock %}</body></html>'
    ),
    "partials/language.html": '{% import "partials/languages/" ~ config.theme.language ~ ".html" as l %}{% macro t(key) %}{{ l.t(key) }}{% endmacro %}',
    "partials/languages/en.html": '{% macro t(key) %}{{ {"language": "en", "header": "Header"}[key] }}{% endmacro %}',
    "partials/logo.html": '<img src="logo.svg" alt="Minh Bạch">',
    "partials/palette.html": "",
    "partials/javascripts/palette.html": "",
    "partials/source.html": "",
    "partials/tabs.html": "",
}


def minijinja_env(replace: dict[str, Callable[[str], str]] | None = None) -> minijinja.Environment:
    """Our overrides over the stand-ins, rendered as Zensical does: no Python methods (pycompat off,
    which is what stops Zensical with "unknown method"), no autoescape (mkdocs has none either,
    and the front matter's title and description come HTML-escaped)."""
    replace = replace or {}

    def load(name: str) -> str | None:
        path = OVERRIDES / name
        if path.is_file():
            source = path.read_text(encoding="utf-8")
            return replace[name](source) if name in replace else source
        if name.startswith(".icons/"):
            return f'<svg data-icon="{name}"></svg>'
        return STUBS.get(name)

    env = minijinja.Environment(loader=load, pycompat=False)
    env.auto_escape_callback = lambda name: False
    return env


def mkdocs_context(lang: i18n.Lang, tmp_path: Path, page: str | None, meta: bool = True, site_url: str | None = None) -> dict[str, Any]:
    """What mkdocs hands the theme: the generated configuration (site_builder's mkdocs_config) and
    the page with the meta mkdocs reads from our front matter; `page` None is the 404 page."""
    root = tmp_path / "project"
    root.mkdir(exist_ok=True)
    base = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(base + (f"site_url: {site_url}\n" if site_url else ""), encoding="utf-8")
    config = mkdocs_config(root, mkdocs_yml(root), lang, tmp_path / "docs", tmp_path / "site")
    config.setdefault("site_url", None)
    config.setdefault("repo_url", None)
    config["theme"].setdefault("icon", {})  # Material's mkdocs_theme.yml declares `icon:`
    ctx: dict[str, Any] = {"config": config, "page": None, "base_url": "/"}
    if page is not None:
        address = site_address(mkdocs_yml(root))  # the whole site's, as pages.render_site reads it
        unit = page.removeprefix("units/").removesuffix(".md") if page.startswith("units/") and page != "units/index.md" else None
        markdown = front_matter(Lang(lang, page), "Huyện <Lộc> Ninh", "", address, social_image(lang, unit)) + "# Lộc Ninh\n"
        _, data = get_data(markdown)
        ctx["page"] = {"meta": data if meta else {}, "title": "Lộc Ninh", "canonical_url": None, "content": "<p>Nội dung</p>"}
    return ctx


def attribute(html: str, selector: str, name: str) -> str:
    """The value of `name` on the first tag matching the start `selector` (e.g. '<meta property="og:image"')."""
    match = re.search(re.escape(selector) + r'[^>]*?\s' + name + r'="([^"]*)"', html)
    assert match, f"{selector} … {name}= not in the output"
    return match.group(1)


def no_empty_values(html: str) -> None:
    """Lenient MiniJinja prints an undefined value as nothing: an empty attribute is a name we got wrong."""
    assert not re.search(r'="\s*"', html), re.findall(r'[\w:-]+="\s*"', html)
    assert not re.search(r"(?<![\w-])[Nn]one(?![\w-])", html), "a None printed"  # MiniJinja prints None as none


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_overrides_render_in_minijinja_for_a_unit_page(lang: i18n.Lang, tmp_path: Path) -> None:
    html = minijinja_env().render_template("main.html", **mkdocs_context(lang, tmp_path, "units/loc-ninh.md"))
    no_empty_values(html)
    up = "../.." if lang == "vi" else "../../.."  # the English build sits in en/, one folder further down
    other = "en" if lang == "vi" else "vi"
    assert attribute(html, '<meta property="og:image"', "content") == f"{up}/social/loc-ninh.{lang}.png"
    assert attribute(html, '<meta name="twitter:image"', "content") == f"{up}/social/loc-ninh.{lang}.png"
    assert attribute(html, '<meta property="og:title"', "content") == "Huyện &lt;Lộc&gt; Ninh"
    assert attribute(html, '<meta property="og:description"', "content") == "Dữ liệu mở về cải cách hành chính / Open data on administrative reform"
    assert attribute(html, '<meta property="og:locale"', "content") == i18n.OG_LOCALE[lang]
    assert attribute(html, '<meta property="og:locale:alternate"', "content") == i18n.OG_LOCALE[other]
    twin = "../../en/units/loc-ninh/" if lang == "vi" else "../../../units/loc-ninh/"
    # the twin is the switch's, not a <link rel="alternate">: Material would fetch a sitemap.xml beside it
    assert '<link rel="alternate"' not in html and 'property="og:url"' not in html  # no site_url: no address of its own
    assert attribute(html, '<a class="md-header__button mb-lang-switch"', "href") == twin
    assert attribute(html, '<a class="md-header__button mb-lang-switch"', "hreflang") == other
    assert f'<span class="mb-lang-switch__label">{i18n.t("other_language", lang)}</span>' in html
    assert attribute(html, '<div class="mb-search"', "data-mb-root") == f"{up}/"
    for key in ("none", "one", "other", "loading", "error", "section"):
        assert attribute(html, '<div class="mb-search"', f"data-{key}") == i18n.t(f"search.{key}", lang)
    assert attribute(html, '<input type="search" id="mb-search-input"', "placeholder") == i18n.t("search.placeholder", lang)
    assert f'aria-label="{i18n.t("search.open", lang)}"' in html and f'aria-label="{i18n.t("search.close", lang)}"' in html
    assert f'<p class="mb-sr-only" id="mb-search-hint">{i18n.t("search.hint", lang)}</p>' in html
    assert i18n.t("made_with", lang) in html
    assert attribute(html, '<a href=', "title") == i18n.SITE_NAME[lang]
    assert re.search(r'<a href="\.\./\.\." title="[^"]*" class="md-header__button md-logo"', html)
    assert attribute(html, "<nav", "aria-label") == ("Đầu trang" if lang == "vi" else "Header")  # Material's lang.t(), our vi.html
    assert '<script src="../../assets/minhbach.js" defer></script>' in html
    more = i18n.t("mark.more", lang)  # the words of a mark's popup, for the site's script
    scrolls = i18n.t("table.scrolls", lang)  # said above a table wider than its box
    assert f'<div class="mb-article" data-pagefind-body data-mb-mark-more="{more}" data-mb-scrolls="{scrolls}">' in html and "<article><p>Nội dung</p></article>" in html


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_og_url_in_minijinja_is_the_pages_own_absolute_address(lang: i18n.Lang, tmp_path: Path) -> None:
    ctx = mkdocs_context(lang, tmp_path, "units/loc-ninh.md", site_url="https://example.org/minhbach/")
    html = minijinja_env().render_template("main.html", **ctx)
    no_empty_values(html)
    assert attribute(html, '<meta property="og:url"', "content") == "https://example.org/minhbach/" + ("en/" if lang == "en" else "") + "units/loc-ninh/"
    # what mkdocs makes each page's canonical link of: the English build's own folder
    assert ctx["config"]["site_url"] == "https://example.org/minhbach/" + ("en/" if lang == "en" else "")


@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize("meta", [False, True], ids=["page-without-meta", "no-page"])
def test_overrides_render_in_minijinja_without_page_meta(lang: i18n.Lang, meta: bool, tmp_path: Path) -> None:
    """A page without our front matter, or none at all (the 404 page): the values absolute from the site root."""
    ctx = mkdocs_context(lang, tmp_path, "units/loc-ninh.md" if not meta else None, meta=False)
    html = minijinja_env().render_template("main.html", **ctx)
    no_empty_values(html)
    other = "en" if lang == "vi" else "vi"
    assert attribute(html, '<meta property="og:image"', "content") == f"/social/default.{lang}.png"
    assert attribute(html, '<meta property="og:title"', "content") == i18n.SITE_NAME[lang]
    assert '<link rel="alternate"' not in html and 'property="og:url"' not in html  # no twin page to name, no address of its own
    assert attribute(html, '<a class="md-header__button mb-lang-switch"', "href") == ("/en/" if other == "en" else "/")
    assert attribute(html, '<div class="mb-search"', "data-mb-root") == "/"
    assert '<script src="/assets/minhbach.js" defer></script>' in html
    assert attribute(html, '<input type="search" id="mb-search-input"', "placeholder") == i18n.t("search.placeholder", lang)


@pytest.mark.parametrize("site_url,root", [(None, "/"), ("https://example.org/minhbach", "/minhbach/")])
def test_404_page_in_minijinja_speaks_both_languages_and_links_both_homes(site_url: str | None, root: str, tmp_path: Path) -> None:
    html = minijinja_env().render_template("404.html", **mkdocs_context("vi", tmp_path, None, site_url=site_url))
    no_empty_values(html)
    assert f'<h1>404 — {i18n.t("not_found.title", "vi")} <span lang="en">/ {i18n.t("not_found.title", "en")}</span></h1>' in html
    assert f'<p>{i18n.t("not_found.text", "vi")} <a href="{root}">{i18n.t("not_found.home", "vi")}</a></p>' in html
    assert f'<p lang="en">{i18n.t("not_found.text", "en")} <a href="{root}en/" hreflang="en">{i18n.t("not_found.home", "en")}</a></p>' in html
    image = "https://example.org/minhbach/social/default.vi.png" if site_url else "/social/default.vi.png"
    assert attribute(html, '<meta property="og:image"', "content") == image
    assert attribute(html, '<a class="md-header__button mb-lang-switch"', "href") == f"{root}en/"
    assert attribute(html, '<div class="mb-search"', "data-mb-root") == root
    assert f'<script src="{root}assets/minhbach.js" defer></script>' in html


def test_og_image_is_absolute_from_site_url_in_both_languages(tmp_path: Path) -> None:
    for lang in i18n.LANGS:
        html = minijinja_env().render_template("main.html", **mkdocs_context(lang, tmp_path, "units/loc-ninh.md", site_url="https://example.org/minhbach/"))
        assert attribute(html, '<meta property="og:image"', "content") == f"https://example.org/minhbach/social/loc-ninh.{lang}.png"


def test_minijinja_stops_at_a_python_method_in_an_override(tmp_path: Path) -> None:
    """The check above is only worth something if a method call fails it, as it fails Zensical."""
    env = minijinja_env({"partials/search.html": lambda s: s.replace("{{ mb.root }}", '{{ base_url.rstrip("/") }}')})
    with pytest.raises(minijinja.TemplateError, match="unknown method: string has no method named rstrip"):
        env.render_template("main.html", **mkdocs_context("vi", tmp_path, "units/loc-ninh.md"))


# --------------------------------------------------------------------------- what the templates are given


@pytest.mark.parametrize("path", ["index.md", "units/index.md", "units/loc-ninh.md", "reports/x-source.md", "api.md", "datasets/cchc-figures.md"])
@pytest.mark.parametrize("lang", i18n.LANGS)
def test_theme_values_are_what_mkdocs_computed_for_the_theme(path: str, lang: i18n.Lang, tmp_path: Path) -> None:
    """The paths the overrides used to derive from base_url and the url filter, now computed by
    pages.theme_values, are the same strings mkdocs makes of the page's URL."""
    from types import SimpleNamespace

    from mkdocs.utils import get_relative_url, normalize_url

    from site_builder.publish.lang import page_url
    from site_builder.publish.pages import theme_values

    url = page_url(path)
    base_url = get_relative_url(".", url)  # mkdocs' get_context
    values = theme_values(Lang(lang, path), "T", "", SiteAddress(None, "D"), social_image(lang))
    assert values["home"] == normalize_url("", SimpleNamespace(url=url), base_url)  # nav.homepage.url | url
    assert values["script"] == normalize_url("assets/minhbach.js", SimpleNamespace(url=url), base_url)
    assert values["root"] == base_url.rstrip("/") + ("/.." if lang == "en" else "")
    assert values["image"] == values["root"] + f"/social/default.{lang}.png"
    assert (values["title"], values["description"]) == ("T", "D")
    assert values["canonical"] == ""  # no site_url: no address to give
    # og:url is the canonical URL mkdocs computes (Page.canonical_url) with this language's site_url
    site_url = "https://example.org/minhbach/"
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8") + f"site_url: {site_url}\n", encoding="utf-8")
    built_with = mkdocs_config(tmp_path, mkdocs_yml(tmp_path), lang, tmp_path / "docs", tmp_path / "site")["site_url"]
    addressed = theme_values(Lang(lang, path), "T", "", SiteAddress(site_url, "D"), social_image(lang))
    assert addressed["canonical"] == urljoin(built_with, url)

