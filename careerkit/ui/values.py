"""The values step (optional, between interests and skills): what matters to the person at work.

The person rates O*NET's six work values (in careerkit's own words, :mod:`careerkit.values`),
sees them in order, and sees occupations ranked by interest fit and value fit together, with
the weight of values shown and adjustable. Choosing one sets the target role for the skills
step. Everything shown comes from :func:`careerkit.results.results`.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import pandas as pd
from IPython.display import display

from careerkit import values
from careerkit._frames import table_rows
from careerkit.charts import summary as chart_summary
from careerkit.charts import values_chart
from careerkit.results import results
from careerkit.ui._screen import Screen, debounced, esc, html_table

__all__ = ["TEXT", "ValuesScreen"]

TEXT: dict[str, Any] = {
    "heading": "What matters to you at work?",
    "intro": values.RATE_PROMPT,
    "method": "How to answer",
    "methods": [("Rate each one", "rate"), ("Put them in order", "rank")],
    "rank_intro": values.RANK_PROMPT,
    "place": ["Most important", "2nd", "3rd", "4th", "5th", "Least important"],
    "rank_choose": "(choose)",
    "rank_twice": "{name} is chosen twice: each value goes in one place.",
    "option": "{n} {label}",
    "weight": "How much your values count (%)",
    "weight_help": (
        "Occupations below are ranked by how well they fit your interests and your values "
        "together. At 0 % only your interests count, at 100 % only your values. {note}"
    ),
    "weight_note": "We start at 40 %: a choice of ours, not a rule. Change it if you like.",
    "order_heading": "Your values, most important first",
    "need_all": "Rate all six to see occupations that fit your values too.",
    "need_interests": (
        "Finish the interests step to see occupations that fit your interests and your values "
        "together."
    ),
    "matches_heading": "Occupations that fit your interests and your values",
    "table": ["Occupation", "Interests fit", "Values fit", "Together", "Why (values)"],
    "target_label": "Target role",
    "target_button": "Use as my target role",
    "target_tip": "Set this occupation as the role the skills step starts from",
    "target_set": "Your target role is now {title}. The skills step starts from it.",
    "target_none": "Choose an occupation from the list first.",
    "saved": "Saved.",
}


class ValuesScreen(Screen):
    """Rate the six work values; see them in order and the combined matches.

    Attributes
    ----------
    ratings : dict of str to RadioButtons
        One radio group per value (key from ``careerkit.values.VALUES``), 1–5.
    weight : BoundedIntText
        The weight of values in percent (saved as ``wb.values.values_weight``).
    order, matches_html : HTML
    chart : Output
    target : Dropdown
    choose : Button
    message : HTML
    widget : VBox
    """

    def __init__(self, wb: Any, top: int = 15) -> None:
        self.wb = wb
        self.top = top
        self.message = widgets.HTML()
        self.method = widgets.RadioButtons(
            options=TEXT["methods"], value=wb.values.method, description=TEXT["method"],
            orientation="horizontal", style={"description_width": "initial"},
            layout=widgets.Layout(width="auto"),
        )
        self.method.observe(lambda change: self._guarded(
            lambda: self._choose_method(change["new"])), names="value")
        ranking = list(wb.values.ranking)
        choices = [(TEXT["rank_choose"], None)] + [
            (values.VALUE_NAMES[k], k) for k in values.VALUES
        ]
        self.ranks = [
            widgets.Dropdown(
                options=choices, value=ranking[n] if n < len(ranking) else None,
                description=place, style={"description_width": "10em"},
                layout=widgets.Layout(width="30em"),
            )
            for n, place in enumerate(TEXT["place"])
        ]
        for box in self.ranks:
            box.observe(lambda _c: self._guarded(self._rank), names="value")
        self.rank_box = widgets.VBox(
            [widgets.HTML(f"<p>{esc(TEXT['rank_intro'])}</p>"), *self.ranks]
        )
        self.ratings: dict[str, widgets.RadioButtons] = {}
        for key in values.VALUES:
            control = widgets.RadioButtons(
                options=[
                    (TEXT["option"].format(n=n, label=label), n)
                    for n, label in values.RATING_LABELS.items()
                ],
                value=wb.values.ratings.get(key),
                description=f"{values.VALUE_NAMES[key]}: {values.VALUE_MEANING[key]}",
                orientation="horizontal",
                style={"description_width": "initial"},
                layout=widgets.Layout(width="auto", margin="0 0 10px 0"),
            )
            control.observe(lambda change, k=key: self._guarded(
                lambda: self._rate(k, change["new"])), names="value")
            self.ratings[key] = control
        self.weight = widgets.BoundedIntText(
            value=round(wb.values.values_weight * 100), min=0, max=100, step=10,
            description=TEXT["weight"], style={"description_width": "initial"},
            layout=widgets.Layout(width="22em"),
        )
        self.weight.observe(lambda change: self._guarded(
            lambda: self._weigh(change["new"])), names="value")
        self.order = widgets.HTML()
        self.chart = widgets.Output()
        self.matches_html = widgets.HTML()
        self.target = widgets.Dropdown(
            options=[], value=None, description=TEXT["target_label"],
            style={"description_width": "initial"}, layout=widgets.Layout(width="36em"),
        )
        self.choose = widgets.Button(
            description=TEXT["target_button"], tooltip=TEXT["target_tip"],
            button_style="success", layout=widgets.Layout(width="auto"),
        )
        self.choose.on_click(debounced(lambda _b: self._guarded(self.set_target)))
        self.rate_box = widgets.VBox(
            [widgets.HTML(f"<p>{esc(TEXT['intro'])}</p>"), *self.ratings.values()]
        )
        note = TEXT["weight_help"].format(note=TEXT["weight_note"])
        self.widget = widgets.VBox([
            widgets.HTML(f"<h3>{esc(TEXT['heading'])}</h3>"),
            self.method,
            self.rate_box,
            self.rank_box,
            self.message,
            widgets.HTML(f"<h4>{esc(TEXT['order_heading'])}</h4>"),
            self.order,
            self.chart,
            widgets.HTML(f"<h4>{esc(TEXT['matches_heading'])}</h4><p>{esc(note)}</p>"),
            self.weight,
            self.matches_html,
            widgets.HBox([self.target, self.choose]),
        ])
        self._show_method()
        self.refresh()

    # ------------------------------------------------------------------ actions
    def _show_method(self) -> None:
        rank = self.wb.values.method == "rank"
        self.rank_box.layout.display = None if rank else "none"
        self.rate_box.layout.display = "none" if rank else None

    def _choose_method(self, method: str) -> None:
        self.wb.values.method = method
        self.wb.save()
        self._show_method()
        self.refresh()

    def _rank(self) -> None:
        chosen = [box.value for box in self.ranks]
        picked = [k for k in chosen if k is not None]
        twice = {k for k in picked if picked.count(k) > 1}
        if twice:
            name = values.VALUE_NAMES[sorted(twice)[0]]
            self._say(TEXT["rank_twice"].format(name=name), "error")
            return
        if len(picked) == len(values.VALUES):
            self.wb.values.method = "rank"
            self.wb.values.ranking = picked
            self.wb.save()
            self._say(TEXT["saved"], "ok")
        else:
            self._say("")
        self.refresh()
    def _rate(self, key: str, value: int | None) -> None:
        if value is None:
            return
        self.wb.values.method = "rate"
        self.wb.values.ratings[key] = int(value)
        self.wb.save()
        self._say(TEXT["saved"], "ok")
        self.refresh()

    def _weigh(self, percent: int) -> None:
        self.wb.values.values_weight = max(0, min(100, int(percent))) / 100
        self.wb.save()
        self.refresh()

    def set_target(self) -> None:
        soc = self.target.value
        if soc is None:
            self._say(TEXT["target_none"], "error")
            return
        title = {v: k for k, v in self.target.options}[soc].rsplit(" (", 1)[0]
        self.wb.skills.target_soc_code = soc
        self.wb.skills.target_title = title
        self.wb.save()
        self._say(TEXT["target_set"].format(title=title), "ok")

    # ------------------------------------------------------------------ showing
    def refresh(self) -> None:
        found = results(self.wb)
        profile = found.value_profile
        self.chart.clear_output()
        self.target.options = []
        if profile is None:
            self.order.value = f"<p>{esc(found.problems.get('values', TEXT['need_all']))}</p>"
            self.matches_html.value = ""
            return
        items = "".join(
            f"<li><b>{esc(values.VALUE_NAMES[k])}</b> ({profile.scores[k]:g} of 5)</li>"
            for k in profile.ranked
        )
        self.order.value = f"<ol>{items}</ol>"
        figure = values_chart(profile)
        with self.chart:
            display(figure)
            display(widgets.HTML(f"<p>{esc(chart_summary(figure))}</p>"))
        matches = found.value_matches(top=self.top)
        if matches is None:
            reason = found.problems.get("value_matches") or TEXT["need_interests"]
            self.matches_html.value = f"<p>{esc(reason)}</p>"
            return
        self.matches_html.value = self._table(matches)
        self.target.options = [
            (f"{r.title} ({r.combined:.2f})", r.soc_code) for r in matches.itertuples()
        ]

    @staticmethod
    def _table(matches: pd.DataFrame) -> str:
        rows = [
            [r.title, f"{r.interest_fit:.2f}", f"{r.value_fit:.2f}", f"{r.combined:.2f}",
             r.value_why]
            for r in table_rows(matches)
        ]
        notes = "".join(
            f"<p><small>{esc(n)}</small></p>" for n in matches.attrs.get("notes", [])
        )
        return html_table(TEXT["table"], rows) + notes
