"""An optional compiled whole-word search for the extractor's long aliases (``_walk.c``).

Every alias starts at a word start, so a search needs no Aho-Corasick failure links: at each
word start of the normalised text, look the word up in a hash table of the aliases' first words,
walk a path-compressed trie along the text, and keep the longest alias that ends at a word end.
Only whole-word matches come back, as a flat list of (pattern, start, end) triples with the
automaton's conventions, so the extractor's Python loop sees no raw match that fails the
word-end check (about 30 % of them with ESCO). Measured in
``benchmarks/prototypes/word_walk/README.md``.

The C part is compiled by ``make`` (``careerkit/skills/libckwalk.so``, with the system C compiler)
when one is there. Without it, or with ``CAREERKIT_PURE_PYTHON=1``, :func:`library` returns
None and the extractor keeps its ``ahocorasick_rs`` automaton: same matches, slower.
"""

from __future__ import annotations

import ctypes
import os
import struct
import threading
from dataclasses import dataclass
from pathlib import Path

__all__ = ["PURE_ENV", "Walker", "WordTrie", "build", "library"]

#: set to 1 to use the pure-Python engine even when the compiled search is there
PURE_ENV = "CAREERKIT_PURE_PYTHON"
# not "_walk.so": Python would take a file of that name for this module
_LIBRARY = Path(__file__).with_name("libckwalk.so")
_loaded: list[ctypes.CDLL | None] = []


def library() -> ctypes.CDLL | None:
    """The compiled search, or None (not built here, or switched off by ``PURE_ENV``)."""
    if os.environ.get(PURE_ENV, "").strip() not in ("", "0"):
        return None
    if not _loaded:
        lib = None
        if _LIBRARY.exists():
            try:
                lib = ctypes.CDLL(str(_LIBRARY))
                lib.ck_walk.argtypes = [
                    ctypes.c_void_p,
                    ctypes.c_void_p,
                    ctypes.c_uint32,
                    ctypes.c_void_p,
                    ctypes.c_char_p,
                    ctypes.c_int32,
                    ctypes.c_int32,
                    ctypes.c_void_p,
                    ctypes.c_int32,
                ]
                lib.ck_walk.restype = ctypes.c_int32
            except (OSError, AttributeError):
                lib = None  # built for another machine, or an old build: use the automaton
        _loaded.append(lib)
    return _loaded[0]


@dataclass(frozen=True)
class WordTrie:
    """The search's data: trie records, hash table (``size`` slots of 16 bytes), token pool."""

    records: bytes
    table: bytes
    size: int
    pool: bytes


def _fnv(data: bytes) -> int:
    h = 2166136261
    for c in data:
        h = ((h ^ c) * 16777619) & 0xFFFFFFFF
    return h


def build(patterns: list[bytes]) -> WordTrie:
    """The trie of ``patterns`` (each a space and a normalised alias, as the automaton has them;
    the index in this list is what the search reports)."""
    items = sorted((p[1:].split(b" ", 1)[0], p[1:], k) for k, p in enumerate(patterns))
    tokens = [t for t, _, _ in items]
    keys = [key for _, key, _ in items]
    index = [k for _, _, k in items]
    n = len(keys)
    # common prefix of each key with the one before it (the keys are sorted)
    lcp = [0] * n
    for i in range(1, n):
        a, b = keys[i - 1], keys[i]
        m = min(len(a), len(b))
        j = 0
        while j + 8 <= m and a[j : j + 8] == b[j : j + 8]:
            j += 8
        while j < m and a[j] == b[j]:
            j += 1
        lcp[i] = j
    out = bytearray()
    pack_at = struct.Struct("<i").pack_into

    def record(lo: int, hi: int, depth: int) -> int:
        """Write the record of keys[lo:hi] (which share their first ``depth`` bytes) and its
        children; return its offset. Explicit recursion: depth is at most the longest alias."""
        end = len(keys[lo]) if hi - lo == 1 else min(lcp[lo + 1 : hi])
        end = min(end, depth + 255)
        tail = keys[lo][depth:end]
        pattern, first = -1, lo
        if len(keys[lo]) == end:
            pattern, first = index[lo], lo + 1
        groups = []
        i = first
        while i < hi:
            c = keys[i][end]
            j = i + 1
            while j < hi and keys[j][end] == c:
                j += 1
            groups.append((c, i, j))
            i = j
        offset = len(out)
        out.append(len(tail))
        out.extend(tail)
        out.extend(struct.pack("<i", pattern))
        out.append(len(groups))
        out.extend(c for c, _, _ in groups)
        slots = len(out)
        out.extend(b"\0" * (4 * len(groups)))
        for g, (_, a, b) in enumerate(groups):
            pack_at(out, slots + 4 * g, record(a, b, end + 1))
        return offset

    entries = []
    i = 0
    while i < n:
        token = tokens[i]
        j = i + 1
        while j < n and tokens[j] == token:
            j += 1
        entries.append((token, record(i, j, len(token))))
        i = j
    size = 1
    while size < 2 * max(1, len(entries)):
        size *= 2
    table = bytearray(struct.pack("<Iiii", 0, -1, 0, 0) * size)
    pool = bytearray()
    for token, rec in entries:
        h = _fnv(token)
        k = h & (size - 1)
        while struct.unpack_from("<i", table, 16 * k + 4)[0] >= 0:
            k = (k + 1) & (size - 1)
        struct.pack_into("<Iiii", table, 16 * k, h, rec, len(pool), len(token))
        pool.extend(token)
    return WordTrie(bytes(out), bytes(table), size, bytes(pool) or b"\0")


class Walker:
    """The compiled search over one :class:`WordTrie`."""

    __slots__ = ("_keep", "_local", "_pointers", "_walk")

    def __init__(self, trie: WordTrie, lib: ctypes.CDLL) -> None:
        self._walk = lib.ck_walk
        self._keep = trie  # its bytes must live as long as the pointers below
        # the trie's bytes never move (bytes are immutable): their addresses are passed as
        # plain integers, which ctypes converts fastest
        self._pointers = tuple(
            ctypes.cast(ctypes.c_char_p(data), ctypes.c_void_p).value
            for data in (trie.records, trie.table, trie.pool)
        )
        # one output buffer per thread (ctypes releases the GIL during the call), grown when a
        # longer text comes; a new ctypes array type per call would cost more than the search
        self._local = threading.local()

    def _buffer(self, cap: int) -> tuple[int, memoryview, int]:
        local = self._local
        held = getattr(local, "cap", 0)
        if held < cap:
            held = max(cap, 2 * held, 4096)
            local.buf = (ctypes.c_int32 * (3 * held))()
            local.view = memoryview(local.buf).cast("B").cast("i")
            local.addr = ctypes.addressof(local.buf)
            local.cap = held
        return local.addr, local.view, local.cap

    def find(self, search: bytes, lo: int, hi: int) -> list[int]:
        """Flat (pattern, start, end) triples for the words starting in ``search[lo:hi]``;
        ``search[hi - 1]`` must be a space."""
        # at most one match per word start, and a word takes at least two bytes with its space
        addr, view, cap = self._buffer((hi - lo) // 2 + 1)
        records, table, pool = self._pointers
        k = self._walk(records, table, self._keep.size, pool, search, lo, hi, addr, cap)
        if k < 0:  # cannot happen with the bound above; never read a half-filled buffer
            raise RuntimeError("the compiled search's output buffer was too small")
        return view[: 3 * k].tolist()
