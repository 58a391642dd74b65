"""The activity form of the gemeente pages, with Dutch errors per field.

The form's field names are the native spreadsheet columns (contract section 5). A submitted form
is read exactly like one spreadsheet row (:func:`socialmap.importing.build.build_row`), so the
form and an import accept the same values and give the same messages; the pydantic model
:class:`~socialmap.models.ActivityIn` does the final validation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from werkzeug.datastructures import MultiDict

from socialmap.exporting.csv_export import activity_row
from socialmap.geo import normalise_postcode
from socialmap.importing.build import build_row
from socialmap.importing.fields import unguard_formula
from socialmap.models import ActivityIn

#: Form fields that are lists of checkboxes (joined with ``;`` like a spreadsheet cell).
MULTI = ("dimensies", "doelgroepen", "dagen")
#: Native columns the form edits, in form order. ``laatst_gecontroleerd`` is never edited here.
FORM_COLUMNS = (
    "id", "naam", "omschrijving", "organisatie", "dimensies", "doelgroepen", "online", "adres",
    "postcode", "plaats", "gemeente", "lat", "lon", "kosten", "kosten_toelichting", "wanneer",
    "dagen", "aanmelden", "leeftijd_min", "leeftijd_max", "rolstoeltoegankelijk", "talen",
    "contactpersoon", "telefoon", "email", "website", "status",
)
#: Dutch labels of the columns, for the form, the error summary and the conflict view.
LABELS = {
    "id": "Id", "naam": "Naam", "omschrijving": "Omschrijving", "organisatie": "Organisatie",
    "dimensies": "Spinnenweb-dimensies", "doelgroepen": "Klachtcategorieën (voor wie)",
    "online": "Online of telefonisch", "adres": "Adres", "postcode": "Postcode",
    "plaats": "Plaats", "gemeente": "Gemeente", "lat": "Breedtegraad (lat)",
    "lon": "Lengtegraad (lon)", "kosten": "Kosten", "kosten_toelichting": "Toelichting kosten",
    "wanneer": "Wanneer", "dagen": "Dagen", "aanmelden": "Aanmelden",
    "leeftijd_min": "Leeftijd vanaf", "leeftijd_max": "Leeftijd tot en met",
    "rolstoeltoegankelijk": "Rolstoeltoegankelijk", "talen": "Talen",
    "contactpersoon": "Contactpersoon", "telefoon": "Telefoon", "email": "E-mail",
    "website": "Website", "status": "Status", "laatst_gecontroleerd": "Laatst gecontroleerd",
}
#: Filled from the postcode when empty: cleared when the postcode changes and they did not.
FROM_POSTCODE = ("plaats", "gemeente", "lat", "lon")
MAX_FIELD = 5000
GENERAL = "formulier"


@dataclass
class ActivityForm:
    """A read form: the values to show again, the activity when valid, and what is wrong."""

    values: dict[str, str]
    activity: ActivityIn | None = None
    errors: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the form can be saved."""
        return self.activity is not None and not self.errors

    def summary(self) -> dict[str, str]:
        """The errors for the summary at the top: each names its field."""
        return {name: f"{LABELS.get(name, 'Formulier')}: {text}" if name != GENERAL else text
                for name, text in self.errors.items()}


def form_values(activity: ActivityIn) -> dict[str, str]:
    """The form fields of a stored activity, as text."""
    row = activity_row(activity)
    return {column: unguard_formula(row[column]) for column in FORM_COLUMNS}


def empty_values() -> dict[str, str]:
    """The form fields of a new activity."""
    values = dict.fromkeys(FORM_COLUMNS, "")
    values.update(online="nee", rolstoeltoegankelijk="onbekend", talen="nl", status="actief")
    return values


def _submitted(form: MultiDict[str, str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for column in FORM_COLUMNS:
        if column in MULTI:
            values[column] = ";".join(v.strip() for v in form.getlist(column) if v.strip())
        elif column == "online":
            values[column] = "ja" if form.get(column) == "ja" else "nee"
        else:
            values[column] = form.get(column, "").strip()[:MAX_FIELD]
    return values


#: Importer messages that read better in a form.
PHRASES = {
    "leeftijd_min is groter dan leeftijd_max":
        "De leeftijd vanaf is hoger dan de leeftijd tot en met.",
}


def _sentence(message: str, column: str | None) -> str:
    if message == "is verplicht maar leeg" and column:
        return f"Vul de {LABELS[column].lower()} in."
    if message in PHRASES:
        return PHRASES[message]
    text = message[:1].upper() + message[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


def _keep_location_in_step(values: dict[str, str], existing: ActivityIn) -> None:
    """A changed postcode gets town, municipality and coordinates from the new postcode."""
    before = form_values(existing)
    if normalise_postcode(values["postcode"]) == normalise_postcode(before["postcode"]):
        return
    for column in FROM_POSTCODE:
        if values[column] == before[column]:
            values[column] = ""


def read_activity_form(form: MultiDict[str, str], *, existing: ActivityIn | None = None,
                       verified_today: bool = False, today: date | None = None) -> ActivityForm:
    """Read a submitted activity form; ``existing`` is the stored activity being edited."""
    values = _submitted(form)
    row = dict(values)
    if existing is not None:
        values["id"] = row["id"] = existing.id
        _keep_location_in_step(row, existing)
        stored = activity_row(existing)
        row["voorgestelde_dimensies"] = stored["voorgestelde_dimensies"]
        row["voorgestelde_doelgroepen"] = stored["voorgestelde_doelgroepen"]
    if verified_today:
        row["laatst_gecontroleerd"] = (today or date.today()).isoformat()
    parsed = build_row(1, row, today=today)
    result = ActivityForm(values=values, activity=parsed.activity)
    for problem in parsed.errors:
        name = problem.field if problem.field in FORM_COLUMNS else GENERAL
        text = _sentence(problem.message, problem.field)
        result.errors[name] = f"{result.errors[name]} {text}" if name in result.errors else text
    result.warnings = [f"{LABELS.get(p.field or '', 'Let op')}: {_sentence(p.message, p.field)}"
                       for p in parsed.warnings]
    if result.errors:
        result.activity = None
    return result


def differences(theirs: ActivityIn, yours: ActivityIn) -> list[tuple[str, str, str]]:
    """The fields that differ between the stored activity and the user's: (label, theirs, yours)."""
    a, b = form_values(theirs), form_values(yours)
    return [(LABELS[c], a[c], b[c]) for c in FORM_COLUMNS if a[c] != b[c]]
