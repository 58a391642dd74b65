"""Dutch word stems (Snowball) for matching the word list on stems rather than surface forms.

The Snowball project's Dutch stemmer in C (PyStemmer, about half a microsecond a word), with its
own cache switched off: a note's words are stemmed as they come and nothing of them is kept.
The word list keeps a table of the stems of its own words, and other words pass a cheap test
first: only a word whose stem could be a stem of the word list is stemmed.
"""

from __future__ import annotations

import threading

import Stemmer

#: Words shorter than this are never stemmed (their stem is the word itself).
MIN_LENGTH = 5

_LOCK = threading.Lock()  # a stemmer object keeps state while it works
_SNOWBALL = Stemmer.Stemmer("dutch", 0)  # 0: no cache of the words it has seen


def stem(word: str) -> str:
    """The stem of a normalised (lower-case, accent-folded) word; short words stay as they are.

    Snowball's Dutch stemmer plus one step of its own: a verb's final ``-t`` after a consonant
    goes ("woont" = "wonen", "piekert" = "piekeren"); Snowball already handles "slaapt".
    """
    if len(word) < MIN_LENGTH:
        return word
    with _LOCK:
        found: str = _SNOWBALL.stemWord(word)
        if found == word and word[-1] == "t" and word[-2] not in "aeiout":
            found = _SNOWBALL.stemWord(word[:-1])
    return found


def stem_keys(found: str) -> set[str]:
    """Short keys under which words with the stem ``found`` are looked up (see ``may_match``).

    The first three letters, with a doubled vowel among them also single and a single one
    also doubled ("buur" from "buren": ``buu`` and ``bur``).
    """
    head = found[:3]
    keys = {head}
    for at, letter in enumerate(head):
        if letter in "aeou":
            keys.add((head[:at] + letter + head[at:])[:3])
            if head[at + 1 : at + 2] == letter:
                keys.add((head[:at] + head[at + 1 :] + found[3:4])[:3])
    return keys


def may_match(word: str, keys: frozenset[str]) -> bool:
    """Can the stem of ``word`` have one of ``keys``? Snowball drops the ``ge`` of a participle,
    also after a particle ("afgelopen" = "aflop"), so the word is tried without it too."""
    if word[:3] in keys:
        return True
    at = word.find("ge", 0, 5)
    return at != -1 and (word[:at] + word[at + 2 : at + 5])[:3] in keys
