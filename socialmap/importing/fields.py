"""Parsers for single spreadsheet cells: tolerant of how people type, strict about meaning.

Every parser takes the cell text (already stripped; never empty: blank cells are handled by the
caller) and returns a typed value or raises :class:`FieldError` with a Dutch message.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from ..models import DAYS, Status, Wheelchair
from ..vocabulary import Match, TermSet

#: Characters a spreadsheet treats as the start of a formula; see :func:`unguard_formula`.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


class FieldError(ValueError):
    """A cell could not be read; the message is Dutch and names what was expected."""


def clean_text(value: str) -> str:
    """Strip and collapse runs of spaces (keeping line breaks out of one-line fields)."""
    return " ".join(value.split())


def unguard_formula(value: str) -> str:
    """Remove the ``'`` that an export put before a cell that would start a formula."""
    if value.startswith("'") and value[1:].startswith(FORMULA_TRIGGERS + ("'",)):
        rest = value[1:]
        if rest.startswith("'") and not rest[1:].startswith(FORMULA_TRIGGERS):
            return value
        return rest
    return value


_YES = {"ja", "j", "yes", "y", "true", "waar", "1", "x", "wel"}
_NO = {"nee", "n", "no", "false", "onwaar", "0", "niet"}


def parse_bool(value: str) -> bool:
    """``ja``/``nee`` (also j/n, yes/no, true/false, 1/0, x)."""
    key = value.strip().lower()
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise FieldError("verwacht ja of nee")


def parse_wheelchair(value: str) -> Wheelchair:
    """``ja``/``nee``/``onbekend``."""
    key = value.strip().lower()
    if key in ("onbekend", "?", "weet niet", "unknown"):
        return Wheelchair.ONBEKEND
    try:
        return Wheelchair.JA if parse_bool(key) else Wheelchair.NEE
    except FieldError:
        raise FieldError("verwacht ja, nee of onbekend") from None


_STATUS = {
    "actief": Status.ACTIEF, "active": Status.ACTIEF, "ja": Status.ACTIEF,
    "gepauzeerd": Status.GEPAUZEERD, "pauze": Status.GEPAUZEERD, "paused": Status.GEPAUZEERD,
    "inactief": Status.INACTIEF, "niet actief": Status.INACTIEF, "inactive": Status.INACTIEF,
    "gestopt": Status.INACTIEF,
}


def parse_status(value: str) -> Status:
    """``actief``, ``gepauzeerd`` or ``inactief`` (any case)."""
    status = _STATUS.get(clean_text(value).lower())
    if status is None:
        raise FieldError("verwacht actief, gepauzeerd of inactief")
    return status


_NUMBER = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)?(,\d+)?$"
                     r"|^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$")


def parse_decimal(value: str) -> Decimal:
    """A number with a decimal comma or point; ``1.250,50`` and ``1,250.50`` also work."""
    text = value.strip().replace(" ", "").replace("\u00a0", "")
    if not text or not _NUMBER.match(text) or not any(c.isdigit() for c in text):
        raise FieldError("geen getal")
    if "," in text and ("." not in text or text.rfind(",") > text.rfind(".")):
        text = text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", "")
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the regex already rules this out
        raise FieldError("geen getal") from None


def parse_coordinate(value: str, *, limit: int, name: str) -> float:
    """A latitude (``limit`` 90) or longitude (180) in decimal degrees."""
    number = float(parse_decimal(value))
    if not -limit <= number <= limit:
        raise FieldError(f"{name} moet tussen -{limit} en {limit} liggen")
    return number


def parse_age(value: str) -> int:
    """Whole years (``18``, ``18 jaar``, ``65+``, ``18,0`` from Excel)."""
    text = re.sub(r"\s*(jaar|jr\.?|\+)\s*$", "", value.strip().lower())
    try:
        number = parse_decimal(text)
    except FieldError:
        raise FieldError("verwacht een leeftijd in hele jaren") from None
    if number != number.to_integral_value():
        raise FieldError("verwacht een leeftijd in hele jaren")
    if not 0 <= number <= 120:
        raise FieldError("leeftijd moet tussen 0 en 120 liggen")
    return int(number)


