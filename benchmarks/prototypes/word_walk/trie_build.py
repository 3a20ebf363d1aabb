"""Build the flattened word-start trie (BFS order) and load the C walk through ctypes."""

from __future__ import annotations

import ctypes
import subprocess
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent


def build_trie(patterns: list[bytes]):
    """patterns: the automaton's patterns (each b" " + alias). Returns (first, label, pat) numpy
    arrays: nodes in BFS order, children of node i are nodes first[i]..first[i+1]-1 sorted by
    label; pat[i] = pattern index ending there, or -1. Node 0 is the root (the leading space).

    Built level by level from the sorted aliases: the nodes at depth d are the distinct
    d-byte prefixes, in sorted order, which is also the order of their parents at depth d-1."""
    aliases = []
    for k, p in enumerate(patterns):
        assert p[:1] == b" " and len(p) > 1, p
        aliases.append((p[1:], k))
    aliases.sort()
    keys = [a for a, _ in aliases]
    idx = [k for _, k in aliases]
    maxlen = max(map(len, keys))
    labels = [0]  # root
    pats = [-1]
    nchild = []  # per node, filled level by level
    # the patterns still alive at this depth (sorted), and the node index of their depth-(d-1)
    # prefix
    alive = list(range(len(keys)))
    parent_of = [0] * len(keys)
    level_nodes = [0]  # node ids at depth d-1, in order
    for d in range(1, maxlen + 1):
        counts = dict.fromkeys(level_nodes, 0)
        new_alive = []
        new_parent = []
        prev_prefix = None
        prev_node = -1
        new_level = []
        for a in alive:
            key = keys[a]
            pre = key[:d]
            if pre != prev_prefix:
                node = len(labels)
                labels.append(key[d - 1])
                pats.append(-1)
                counts[parent_of[a]] += 1
                prev_prefix, prev_node = pre, node
                new_level.append(node)
            if len(key) == d:
                pats[prev_node] = idx[a]
            else:
                new_alive.append(a)
                new_parent.append(prev_node)
        nchild.extend(counts[n] for n in level_nodes)
        alive = new_alive
        parent_of_new = [0] * len(keys)
        for a, p in zip(new_alive, new_parent):
            parent_of_new[a] = p
        parent_of = parent_of_new
        level_nodes = new_level
        if not alive:
            nchild.extend(0 for _ in level_nodes)
            break
    n = len(labels)
    assert len(nchild) == n, (len(nchild), n)
    # BFS order: node ids were assigned level by level, parents in order, so children of node
    # i start right after all children of nodes < i; the first child of the root is node 1
    nc = np.array(nchild, dtype=np.int64)
    first = np.empty(n + 1, dtype=np.int32)
    first[0] = 1
    first[1:] = 1 + np.cumsum(nc)
    return first, np.array(labels, dtype=np.uint8), np.array(pats, dtype=np.int32)


def compile_lib() -> ctypes.CDLL:
    so = HERE / "walk.so"
    src = HERE / "walk.c"
    if not so.exists() or so.stat().st_mtime < src.stat().st_mtime:
        subprocess.run(
            ["gcc", "-O2", "-shared", "-fPIC", "-o", str(so), str(src)], check=True
        )
    lib = ctypes.CDLL(str(so))
    lib.set_trie.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
    lib.set_trie.restype = None
    lib.walk.argtypes = [ctypes.c_char_p, ctypes.c_int32, ctypes.c_void_p, ctypes.c_int32]
    lib.walk.restype = ctypes.c_int32
    return lib


class Walker:
    """Holds the trie arrays (kept alive) and a preallocated output buffer."""

    def __init__(self, patterns: list[bytes], cap: int = 1 << 20) -> None:
        self.first, self.label, self.pat = build_trie(patterns)
        self.lib = compile_lib()
        self.lib.set_trie(self.first.ctypes.data, self.label.ctypes.data, self.pat.ctypes.data)
        self.cap = cap
        self.buf = (ctypes.c_int32 * (3 * cap))()
        self.view = memoryview(self.buf).cast("B").cast("i")
        self._walk = self.lib.walk
        self._addr = ctypes.addressof(self.buf)

    def nbytes(self) -> int:
        return self.first.nbytes + self.label.nbytes + self.pat.nbytes

    def find(self, search: bytes) -> list[int]:
        """Flat list [pattern, start, end, pattern, start, end, ...]."""
        k = self._walk(search, len(search), self._addr, self.cap)
        if k < 0:
            raise RuntimeError("output buffer too small")
        return self.view[: 3 * k].tolist()


