"""Minh Bạch: turns administrative-reform reports into a bilingual open-data website.

The package reads as the way through, one subpackage a step, each using only those above it:

    errors, files          problems as located data; writing files safely (used by all)
    content/               load and validate: the content model, YAML and data packages → Corpus
    compute/               what the pages show that no row says: series, shares, grids → Computed
    exports/               the data as files: tables, CSV/XLSX/JSON/SQLite, the API, citations, changelog
    publish/               the site: pages, charts, link previews, search, mkdocs, and `build`,
                           which runs validate → compute → changelog → clean → charts → pages → downloads →
                           mkdocs → assemble → social → search → swap
    editor/                the editors' commands: new, fmt, extract, reference, translations
    cli                    `site-builder`: check and build, and the editor commands

`tests/site_builder/test_layers.py` checks that no module imports from a step below its own.
"""

__version__ = "0.1.0"
