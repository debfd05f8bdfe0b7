"""Exports: the data as files people download, cite and query.

- `tables`: the published tables once (columns, types, rows as CSV text); every format below is
  written from them, so all hold the same cells.
- `downloads`: the published data packages, CSV per unit, report and indicator, XLSX (`xlsx`),
  JSON, SQLite (`sqlite`), the bundle, the manifest and changelog; `api`: the static JSON API.
- `cite`: what a dataset is for citing it (version, licence, stable URL, BibTeX);
  `changelog`: what changed between releases of the data.
"""
