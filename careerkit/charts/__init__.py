"""Plotly figure builders: data in, ``plotly.graph_objects.Figure`` out.

One module per step (``interests``, ``skills``, ``goals``) plus ``theme``; each builder is
re-exported here so that ``ck.charts.goal_timeline(...)`` works.
"""

from __future__ import annotations

__all__: list[str] = []
