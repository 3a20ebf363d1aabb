"""ipywidgets screens, one module per step, bound to a :class:`careerkit.Workbook`.

Only notebooks import from here. Each screen saves on change and exposes its widgets so that a
test can set values and click buttons without a browser.
"""

from careerkit.ui._notice import show_credit, show_notice

__all__ = ["show_credit", "show_notice"]
