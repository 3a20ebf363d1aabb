"""Charts for the counselor's cohort view (being built)."""

from __future__ import annotations

__all__: list[str] = []
