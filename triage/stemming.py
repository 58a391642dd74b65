"""Dutch word stems (Snowball) for matching the word list on stems rather than surface forms.

Snowball in pure Python is slow (tens of microseconds a word), so the word list keeps a table
of the stems of its own words, and other words pass a cheap test first: only a word whose stem
could be a stem of the word list is stemmed. Those stems are kept in a bounded cache of single
words (no phrase, sentence or note is ever kept).
"""

from __future__ import annotations

import threading
from functools import lru_cache

import snowballstemmer

#: Words shorter than this are never stemmed (their stem is the word itself).
MIN_LENGTH = 5
#: Single words whose stem is kept between calls (least recently used are dropped).
CACHE_SIZE = 4096
_VOWEL_PAIRS = (("aa", "a"), ("ee", "e"), ("oo", "o"), ("uu", "u"))

_LOCK = threading.Lock()  # a Snowball stemmer object keeps state while it works
_SNOWBALL = snowballstemmer.stemmer("dutch")


def stem(word: str) -> str:
    """The stem of a normalised (lower-case, accent-folded) word; short words stay as they are.

    Snowball's Dutch stemmer plus one step of its own: a verb's final ``-t`` after a consonant
    goes ("woont" = "wonen", "piekert" = "piekeren"); Snowball already handles "slaapt".
    """
    if len(word) < MIN_LENGTH:
        return word
    return _cached(word)


@lru_cache(maxsize=CACHE_SIZE)
def _cached(word: str) -> str:
    with _LOCK:
        found: str = _SNOWBALL.stemWord(word)
        if found == word and word[-1] == "t" and word[-2] not in "aeiout":
            found = _SNOWBALL.stemWord(word[:-1])
    return found


def _head(word: str) -> str:
    for double, single in _VOWEL_PAIRS:
        if double in word[:4]:
            word = word.replace(double, single, 1)
    return word[:3]


def heads(word: str) -> tuple[str, ...]:
    """Short keys that a word shares with its stem: 3 letters, doubled vowels single, no ``ge-``.

    Snowball drops the ``ge`` of a participle, also after a particle ("afgelopen" = "aflop"),
    so the keys are taken with and without it. A word none of whose keys is a key of a stem of
    the word list need not be stemmed.
    """
    keys = [_head(word)]
    if len(word) > MIN_LENGTH:
        at = word.find("ge", 0, 5)
        if at != -1:
            keys.append(_head(word[:at] + word[at + 2 :]))
    return tuple(keys)
