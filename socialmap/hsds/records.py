"""Plain HSDS records as read from or written to a tabular package, and a lookup index."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

#: One HSDS record: column name -> value (strings when read from CSV).
Record = dict[str, Any]
#: Records by HSDS table (resource) name, e.g. ``{"service": [...], "location": [...]}``.
Tables = dict[str, list[Record]]
#: A problem with one record: (record, "table.field", Dutch message).
Issue = tuple[Record, str, str]

#: Keys added to records read from a CSV file: the table and the row number (header = 1).
TABLE, ROW = "_table", "_row"


def where(record: Record) -> str:
    """Dutch location of a read record: 'locations.csv rij 3'."""
    return f"{record.get(TABLE, '?')} rij {record.get(ROW, '?')}"


class Index:
    """Records of a package, looked up by the value of one column (case-insensitive UUIDs)."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        self._cache: dict[tuple[str, str], dict[str, list[Record]]] = {}

    def by(self, table: str, column: str, value: str) -> list[Record]:
        """The records of ``table`` whose ``column`` equals ``value`` (empty when none)."""
        key = (table, column)
        if key not in self._cache:
            found: dict[str, list[Record]] = defaultdict(list)
            for record in self.tables.get(table, []):
                if record.get(column):
                    found[str(record[column]).lower()].append(record)
            self._cache[key] = found
        return self._cache[key].get(str(value).lower(), []) if value else []
