"""The pages of the open-data promise: one per dataset (downloads, how to cite), the API, the changelog.

`pages.render_site` emits what `extra_pages` lists; each entry is plain data for one template.
"""
from __future__ import annotations

from typing import Any, Iterator

from site_builder.publish import i18n
from site_builder.exports.api import documentation
from site_builder.exports.changelog import Changelog
from site_builder.exports.cite import catalogue, data_updated, data_version
from site_builder.compute.derive import Computed
from site_builder.content.corpus import Corpus
from site_builder.exports.tables import package_tables

# Rows listed per kind of change on the changelog page; the rest are in changelog.json. A first
# release of a national corpus adds hundreds of thousands of rows, which no page should list.
CHANGES_SHOWN = 500


def extra_pages(corpus: Corpus, computed: Computed, changes: Changelog, lang: i18n.Lang) -> Iterator[tuple[str, str, str, str, dict[str, Any]]]:
    """(path, template, title, description, context) for every dataset page, the API page and the changelog."""
    releases = changes.releases
    for meta in catalogue(corpus):
        package = corpus.packages[meta.name]
        tables = [t.name for t in package_tables(package)]
        yield (f"datasets/{meta.name}.md", "dataset.md.j2", meta.title, meta.description,
               {"meta": meta, "package": package, "tables": tables, "releases": releases})
    yield ("api.md", "api.md.j2", i18n.t("api", lang), "", {"endpoints": documentation(corpus, computed), "data_version": data_version(corpus)})
    updated = data_updated(corpus)
    yield ("changelog.md", "changelog.md.j2", i18n.t("changelog", lang), "", {"releases": releases, "data_version": data_version(corpus), "updated": updated,
                                                                       "changes_shown": CHANGES_SHOWN})
