"""Integer codes for repeated values: each distinct value is kept once, in a shared table."""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import numpy as np
import pandas as pd


def encode(values: Iterable[Hashable], n: int, table: dict[Hashable, int]) -> np.ndarray:
    """Codes of the ``n`` ``values`` in ``table``; values it lacks are added (NaN counts as None).

    The distinct values are found in C (``pandas.factorize``); only those touch ``table``, in
    order of first appearance.
    """
    local, uniques = pd.factorize(np.fromiter(values, dtype=object, count=n))
    known = np.fromiter((table.setdefault(v, len(table)) for v in uniques), dtype=np.int32,
                        count=len(uniques))
    if (local < 0).any():
        known = np.append(known, np.int32(table.setdefault(None, len(table))))
    return known[local]


__all__ = ["encode"]
