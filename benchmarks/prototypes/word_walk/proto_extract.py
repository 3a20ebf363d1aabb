"""SkillExtractor with the long-alias automaton replaced by the C word-start walk (v3).

Only ``_collect`` changes: the C walk returns whole-word matches (leftmost at word starts,
longest whole-word), so Python no longer sees raw matches that fail the word-end check and no
longer checks the word end; everything else (hyphen check, routing, cues, ambiguous aliases,
short aliases, rescans of rejected matches, strengths) is the extractor's own code.
"""

from __future__ import annotations

from pathlib import Path
import sys
from bisect import bisect_left

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from careerkit.skills import extract as X  # noqa: E402
from careerkit.skills._text import WORD_BYTE, alias_bytes, normalise_alias  # noqa: E402

from trie_build import Walker3, _add_from  # noqa: E402


class WalkExtractor(X.SkillExtractor):
    def __init__(self, taxonomy) -> None:
        super().__init__(taxonomy)
        self._walker = Walker3([alias_bytes(self._c.patterns[i]) for i in self._long_idx])
        _add_from(self._walker)
        self._find_from = self._walker.find_from

    def _collect(self, doc, lo, hi, accepted, pending, cues, masked) -> None:
        full = doc.search
        n = len(full)
        flat = self._find_from(full, lo, hi + 1 if hi < n else n)
        if self._ac_short is not None or self._short_find is not None:
            search = full[lo:hi] if lo or hi < n else full
            if self._ac_short is not None:
                short_matches = self._ac_short.find_matches_as_indexes(search)
            else:
                short_matches = self._short_find.find(search)
            if short_matches and lo:
                short_matches = [(api, s + lo, e + lo) for api, s, e in short_matches]
        else:
            short_matches = []
        if not flat and not short_matches:
            return
        search = full
        pat_skill, pat_status, pat_cue, pat_key, long_idx, exact, route, long_multi = self._tables
        raw = doc.raw
        word = WORD_BYTE
        hyphen = b"-" in raw
        add = accepted.append
        heads, pref, req = cues
        add_head, add_pref, add_req = heads.append, pref.append, req.append
        suffix = X._suffix
        it = iter(flat)
        for api, s, e in zip(it, it, it):  # noqa: B905
            # the word end is checked in C; the hyphen rule stays here
            if hyphen and (
                (raw[e] == 45 and word[raw[e + 1]] and not suffix(raw, e + 1))
                or (raw[s] == 45 and word[raw[s - 1]])
            ):
                if masked is not None and long_multi[api]:
                    masked.append((search.find(b" ", s + 1, e), e))
                continue
            pi = route[api]
            if pi >= 0:
                add((s + 1, e, pi))
                continue
            if pi < -1:
                cue = -1 - pi
                if cue == X.INLINE_REQUIRED:
                    add_req(s + 1)
                elif cue == X.INLINE_PREFERRED:
                    add_pref(s + 1)
                elif s and raw[s] == 32 and word[raw[s - 1]]:
                    if cue == X.PREFERRED_HEADING:
                        add_pref(s + 1)
                else:
                    add_head((s + 1, e, cue))
                continue
            pi = long_idx[api]
            if exact[pi] and normalise_alias(doc.plain[s : e - 1]) != pat_key[pi]:
                continue
            cue = pat_cue[pi]
            if cue:
                X._file_cue(cue, s, e, raw, cues)
            if pat_skill[pi] >= 0:
                if pat_status[pi]:
                    pending.append((s + 1, e, pi))
                else:
                    add((s + 1, e, pi))
        if short_matches:
            taken = sorted((a, b) for a, b, _ in (*accepted, *pending))
            taken_starts = [a for a, _ in taken]
            short_idx = self._short_idx
            for api, s, e in short_matches:
                e -= 1
                if search[e] == 46 and search[e + 1] != 32:
                    continue
                if (raw[e] == 45 and word[raw[e + 1]] and not suffix(raw, e + 1)) or (
                    raw[s] == 45 and word[raw[s - 1]]
                ):
                    continue
                i = bisect_left(taken_starts, e) - 1
                if i >= 0 and taken[i][1] > s + 1:
                    continue
                pi = short_idx[api]
                if exact[pi] and normalise_alias(doc.plain[s : e - 1]) != pat_key[pi]:
                    continue
                (pending if pat_status[pi] else accepted).append((s + 1, e, pi))
            accepted.sort()
            pending.sort()
