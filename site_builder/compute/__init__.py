"""Compute: what the pages, charts and downloads show that no single row says.

- `series`: a unit's values of one indicator over time, and which periods compare (`Point`,
  `comparable_runs`, `HEADLINE`).
- `derive`: figures grouped by unit, report and indicator; time series; shares recomputed from
  their formula beside the published ones; headline figures; targets against the latest figure;
  scorecards, roll-ups and predecessors → `derive.Computed`.
- `scorecard`: the figures a unit's page opens with: the change since the previous comparable
  period and the place among peers of the same level, province and period.
- `rollup`: what lies below a province or district: reports, coverage, sums of additive indicators.
- `grid`, `topics`: a unit's figures over time by topic, one row per indicator and one column per
  period, conflicts numbered.
- `tilemap`: a tile-grid map of an indicator's province values in one period, on the layout of the
  provinces in force at its end (content/maps), each tile linked to the province unit of its time.
- `report_tables`: a report's figures by the document's sections, appendices as rows × periods.
"""
