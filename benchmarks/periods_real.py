"""`text_periods.PeriodScope` alone on the real pages kept outside the repository (issue 23).

For each hand-counted row of `<n>.expected.yaml` (see benchmarks/extract_real.py) its value is
looked for in its sentence in `<n>.txt` and the period PeriodScope gives there is compared with
the hand count's. A row whose period the hand count took from outside the text (the page's date)
cannot be right and is counted apart, as are rows with period "?" (the page gives none: right
when PeriodScope gives none).

    .venv/bin/python benchmarks/periods_real.py --dir /work/issue23-real/real [--show-missed]
"""
from __future__ import annotations

import argparse
from pathlib import Path

from ruamel.yaml import YAML

from site_builder.editor.period_score import measure

DEFAULT = Path("/tmp/issue23/real")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT)
    parser.add_argument("--show-missed", action="store_true")
    args = parser.parse_args(argv)
    pages = sorted(args.dir.glob("*.expected.yaml")) if args.dir.is_dir() else []
    if not pages:
        print(f"skipped: no real pages in {args.dir}")
        return 0
    total = right = 0
    for page in pages:
        data = YAML(typ="safe").load(page.read_text(encoding="utf-8"))
        text = page.with_name(page.name.split(".")[0] + ".txt").read_text(encoding="utf-8")
        rows = [(float(r["value"]), "" if str(r["period"]) == "?" else str(r["period"]), " ".join(str(r.get("sentence") or "").split()))
                for r in data.get("rows") or []]
        outcomes = measure(text, rows)
        ok = sum(o.right for o in outcomes)
        total, right = total + len(outcomes), right + ok
        print(f"{page.name.split('.')[0]:>3}  {ok:3}/{len(outcomes):<3}  {data.get('period_kinds', '')}")
        if args.show_missed:
            for o in outcomes:
                if not o.right:
                    print(f"       {o.value:g}: {o.got or '-'} (expected {o.expected or '-'})")
    print(f"total {right}/{total} ({right / total:.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
