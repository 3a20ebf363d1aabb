/* Word-start trie walk over careerkit's normalised search bytes.
 *
 * Trie layout (built in Python, trie_build.py): nodes in BFS order, so the children of node i
 * are the consecutive nodes first[i] .. first[i+1]-1, sorted by their edge byte label[].
 * pat[i] >= 0 when a pattern ends at node i (its index in the automaton's pattern list).
 * The root (node 0) stands for the patterns' leading space; root_tab[b] is its child for byte b
 * (or -1), so the first step is one table look-up.
 *
 * Output: triples (pattern index, start, end) with the automaton's conventions: start is the
 * index of the space before the word, end is one past the alias's last byte.
 */
#include <stdint.h>
#include <string.h>

static const int32_t *g_first;
static const uint8_t *g_label;
static const int32_t *g_pat;
static int32_t g_root[256];

void set_trie(const int32_t *first, const uint8_t *label, const int32_t *pat) {
    g_first = first;
    g_label = label;
    g_pat = pat;
    int32_t a = first[0], b = first[1];
    for (int c = 0; c < 256; c++) g_root[c] = -1;
    for (int32_t k = a; k < b; k++) g_root[label[k]] = k;
}

static inline int32_t child(int32_t node, uint8_t c) {
    int32_t lo = g_first[node], hi = g_first[node + 1];
    const uint8_t *lab = g_label;
    if (hi - lo <= 8) {
        for (int32_t k = lo; k < hi; k++) {
            uint8_t l = lab[k];
            if (l == c) return k;
            if (l > c) return -1;
        }
        return -1;
    }
    while (lo < hi) {
        int32_t mid = (lo + hi) >> 1;
        uint8_t l = lab[mid];
        if (l == c) return mid;
        if (l < c) lo = mid + 1; else hi = mid;
    }
    return -1;
}

/* s: the search bytes (start and end with a space); returns the number of triples written
 * (at most cap), or -1 if out ran out of room. */
int walk(const uint8_t *s, int32_t n, int32_t *out, int32_t cap) {
    int32_t count = 0;
    int32_t i = 0;
    const int32_t *pat = g_pat;
    while (i < n) {
        /* s[i] is a space: the next word start is the first non-space after it */
        while (i < n && s[i] == ' ') i++;
        if (i >= n) break;
        /* word start at i */
        int32_t node = g_root[s[i]];
        int32_t best = -1, best_end = 0;
        int32_t j = i;
        while (node >= 0) {
            j++;
            /* j < n always here: s[n-1] is a space and no pattern ends with one */
            if (pat[node] >= 0) {
                uint8_t c = s[j];
                if (c == ' ' || (c == '.' && s[j + 1] == ' ')) {
                    best = node;
                    best_end = j;
                }
            }
            if (j >= n) break;
            node = child(node, s[j]);
        }
        if (best >= 0) {
            if (count >= cap) return -1;
            out[3 * count] = pat[best];
            out[3 * count + 1] = i - 1;
            out[3 * count + 2] = best_end;
            count++;
            i = best_end; /* s[best_end] is a space or a full stop before a space */
        }
        /* go to the next space */
        const uint8_t *sp = memchr(s + i, ' ', (size_t)(n - i));
        if (sp == NULL) break;
        i = (int32_t)(sp - s);
    }
    return count;
}

/* ---------------------------------------------------------------------------------------
 * v2: path-compressed trie in one byte array, nodes in DFS pre-order (a node's subtree is
 * contiguous, so a walk down a chain reads consecutive memory). Record at offset r:
 *   uint8 L; L bytes of tail (single-child chain, no pattern ending inside it);
 *   int32 pat (pattern ending after the tail, or -1); uint8 nchild;
 *   nchild label bytes (sorted); nchild int32 offsets of the child records.
 * The label byte of a child is consumed by the look-up; its record starts with its tail.
 */
static const uint8_t *g_T;
static int32_t g_root2[256];

