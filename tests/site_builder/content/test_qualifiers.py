"""Value qualifiers and what is computed from qualified values."""
from __future__ import annotations

from site_builder.content.qualifiers import VALUES, Qualifier, combine


def test_the_schema_enumeration_is_the_model_s() -> None:
    from pathlib import Path

    from ruamel.yaml import YAML

    schema = YAML(typ="safe").load((Path(__file__).resolve().parents[3] / "datapackages/cchc-figures/figures.schema.yaml").read_text(encoding="utf-8"))
    assert next(f for f in schema["fields"] if f["name"] == "qualifier")["constraints"]["enum"] == list(VALUES)


def test_a_share_of_a_bound_is_no_share_and_estimates_carry() -> None:
    exact, approx, estimated = Qualifier.exact, Qualifier.approx, Qualifier.estimated
    assert combine(exact, exact) is exact
    assert combine(approx, exact) is approx and combine(exact, approx) is approx
    assert combine(estimated, exact) is estimated and combine(approx, estimated) is estimated
    for bound in (Qualifier.more_than, Qualifier.at_least, Qualifier.less_than, Qualifier.at_most):
        assert bound.bound and combine(bound, exact) is None and combine(exact, bound) is None
    assert not any(q.bound for q in (exact, approx, estimated))
