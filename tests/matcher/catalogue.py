"""A small hand-made sociale kaart around Groningen (PC4 9711) for the matcher's tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from socialmap.models import Activity

TODAY = date(2025, 6, 1)
GRATIS = {"amount_eur": "0"}


def _a(id_: str, name: str, description: str, dims: list[str], org: str, **kw: Any) -> Activity:
    data: dict[str, Any] = {
        "id": id_, "name": name, "description": description,
        "organisation": {"id": org, "name": org.replace("-", " ").title()},
        "dimensions": dims, "last_verified": "2025-03-01", "location": {"postcode": "9711"},
    }
    data.update(kw)
    return Activity.model_validate(data)


CATALOGUE = [
    _a("wg1", "Wandelgroep Noorderplantsoen", "Elke dinsdag samen wandelen in het park.",
       ["lichaamsfuncties", "meedoen"], "welzijn-groningen", cost=GRATIS,
       schedule={"when": "dinsdag 10:00-11:30", "days": ["di"]}),
    _a("wg2", "Wandelgroep Stadspark", "Een rustige wandeling met koffie na afloop.",
       ["lichaamsfuncties", "meedoen"], "welzijn-groningen", cost=GRATIS,
       location={"postcode": "9727"}),
    _a("wg3", "Wandelclub Beijum", "Stevig wandelen met de wandelclub in Beijum.",
       ["lichaamsfuncties"], "sportbedrijf", cost={"amount_eur": "1.00"},
       location={"postcode": "9736"}),
    _a("mf1", "Mindfulness cursus", "Acht weken mindfulness en meditatie tegen stress en piekeren.",
       ["mentaal_welbevinden"], "mind-centrum", complaints=["psychisch_licht"],
       cost={"amount_eur": "25"}, wheelchair="ja", age_min=18, location={"postcode": "9712"},
       schedule={"days": ["ma", "do"]}, languages=["nl", "en"], signup="Aanmelden via de site"),
    _a("ko1", "Koffieochtend Het Buurthuis", "Inloopochtend met koffie en een praatje.",
       ["meedoen"], "buurthuis", complaints=["eenzaamheid"], cost=GRATIS, wheelchair="ja",
       schedule={"when": "woensdag 9:30-11:30", "days": ["wo"]}, location={"postcode": "9725"}),
    _a("mt1", "Maatjesproject", "Een vrijwillig maatje die regelmatig langskomt of belt.",
       ["meedoen"], "humanitas", complaints=["eenzaamheid"], cost=GRATIS, online=True,
       location=None, languages=["nl", "ar", "tr"], contact={"phone": "050 123 45 67"}),
    _a("ou1", "Beweegclub 65+", "Bewegen op muziek voor ouderen.", ["lichaamsfuncties"],
       "sportbedrijf", cost={"amount_eur": "2.50"}, wheelchair="ja", age_min=65,
       schedule={"days": ["vr"]}),
    _a("jg1", "Jongerenwerk inloop", "Inloop voor jongeren met spel en gesprek.", ["meedoen"],
       "jongerenwerk", cost=GRATIS, age_min=16, age_max=23),
    _a("bg1", "Budgetmaatje", "Hulp bij geldzaken en thuisadministratie.",
       ["dagelijks_functioneren", "kwaliteit_van_leven"], "schuldhulp",
       complaints=["financien"], cost=GRATIS, last_verified=None),
    _a("vr1", "Vrijwilligerspunt", "Vind vrijwilligerswerk dat bij je past.",
       ["zingeving", "meedoen"], "vrijwilligerspunt", cost=GRATIS, location={"postcode": "9712"}),
    _a("rg1", "Rouwgroep", "Lotgenotengroep na verlies van een dierbare.", ["zingeving"],
       "humanitas", complaints=["vastlopen"], cost=GRATIS, location={"postcode": "9713"},
       languages=["nl", "en"], contact={"email": "rouw@example.org"}),
    _a("far1", "Wandelgroep Vondelpark", "Samen wandelen in Amsterdam.", ["lichaamsfuncties"],
       "welzijn-amsterdam", cost=GRATIS, location={"postcode": "1071"}),
    _a("yo1", "Online yoga", "Yoga via de computer, thuis mee te doen.", ["mentaal_welbevinden"],
       "mind-centrum", cost={"amount_eur": "5"}, online=True, location=None,
       schedule={"days": ["za"]}, languages=["en"]),
    _a("sc1", "Schilderclub", "Schilderen en tekenen in een gezellige groep.", ["zingeving"],
       "kunstcentrum", location={"postcode": "9711"}),
    _a("old1", "Oude wandelgroep", "Samen wandelen.", ["lichaamsfuncties"], "welzijn-groningen",
       cost=GRATIS, status="inactief"),
    _a("pau1", "Gepauzeerde koffieochtend", "Koffie drinken.", ["meedoen"], "buurthuis",
       cost=GRATIS, status="gepauzeerd"),
    _a("unc1", "Nog niet ingedeeld", "Wandelen en koffie.", [], "buurthuis", cost=GRATIS),
]
NEVER = {"old1", "pau1", "unc1"}
INDEXED = {a.id for a in CATALOGUE} - NEVER
BY_ID = {a.id: a for a in CATALOGUE}
