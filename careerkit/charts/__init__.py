"""Plotly figure builders: data in, ``plotly.graph_objects.Figure`` out.

One module per step (``interests``, ``skills``, ``goals``) plus ``theme``; every builder a step
module lists in its ``__all__`` is re-exported here, so ``ck.charts.goal_timeline(...)`` works.
"""

from __future__ import annotations

from careerkit.charts import cohort as _cohort
from careerkit.charts import goals as _goals
from careerkit.charts import interests as _interests
from careerkit.charts import skills as _skills
from careerkit.charts import values as _values
from careerkit.charts.cohort import *  # noqa: F403
from careerkit.charts.goals import *  # noqa: F403
from careerkit.charts.interests import *  # noqa: F403
from careerkit.charts.skills import *  # noqa: F403
from careerkit.charts.theme import summary
from careerkit.charts.values import *  # noqa: F403

__all__ = ["summary", *_interests.__all__, *_skills.__all__, *_goals.__all__, *_cohort.__all__,
           *_values.__all__]
