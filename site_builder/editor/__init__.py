"""The editors' commands, each a click command beside the code it drives (registered by `cli`).

- `new`: a skeleton YAML file holding every field of the model, commented in Vietnamese.
- `fmt`: one spelling (NFC, tone marks) and one key order for every content file, comments kept.
- `extract` (with its phrase table `phrases`): draft figure rows from a report's raw text.
- `reference`: the field reference in CONTRIBUTING.md, generated from the model and schemas.
- `translations`: what is missing in English, per file and field.
"""