_AMOUNT = re.compile(
    r"^(?:€|eur|euro)?\s*([0-9][0-9.,\s]*?)\s*(?:,-|,--|€|eur|euro)?(?:\s+(.+))?$", re.IGNORECASE
)
_COST_HELP = ("verwacht 'gratis' of een bedrag in euro's, zoals 2,50; zet een uitleg in "
              "kosten_toelichting")
_FREE = {"gratis", "0", "kosteloos", "free", "geen kosten", "geen", "nvt gratis"}


def parse_cost(value: str) -> tuple[Decimal, str | None]:
    """``gratis`` or an amount in euros; returns the amount and any words after it.

    ``€ 2,50``, ``2.50``, ``2,-`` and ``€3 per keer`` (-> 3.00, "per keer") are accepted.
    """
    text = clean_text(value)
    if text.lower() in _FREE:
        return Decimal("0"), None
    match = _AMOUNT.match(text)
    if match is None:
        raise FieldError(_COST_HELP)
    try:
        amount = parse_decimal(match.group(1))
    except FieldError:
        raise FieldError(_COST_HELP) from None
    if amount < 0:
        raise FieldError("een bedrag kan niet negatief zijn")
    if amount != amount.quantize(Decimal("0.01")):
        raise FieldError("een bedrag heeft hooguit 2 cijfers achter de komma")
    return amount.quantize(Decimal("0.01")), match.group(2)


_DAY_WORDS = {
    "ma": "ma", "maandag": "ma", "maandagen": "ma", "mon": "ma", "monday": "ma",
    "di": "di", "dinsdag": "di", "dinsdagen": "di", "tue": "di", "tuesday": "di",
    "wo": "wo", "woensdag": "wo", "woensdagen": "wo", "wed": "wo", "wednesday": "wo",
    "do": "do", "donderdag": "do", "donderdagen": "do", "thu": "do", "thursday": "do",
    "vr": "vr", "vrijdag": "vr", "vrijdagen": "vr", "fri": "vr", "friday": "vr",
    "za": "za", "zaterdag": "za", "zaterdagen": "za", "sat": "za", "saturday": "za",
    "zo": "zo", "zondag": "zo", "zondagen": "zo", "sun": "zo", "sunday": "zo",
}
_DAY_GROUPS = {
    "dagelijks": DAYS, "elke dag": DAYS, "alle dagen": DAYS,
    "werkdagen": DAYS[:5], "doordeweeks": DAYS[:5], "weekend": DAYS[5:],
}
_RANGE = re.compile(r"^(\w+)-(\w+)$")


def parse_days(value: str) -> list[str]:
    """Week days: ``ma;wo``, ``maandag en woensdag``, ``ma-vr``, ``werkdagen``, ``dagelijks``."""
    days: list[str] = []
    for part in re.split(r"[;,/|\n]|\s+en\s+|\s+", _join_ranges(value.lower())):
        part = part.strip().rstrip(".")
        if not part:
            continue
        days.extend(_one_day_part(part))
    return sorted(set(days), key=DAYS.index)


def _join_ranges(text: str) -> str:
    text = re.sub(r"\s*(?:-|–|t/m|tot en met)\s*", "-", text)
    return text.replace("elke dag", "dagelijks").replace("alle dagen", "dagelijks")


def _one_day_part(part: str) -> list[str]:
    if part in _DAY_GROUPS:
        return list(_DAY_GROUPS[part])
    if part in _DAY_WORDS:
        return [_DAY_WORDS[part]]
    match = _RANGE.match(part)
    if match and match.group(1) in _DAY_WORDS and match.group(2) in _DAY_WORDS:
        start, end = DAYS.index(_DAY_WORDS[match.group(1)]), DAYS.index(_DAY_WORDS[match.group(2)])
        if start <= end:
            return list(DAYS[start:end + 1])
    raise FieldError(f"onbekende dag '{part}'; gebruik ma, di, wo, do, vr, za, zo")


def days_in_text(value: str) -> list[str]:
    """The week days named anywhere in free text (``dinsdag 10:00-12:00`` -> ``di``)."""
    words = re.findall(r"[a-z]+", value.lower())
    found = [_DAY_WORDS[w] for w in words if w in _DAY_WORDS and len(w) > 3]
    return sorted(set(found), key=DAYS.index)


