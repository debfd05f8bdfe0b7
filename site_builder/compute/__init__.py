"""Compute: what the pages, charts and downloads show that no single row says.

- `derive`: figures grouped by unit, report and indicator; time series; shares recomputed from
  their formula beside the published ones; headline figures; targets against the latest figure
  → `derive.Computed`.
- `grid`: a unit's figures over time, one row per indicator and one column per period.
"""