# ------------------------------------------------------------------------------------------
# v2: path-compressed trie, DFS pre-order, one byte array (see walk.c)


def build_trie2(patterns: list[bytes]):
    """Returns (T: bytes, root_tab: int32[256], n_records)."""
    import struct
    import sys

    pairs = sorted((p[1:], k) for k, p in enumerate(patterns))
    keys = [a for a, _ in pairs]
    idx = [k for _, k in pairs]
    n = len(keys)
    lcp = [0] * n
    for i in range(1, n):
        a, b = keys[i - 1], keys[i]
        m = min(len(a), len(b))
        j = 0
        # compare in chunks first, then byte by byte
        while j + 8 <= m and a[j : j + 8] == b[j : j + 8]:
            j += 8
        while j < m and a[j] == b[j]:
            j += 1
        lcp[i] = j
    T = bytearray()
    pack_i = struct.Struct("<i").pack_into
    n_rec = 0
    sys.setrecursionlimit(10000)

    def node(lo: int, hi: int, d: int) -> int:
        """Write the record for keys[lo:hi], which share their first d bytes; return its
        offset."""
        nonlocal n_rec
        n_rec += 1
        if hi - lo == 1:
            D = len(keys[lo])
        else:
            D = min(lcp[lo + 1 : hi])
        D = min(D, d + 255)
        tail = keys[lo][d:D]
        pat = -1
        start = lo
        if len(keys[lo]) == D:
            pat = idx[lo]
            start = lo + 1
        # children: groups of keys[start:hi] by byte D
        groups = []
        i = start
        while i < hi:
            c = keys[i][D]
            j = i + 1
            while j < hi and keys[j][D] == c:
                j += 1
            groups.append((c, i, j))
            i = j
        assert len(groups) < 256
        off = len(T)
        T.append(len(tail))
        T.extend(tail)
        T.extend(struct.pack("<i", pat))
        T.append(len(groups))
        T.extend(c for c, _, _ in groups)
        slots = len(T)
        T.extend(b"\0" * (4 * len(groups)))
        for g, (c, a, b) in enumerate(groups):
            child = node(a, b, D + 1)
            pack_i(T, slots + 4 * g, child)
        return off

    # the root: all keys, depth 0, no tail (keys differ in their first byte)
    root = [-1] * 256
    i = 0
    while i < n:
        c = keys[i][0]
        j = i + 1
        while j < n and keys[j][0] == c:
            j += 1
        root[c] = node(i, j, 1)
        i = j
    import numpy as np

    return bytes(T), np.array(root, dtype=np.int32), n_rec


class Walker2(Walker):
    def __init__(self, patterns: list[bytes], cap: int = 1 << 20) -> None:
        self.T, self.root, self.n_records = build_trie2(patterns)
        self.lib = compile_lib()
        self.lib.set_trie2.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
        self.lib.set_trie2.restype = None
        self.lib.walk2.argtypes = [ctypes.c_char_p, ctypes.c_int32, ctypes.c_void_p, ctypes.c_int32]
        self.lib.walk2.restype = ctypes.c_int32
        self.lib.set_trie2(self.T, self.root.ctypes.data)
        self.cap = cap
        self.buf = (ctypes.c_int32 * (3 * cap))()
        self.view = memoryview(self.buf).cast("B").cast("i")
        self._walk = self.lib.walk2
        self._addr = ctypes.addressof(self.buf)

    def nbytes(self) -> int:
        return len(self.T) + self.root.nbytes


# ------------------------------------------------------------------------------------------
# v3: first token by hash, then v2 records for the rest of the alias


def _fnv(b: bytes) -> int:
    h = 2166136261
    for c in b:
        h = ((h ^ c) * 16777619) & 0xFFFFFFFF
    return h


