"""Exports: the data as files people download, cite and query.

- `tables`: the published tables once (columns, types, rows as CSV text); every format below is
  written from them, so all hold the same cells.
- `downloads`: the published data packages, CSV per report and indicator, XLSX (`xlsx`),
  JSON, SQLite (`sqlite`), the bundle, the manifest and changelog; `api`: the static JSON API.
- `places`: the downloads of a unit's page: its rows (codes only, and with names in vi or en),
  and for a unit with units below it, the rows of all of them as CSV and XLSX.
- `cite`: what a dataset is for citing it (version, licence, stable URL, BibTeX);
  `changelog`: what changed between releases of the data.
"""
