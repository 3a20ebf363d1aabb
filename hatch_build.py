"""Wheel build hook: compile the skill extractor's whole-word search into the wheel.

``careerkit/skills/_walk.c`` becomes ``careerkit/skills/libckwalk.so`` inside the wheel when a C
compiler is found (``$CC``, else ``cc``, ``gcc`` or ``clang``); the wheel is then tagged for this
platform. Without a compiler, or when the compiler fails, the wheel is built without it (pure
Python, any platform) and the extractor uses its ``ahocorasick_rs`` engine: same matches, slower
(``benchmarks/bench_walk_installed.py`` measures both on an installed wheel).
``CAREERKIT_PURE_PYTHON=1`` while building skips the compiler.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SOURCE = "careerkit/skills/_walk.c"
TARGET = "careerkit/skills/libckwalk.so"


class WalkBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install uses the library `make` builds in the tree
        if os.environ.get("CAREERKIT_PURE_PYTHON", "").strip() not in ("", "0"):
            return
        compiler = os.environ.get("CC") or next(
            (found for name in ("cc", "gcc", "clang") if (found := shutil.which(name))), None
        )
        if compiler is None:
            self.app.display_warning(
                "no C compiler: the wheel holds the pure-Python skill search only (slower)"
            )
            return
        self._folder = tempfile.TemporaryDirectory(prefix="careerkit-walk-")
        library = Path(self._folder.name) / "libckwalk.so"
        command = [compiler, "-O2", "-shared", "-fPIC", "-o", str(library), SOURCE]
        result = subprocess.run(command, cwd=self.root, capture_output=True, text=True)
        if result.returncode != 0 or not library.exists():
            self.app.display_warning(
                f"compiling {SOURCE} failed; the wheel holds the pure-Python skill search only "
                f"(slower): {result.stderr.strip()[:500]}"
            )
            return
        build_data["force_include"][str(library)] = TARGET
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            folder.cleanup()
