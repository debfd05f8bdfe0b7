"""Publish: the bilingual site, and `build`, the one way through.

- `build`: the stages in order, each a typed function; a failed stage leaves site/ untouched.
- `pages` (with `lang`, `i18n`, `data_pages`): Markdown per page and language from templates/pages.
- `charts` (drawn by `svgchart`): SVG charts that reflow to the width they are shown at, their data, and the embed page; `social`: link preview images.
- `engine`: the docs folder, one mkdocs configuration per language, and mkdocs itself;
  `site`: the two languages and the downloads assembled and swapped into site/.
- `search`: the Pagefind index of the assembled site; `progress`: progress of long stages.
"""
