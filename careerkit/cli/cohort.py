"""`careerkit cohort ...` subcommand."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's subcommands (filled in by the step that owns them)."""
