"""Text relevance for ``query``: names and labels (typo tolerant), descriptions (TF-IDF).

Words are folded (lower case, no accents). A query word is expanded with its Dutch synonyms
(``data/matcher/synonyms.yaml``), then matched against the index's vocabulary: exactly, with a
small typo (rapidfuzz ratio), or by a shared word start (``wandelen`` ~ ``wandelgroep``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process
from scipy import sparse

from .codes import encode
from .config import Synonyms, TextParams

_WORD = re.compile(r"[a-z0-9]{2,}")
_CACHE_SIZE = 4096


def fold_fast(text: str) -> str:
    """Lower-case ASCII folding (accents dropped), fast enough for 100,000 descriptions."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def words(text: str) -> list[str]:
    """The folded words of a text (at least two characters)."""
    return _WORD.findall(fold_fast(text))


@dataclass
class TextIndex:
    """Sparse word matrices over one vocabulary: names/labels (binary) and descriptions (TF-IDF)."""

    vocab: list[str]
    ids: dict[str, int]
    names: sparse.csc_matrix
    names_rows: sparse.csr_matrix
    descriptions: sparse.csc_matrix
    by_length: dict[int, list[int]]
    by_prefix: dict[str, list[int]]
    #: The words of ``by_length``'s columns, in the same order (what the typo lookup compares).
    words_by_length: dict[int, list[str]]
    _terms: dict[tuple[str, float], dict[int, float]] = field(default_factory=dict, repr=False)


class _Tokens:
    """Documents as CSR row pointers and word columns, added in chunks of documents."""

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self.lengths: list[np.ndarray] = []
        self.indices: list[np.ndarray] = []

    def add(self, docs: Iterable[str]) -> None:
        """Tokenise ``docs`` onto the end; new words join this vocabulary in order of appearance."""
        toks = [words(doc) for doc in docs]
        flat = list(chain.from_iterable(toks))
        self.lengths.append(np.fromiter(map(len, toks), dtype=np.int64, count=len(toks)))
        self.indices.append(encode(flat, len(flat), self.vocab))  # type: ignore[arg-type]

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """Row pointers and word columns."""
        lengths = np.concatenate([np.zeros(1, dtype=np.int64), *self.lengths])
        indices = np.concatenate(self.indices) if self.indices else np.zeros(0, dtype=np.int32)
        return np.cumsum(lengths), indices


def _matrix(indptr: np.ndarray, indices: np.ndarray, n_words: int,
            dtype: type[np.floating[Any]] = np.float64) -> sparse.csr_matrix:
    data: np.ndarray = np.ones(len(indices), dtype=dtype)
    m = sparse.csr_matrix((data, indices, indptr), shape=(len(indptr) - 1, n_words))
    m.sum_duplicates()
    return m