static inline int32_t rd32(const uint8_t *p) {
    int32_t v;
    memcpy(&v, p, 4);
    return v;
}

void set_trie2(const uint8_t *T, const int32_t *root_tab) {
    g_T = T;
    for (int c = 0; c < 256; c++) g_root2[c] = root_tab[c];
}

int walk2(const uint8_t *s, int32_t n, int32_t *out, int32_t cap) {
    const uint8_t *T = g_T;
    int32_t count = 0;
    int32_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ') i++;
        if (i >= n) break;
        int32_t rec = g_root2[s[i]];
        int32_t best = -1, best_end = 0;
        int32_t j = i + 1;
        while (rec >= 0) {
            const uint8_t *p = T + rec;
            int32_t L = p[0];
            p++;
            if (L) {
                if (j + L >= n || memcmp(s + j, p, (size_t)L) != 0) break;
                j += L;
                p += L;
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
        if (best >= 0) {
            if (count >= cap) return -1;
            out[3 * count] = best;
            out[3 * count + 1] = i - 1;
            out[3 * count + 2] = best_end;
            count++;
            i = best_end;
        }
        const uint8_t *sp = memchr(s + i, ' ', (size_t)(n - i));
        if (sp == NULL) break;
        i = (int32_t)(sp - s);
    }
    return count;
}

/* ---------------------------------------------------------------------------------------
 * v3: the first word by hash. A text token (bytes up to the next space) is looked up in an
 * open-addressing table of the aliases' first tokens (FNV-1a 32); each entry points to a
 * v2-style record of the subtrie of the rest of those aliases (depth = token length). A token
 * ending in "." is looked up again without it (a one-word alias before ". ").
 */
static const uint8_t *g_T3;

typedef struct {
    uint32_t hash;
    int32_t rec; /* -1: empty slot */
    int32_t off; /* token bytes in g_pool */
    int32_t len;
} slot_t;

static const slot_t *g_ht;
static uint32_t g_mask;
static const uint8_t *g_pool;

void set_trie3(const uint8_t *T, const void *ht, uint32_t size, const uint8_t *pool) {
    g_T3 = T;
    g_ht = (const slot_t *)ht;
    g_mask = size - 1;
    g_pool = pool;
}

static inline int32_t lookup(uint32_t h, const uint8_t *tok, int32_t len) {
    uint32_t k = h & g_mask;
    for (;;) {
        const slot_t *e = &g_ht[k];
        if (e->rec < 0) return -1;
        if (e->hash == h && e->len == len && memcmp(g_pool + e->off, tok, (size_t)len) == 0)
            return e->rec;
        k = (k + 1) & g_mask;
    }
}

/* words starting in [i0, n); s[n-1] must be a space */
int walk3_from(const uint8_t *s, int32_t i0, int32_t n, int32_t *out, int32_t cap) {
    const uint8_t *T = g_T3;
    int32_t count = 0;
    int32_t i = i0;
    while (i < n) {
        while (i < n && s[i] == ' ') i++;
        if (i >= n) break;
        uint32_t h = 2166136261u;
        int32_t t = i;
        while (s[t] != ' ') { /* s[n-1] is a space */
            h = (h ^ s[t]) * 16777619u;
            t++;
        }
        int32_t best = -1, best_end = 0;
        int32_t rec = lookup(h, s + i, t - i);
        int32_t j = t;
        while (rec >= 0) {
            const uint8_t *p = T + rec;
            int32_t L = p[0];
            p++;
            if (L) {
                if (j + L >= n || memcmp(s + j, p, (size_t)L) != 0) break;
                j += L;
                p += L;
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
            /* "word. ": a one-word alias ending before the full stop */
            uint32_t h2 = 2166136261u;
            for (int32_t q = i; q < t - 1; q++) h2 = (h2 ^ s[q]) * 16777619u;
            int32_t r2 = lookup(h2, s + i, t - 1 - i);
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

int walk3(const uint8_t *s, int32_t n, int32_t *out, int32_t cap) {
    return walk3_from(s, 0, n, out, cap);
}
