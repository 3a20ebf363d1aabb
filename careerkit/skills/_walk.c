/* careerkit: whole-word alias search over the extractor's normalised text (see _walk.py).
 *
 * The text is the extractor's `search` bytes: lower-case ASCII, word separators are spaces, a
 * leading and a trailing space. Every alias starts at a word start, so no Aho-Corasick failure
 * links are needed: at each word start, the first word is looked up whole in a hash table of
 * the aliases' first words, then a path-compressed trie is walked along the text; the longest
 * alias that ends at a word end (a space, or a full stop before a space) is reported as
 * (pattern, start, end) with the automaton's conventions (start = the space before the word,
 * end = one past the alias), and the search goes on after it; else at the next word start.
 *
 * Trie record (built by _walk.py): [tail length u8][tail bytes][pattern i32, -1 if none]
 * [child count u8][child bytes, sorted][child offsets i32 each]. Hash slot: hash u32, record
 * i32 (-1: empty), token offset i32, token length i32. FNV-1a hashes.
 *
 * Written by the careerkit developers; no state is kept between calls.
 */
#include <stdint.h>
#include <string.h>

typedef struct {
    uint32_t hash;
    int32_t rec;
    int32_t off;
    int32_t len;
} ck_slot;

static int32_t rd32(const uint8_t *p) {
    int32_t v;
    memcpy(&v, p, 4);
    return v;
}

static int32_t lookup(const ck_slot *ht, uint32_t mask, const uint8_t *pool, uint32_t h,
                      const uint8_t *tok, int32_t len) {
    uint32_t k = h & mask;
    for (;;) {
        const ck_slot *e = &ht[k];
        if (e->rec < 0) return -1;
        if (e->hash == h && e->len == len && memcmp(pool + e->off, tok, (size_t)len) == 0)
            return e->rec;
        k = (k + 1) & mask;
    }
}

/* Words starting in [i0, n) of s; s[n - 1] must be a space. Writes up to cap triples to out;
 * returns their number, or -1 when out is too small. */
int32_t ck_walk(const uint8_t *T, const ck_slot *ht, uint32_t size, const uint8_t *pool,
                const uint8_t *s, int32_t i0, int32_t n, int32_t *out, int32_t cap) {
    uint32_t mask = size - 1;
    int32_t count = 0;
    int32_t i = i0;
    while (i < n) {
        while (i < n && s[i] == ' ') i++;
        if (i >= n) break;
        uint32_t h = 2166136261u;
        int32_t t = i;
        while (s[t] != ' ') {
            h = (h ^ s[t]) * 16777619u;
            t++;
        }
        int32_t best = -1, best_end = 0;
        int32_t rec = lookup(ht, mask, pool, h, s + i, t - i);
        int32_t j = t;
        while (rec >= 0) {
            const uint8_t *p = T + rec;
            int32_t len = p[0];
            p++;
            if (len) {
                if (j + len >= n || memcmp(s + j, p, (size_t)len) != 0) break;
                j += len;
                p += len;
            }
            int32_t pat = rd32(p);
            p += 4;
            if (pat >= 0) {
                uint8_t c = s[j];
                if (c == ' ' || (c == '.' && s[j + 1] == ' ')) {
                    best = pat;
                    best_end = j;
                }
            }
            int32_t nc = p[0];
            p++;
            if (!nc || j + 1 >= n) break;
            uint8_t c = s[j];
            int32_t k = -1;
            if (nc <= 16) {
                for (int32_t q = 0; q < nc; q++) {
                    if (p[q] == c) { k = q; break; }
                    if (p[q] > c) break;
                }
            } else {
                int32_t lo = 0, hi = nc;
                while (lo < hi) {
                    int32_t mid = (lo + hi) >> 1;
                    if (p[mid] == c) { k = mid; break; }
                    if (p[mid] < c) lo = mid + 1; else hi = mid;
                }
            }
            if (k < 0) break;
            rec = rd32(p + nc + 4 * k);
            j++;
        }
        if (best < 0 && t - i > 1 && s[t - 1] == '.') {
            /* "word. ": a one-word alias before the sentence's full stop */
            uint32_t h2 = 2166136261u;
            for (int32_t q = i; q < t - 1; q++) h2 = (h2 ^ s[q]) * 16777619u;
            int32_t r2 = lookup(ht, mask, pool, h2, s + i, t - 1 - i);
            if (r2 >= 0 && T[r2] == 0) {
                int32_t pat = rd32(T + r2 + 1);
                if (pat >= 0) {
                    best = pat;
                    best_end = t - 1;
                }
            }
        }
        if (best >= 0) {
            if (count >= cap) return -1;
            out[3 * count] = best;
            out[3 * count + 1] = i - 1;
            out[3 * count + 2] = best_end;
            count++;
            if (best_end > t) {
                const uint8_t *sp = memchr(s + best_end, ' ', (size_t)(n - best_end));
                if (sp == NULL) break;
                t = (int32_t)(sp - s);
            }
        }
        i = t;
    }
    return count;
}