_LANGUAGES = {
    "nederlands": "nl", "dutch": "nl", "engels": "en", "english": "en", "arabisch": "ar",
    "turks": "tr", "duits": "de", "frans": "fr", "spaans": "es", "pools": "pl",
    "oekraiens": "uk", "oekraïens": "uk", "russisch": "ru", "somalisch": "so",
    "tigrinya": "ti", "tigrinia": "ti", "fries": "fy", "portugees": "pt", "italiaans": "it",
    "farsi": "fa", "perzisch": "fa", "dari": "fa", "koerdisch": "ku", "chinees": "zh",
    "roemeens": "ro", "bulgaars": "bg", "hongaars": "hu", "grieks": "el", "hindi": "hi",
    "urdu": "ur", "amhaars": "am", "pasjtoe": "ps", "gebarentaal": "sgn",
}


def parse_languages(value: str) -> list[str]:
    """ISO 639-1 codes or Dutch language names: ``nl;en``, ``Nederlands, Arabisch``."""
    codes: list[str] = []
    for part in re.split(r"[;,/|\n]|\s+en\s+", value.lower()):
        part = part.strip()
        if not part:
            continue
        code = part if re.fullmatch(r"[a-z]{2}", part) else _LANGUAGES.get(part)
        if code is None or len(code) != 2:
            raise FieldError(f"onbekende taal '{part}'; gebruik ISO 639-1-codes zoals nl, en, ar")
        codes.append(code)
    return list(dict.fromkeys(codes))


_DATE_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$")
_DATE_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+)?$")
_EXCEL_EPOCH = date(1899, 12, 30)


def parse_date(value: str, *, today: date | None = None) -> tuple[date, str | None]:
    """``dd-mm-jjjj``, ``d-m-jjjj``, ``dd/mm/jjjj``, ISO ``jjjj-mm-dd`` or ``dd-mm-jj``.

    Returns the date and a Dutch note when the reading involved a guess (two-digit year, Excel
    serial number). A date more than a day in the future is an error.
    """
    text = value.strip()
    note = None
    if m := _DATE_YMD.match(text):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _DATE_DMY.match(text):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if len(m.group(3)) == 2:
            year += 2000
            note = f"jaartal '{m.group(3)}' gelezen als {year}"
    elif re.fullmatch(r"\d{5}", text) and 20000 <= int(text) <= 80000:
        found = _EXCEL_EPOCH + timedelta(days=int(text))
        return _not_future(found, today), f"Excel-datumgetal gelezen als {found:%d-%m-%Y}"
    else:
        raise FieldError("verwacht een datum als dd-mm-jjjj (bijvoorbeeld 31-12-2024)")
    try:
        found = date(year, month, day)
    except ValueError:
        raise FieldError("deze datum bestaat niet") from None
    return _not_future(found, today), note


def _not_future(found: date, today: date | None) -> date:
    if found > (today or date.today()) + timedelta(days=1):
        raise FieldError("deze datum ligt in de toekomst")
    return found


def split_terms(value: str) -> list[str]:
    """Split a cell into parts on ``;``, ``|`` and line breaks (commas are decided later)."""
    return [p.strip() for p in re.split(r"[;|\n]", value) if p.strip()]


def resolve_terms(value: str, terms: TermSet) -> tuple[list[Match], list[str]]:
    """Resolve a cell of vocabulary ids/labels; returns the matches and the unreadable parts.

    Parts are separated by ``;`` (or ``|``, a line break). A comma also separates, except
    inside a label that itself holds commas: the longest run of comma parts that is an exact
    label wins.
    """
    matches: list[Match] = []
    unknown: list[str] = []
    for part in split_terms(value):
        exact = terms.resolve(part)
        if exact is not None and not exact.fuzzy:
            matches.append(exact)
            continue
        _resolve_commas([p.strip() for p in part.split(",") if p.strip()], terms, matches,
                        unknown)
    return matches, unknown


def _resolve_commas(pieces: list[str], terms: TermSet, matches: list[Match],
                    unknown: list[str]) -> None:
    i = 0
    while i < len(pieces):
        for j in range(len(pieces), i, -1):
            found = terms.resolve(", ".join(pieces[i:j]))
            if found is not None and (not found.fuzzy or j == i + 1):
                matches.append(found)
                i = j
                break
        else:
            unknown.append(pieces[i])
            i += 1
