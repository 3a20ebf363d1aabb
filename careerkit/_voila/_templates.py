"""Voilà's page templates compiled once per server, not once per page.

Voilà renders each page with a new exporter, and nbconvert gives each exporter a new Jinja
environment, so every page compiled the template's fourteen files again: 0.16 s of the server's
single thread per page (cProfile of `make app`, 5 pages), during which no click of anyone in the
room was answered. Jinja's documented remedy is a bytecode cache shared by the environments:
:func:`share_compiled_templates` gives every Voilà exporter's environment this process's
:data:`CACHE`. Jinja checks each template's source against the cached code's checksum, so an
edited template is compiled again.
"""

from __future__ import annotations

from typing import Any

import jinja2

__all__ = ["CACHE", "MemoryBytecodeCache", "share_compiled_templates"]


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in this process. Jinja's key is the template's name and file;
    an environment in async mode compiles other code, so that is part of the key too."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    @staticmethod
    def _key(bucket: Any) -> str:
        return f"{bucket.key}/{'async' if bucket.environment.is_async else 'sync'}"

    def load_bytecode(self, bucket: Any) -> None:
        code = self._store.get(self._key(bucket))
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Any) -> None:
        self._store[self._key(bucket)] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._store.clear()

    def __len__(self) -> int:
        return len(self._store)


CACHE = MemoryBytecodeCache()


def share_compiled_templates() -> None:
    """Give every Voilà exporter's Jinja environment :data:`CACHE` (once per process)."""
    try:
        from voila.exporter import VoilaExporter
    except ImportError:  # pragma: no cover - Voilà is in the lab extra
        return
    if getattr(VoilaExporter, "_careerkit_shared_templates", False):
        return
    create = VoilaExporter._create_environment

    def _create_environment(self: Any) -> Any:
        environment = create(self)
        environment.bytecode_cache = CACHE
        return environment

    VoilaExporter._create_environment = _create_environment
    VoilaExporter._careerkit_shared_templates = True
