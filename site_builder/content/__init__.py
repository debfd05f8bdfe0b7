"""Load and validate: everything under content/ and datapackages/, read once, checked, and turned into a `Corpus`.

- `model`: the content model (pydantic), the single schema of every YAML file; the field
  reference in CONTRIBUTING.md and the skeletons of `site-builder new` are derived from it.
- `yamlio`: YAML with the line and column of every key; `messages`: wording shared by the loaders.
- `load`: content/ (units, indicators, reports, breakdowns, pages, glossary, source texts).
- `packages`: datapackages/, validated with frictionless, rows turned into figures and targets.
- `validate`: both, cross-checked, every problem collected with its location → `corpus.Corpus`.
- `coverage`: how much of the content has English.
"""