def build_trie3(patterns: list[bytes]):
    """Returns (T bytes, hash-table numpy structured array, token pool bytes, n_records)."""
    import struct
    import sys

    import numpy as np

    items = []
    for k, p in enumerate(patterns):
        key = p[1:]
        items.append((key.split(b" ", 1)[0], key, k))
    items.sort()
    toks = [f for f, _, _ in items]
    keys = [a for _, a, _ in items]
    idx = [k for _, _, k in items]
    n = len(keys)
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
    T = bytearray()
    pack_i = struct.Struct("<i").pack_into
    n_rec = 0
    sys.setrecursionlimit(10000)

    def node(lo: int, hi: int, d: int) -> int:
        nonlocal n_rec
        n_rec += 1
        D = len(keys[lo]) if hi - lo == 1 else min(lcp[lo + 1 : hi])
        D = min(D, d + 255)
        tail = keys[lo][d:D]
        pat = -1
        start = lo
        if len(keys[lo]) == D:
            pat = idx[lo]
            start = lo + 1
        groups = []
        i = start
        while i < hi:
            c = keys[i][D]
            j = i + 1
            while j < hi and keys[j][D] == c:
                j += 1
            groups.append((c, i, j))
            i = j
        assert len(groups) < 256
        off = len(T)
        T.append(len(tail))
        T.extend(tail)
        T.extend(struct.pack("<i", pat))
        T.append(len(groups))
        T.extend(c for c, _, _ in groups)
        slots = len(T)
        T.extend(b"\0" * (4 * len(groups)))
        for g, (c, a, b) in enumerate(groups):
            pack_i(T, slots + 4 * g, node(a, b, D + 1))
        return off

    entries = []  # (token, record)
    i = 0
    while i < n:
        f = toks[i]
        j = i + 1
        while j < n and toks[j] == f:
            j += 1
        entries.append((f, node(i, j, len(f))))
        i = j
    size = 1
    while size < 2 * len(entries):
        size *= 2
    ht = np.zeros(size, dtype=[("hash", "<u4"), ("rec", "<i4"), ("off", "<i4"), ("len", "<i4")])
    ht["rec"] = -1
    pool = bytearray()
    mask = size - 1
    for f, rec in entries:
        h = _fnv(f)
        k = h & mask
        while ht["rec"][k] >= 0:
            k = (k + 1) & mask
        ht[k] = (h, rec, len(pool), len(f))
        pool.extend(f)
    return bytes(T), ht, bytes(pool), n_rec, len(entries)


class Walker3(Walker):
    def __init__(self, patterns: list[bytes], cap: int = 1 << 20) -> None:
        self.T, self.ht, self.pool, self.n_records, self.n_tokens = build_trie3(patterns)
        self.lib = compile_lib()
        self.lib.set_trie3.argtypes = [
            ctypes.c_char_p, ctypes.c_void_p, ctypes.c_uint32, ctypes.c_char_p
        ]
        self.lib.set_trie3.restype = None
        self.lib.walk3.argtypes = [ctypes.c_char_p, ctypes.c_int32, ctypes.c_void_p, ctypes.c_int32]
        self.lib.walk3.restype = ctypes.c_int32
        self.lib.set_trie3(self.T, self.ht.ctypes.data, len(self.ht), self.pool)
        self.cap = cap
        self.buf = (ctypes.c_int32 * (3 * cap))()
        self.view = memoryview(self.buf).cast("B").cast("i")
        self._walk = self.lib.walk3
        self._addr = ctypes.addressof(self.buf)

    def nbytes(self) -> int:
        return len(self.T) + self.ht.nbytes + len(self.pool)


def _add_from(w: Walker3) -> None:
    w.lib.walk3_from.argtypes = [
        ctypes.c_char_p, ctypes.c_int32, ctypes.c_int32, ctypes.c_void_p, ctypes.c_int32
    ]
    w.lib.walk3_from.restype = ctypes.c_int32
    f, addr, cap, view = w.lib.walk3_from, w._addr, w.cap, w.view

    def find_from(search: bytes, lo: int, n: int) -> list[int]:
        k = f(search, lo, n, addr, cap)
        if k < 0:
            raise RuntimeError("output buffer too small")
        return view[: 3 * k].tolist()

    w.find_from = find_from