def _tfidf(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """Sublinear TF-IDF with smoothed idf and unit-length rows (``counts`` is overwritten).

    The same numbers as scikit-learn's ``TfidfTransformer(sublinear_tf=True)`` (same operations
    in the same order, row norms summed left to right), computed in place on the count matrix
    so that building an index needs no second copy of it.
    """
    out = counts
    df = np.bincount(out.indices, minlength=out.shape[1]).astype(np.float64) + 1.0
    idf = np.full_like(df, out.shape[0] + 1)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    np.log(out.data, out=out.data)
    out.data += 1.0
    out.data *= idf[out.indices]
    starts, lengths = out.indptr[:-1], np.diff(out.indptr)
    sums = np.zeros(out.shape[0])
    for k in range(int(lengths.max()) if len(lengths) else 0):
        rows = np.flatnonzero(lengths > k)
        sums[rows] += out.data[starts[rows] + k] * out.data[starts[rows] + k]
    norms = np.sqrt(sums)
    norms[norms == 0.0] = 1.0
    out.data /= np.repeat(norms, lengths)
    return out


class TextBuilder:
    """Builds a :class:`TextIndex` from activities added in chunks (names, then descriptions).

    Names and descriptions are tokenised as they come, into separate vocabularies; the final
    vocabulary is the names' words followed by the descriptions' new words, each in order of
    first appearance.
    """

    def __init__(self) -> None:
        self._names = _Tokens()
        self._descriptions = _Tokens()

    def add(self, name_texts: Iterable[str], descriptions: Iterable[str]) -> None:
        """Tokenise one chunk of activities: their name/label texts and their descriptions."""
        self._names.add(name_texts)
        self._descriptions.add(descriptions)

    def build(self, prefix_chars: int) -> TextIndex:
        """The matrices of everything added (the builder's buffers are released)."""
        vocab = self._names.vocab
        name_ptr, name_idx = self._names.arrays()
        desc_ptr, desc_local = self._descriptions.arrays()
        to_vocab = np.fromiter((vocab.setdefault(w, len(vocab)) for w in self._descriptions.vocab),
                               dtype=np.int32, count=len(self._descriptions.vocab))
        desc_idx = to_vocab[desc_local]
        names = _matrix(name_ptr, name_idx, len(vocab), np.float32)  # 0/1: exact in float32
        names.data[:] = 1.0
        self._names = self._descriptions = _Tokens()
        del name_ptr, name_idx, desc_local
        counts = _matrix(desc_ptr, desc_idx, len(vocab))
        del desc_ptr, desc_idx
        descriptions = sparse.csc_matrix(_tfidf(counts) if counts.shape[0] else counts)
        del counts
        return TextIndex(list(vocab), vocab, names.tocsc(), names, descriptions,
                         *_word_lookups(vocab, prefix_chars))


def _word_lookups(vocab: dict[str, int], prefix_chars: int) -> tuple[
        dict[int, list[int]], dict[str, list[int]], dict[int, list[str]]]:
    by_length: dict[int, list[int]] = {}
    by_prefix: dict[str, list[int]] = {}
    words_by_length: dict[int, list[str]] = {}
    for w, i in vocab.items():
        by_length.setdefault(len(w), []).append(i)
        words_by_length.setdefault(len(w), []).append(w)
        if len(w) >= prefix_chars and not w.isdigit():
            by_prefix.setdefault(w[:prefix_chars], []).append(i)
    return by_length, by_prefix, words_by_length


def build_text_index(name_texts: list[str], descriptions: list[str],
                     prefix_chars: int) -> TextIndex:
    """Tokenise names/labels and descriptions once and build both matrices."""
    builder = TextBuilder()
    builder.add(name_texts, descriptions)
    return builder.build(prefix_chars)


def expand_query(query: str, synonyms: Synonyms, params: TextParams) -> list[dict[str, float]]:
    """Per query word: the words to look for with their weights (itself 1, synonyms less)."""
    table = synonyms.table()
    stop = set(synonyms.stopwords)
    groups = []
    for word in dict.fromkeys(words(query)):
        if word in stop:
            continue
        group = {word: 1.0}
        for syn in table.get(word, ()):
            group.setdefault(syn, params.synonym_weight)
        groups.append(group)
    return groups


def _fuzzy(ti: TextIndex, word: str, params: TextParams) -> dict[int, float]:
    """Vocabulary columns within a small typo of ``word``, best first (ties in vocabulary order).

    Query and vocabulary words are both folded ``[a-z0-9]+`` words, on which
    ``rapidfuzz.utils.default_process`` is the identity: the words are compared as they are, one
    precomputed list per word length (within 3 of the query word's).
    """
    if word.isdigit() or len(word) < 4:
        return {}
    hits: list[tuple[float, int]] = []
    for n in range(len(word) - 3, len(word) + 4):
        columns = ti.by_length.get(n)
        if columns:
            found = process.extract(word, ti.words_by_length[n], scorer=fuzz.ratio,
                                    processor=None, score_cutoff=params.fuzzy_min_ratio,
                                    limit=None)
            hits += ((score, columns[pos]) for _, score, pos in found)
    hits.sort(key=lambda hit: -hit[0])  # stable: equal scores stay in the order above
    return {column: score / 100.0 for score, column in hits}


def match_word(ti: TextIndex, word: str, weight: float, params: TextParams) -> dict[int, float]:
    """Vocabulary columns that stand for ``word`` (exact, typo, shared start) with weights."""
    key = (word, weight)
    if key in ti._terms:
        return ti._terms[key]
    found = {i: s * weight for i, s in _fuzzy(ti, word, params).items()}
    if len(word) >= params.prefix_min_chars:
        for i in ti.by_prefix.get(word[: params.prefix_min_chars], ()):
            found[i] = max(found.get(i, 0.0), params.prefix_weight * weight)
    exact = ti.ids.get(word)
    if exact is not None:
        found[exact] = weight
    if len(ti._terms) < _CACHE_SIZE:
        ti._terms[key] = found
    return found


def _group_columns(ti: TextIndex, group: dict[str, float],
                   params: TextParams) -> tuple[np.ndarray, np.ndarray]:
    merged: dict[int, float] = {}
    for word, weight in group.items():
        for col, w in match_word(ti, word, weight, params).items():
            merged[col] = max(merged.get(col, 0.0), w)
    cols = np.fromiter(merged, dtype=np.int64, count=len(merged))
    return cols, np.fromiter(merged.values(), dtype=np.float64, count=len(merged))


def _best(matrix: sparse.csc_matrix, cols: np.ndarray, ws: np.ndarray) -> np.ndarray:
    """Per activity (all rows), the best weighted value among the matched columns."""
    out = np.zeros(matrix.shape[0])
    for col, w in zip(cols, ws, strict=True):
        start, end = matrix.indptr[col], matrix.indptr[col + 1]
        rows = matrix.indices[start:end]
        out[rows] = np.maximum(out[rows], np.multiply(matrix.data[start:end], w,
                                                      dtype=np.float64))
    return out


def text_scores(ti: TextIndex, groups: list[dict[str, float]], params: TextParams) -> np.ndarray:
    """Relevance 0..1 of every indexed activity for the expanded query words."""
    total = np.zeros(ti.names.shape[0])
    for group in groups:
        cols, ws = _group_columns(ti, group, params)
        if len(cols) == 0:
            continue
        names = _best(ti.names, cols, ws)
        desc = _best(ti.descriptions, cols, ws)
        top = desc.max() if len(desc) else 0.0
        desc = desc / top if top > 0 else desc
        total += params.name_share * names + (1 - params.name_share) * desc
    return total / len(groups) if groups else total
