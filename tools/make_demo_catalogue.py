#!/usr/bin/env python3
# ruff: noqa: E501  (the template texts below are data; long Dutch sentences stay on one line)
"""Generate the fictional demo sociale kaart ``data/demo/sociale_kaart_demo.csv``.

Deterministic: the same seed always gives the same file. Everything in the output is made up
(organisations, streets, people, phone numbers, ``.example`` e-mail addresses and websites), except
the PC4 areas and their centroids, which come from ``data/geo/pc4_nl.csv`` (Bron: CBS).

The activity types follow the 003 summary card (spinnenweb dimension -> typical activities).

Usage::

    python tools/make_demo_catalogue.py            # writes data/demo/sociale_kaart_demo.csv
    python tools/make_demo_catalogue.py --seed 7 --out other.csv
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import math
import random
import re
from pathlib import Path

SEED = 20261123
REFERENCE_DATE = dt.date(2026, 11, 23)  # "today" for laatst_gecontroleerd

ROOT = Path(__file__).resolve().parent.parent
PC4_FILE = ROOT / "data" / "geo" / "pc4_nl.csv"
OUT_FILE = ROOT / "data" / "demo" / "sociale_kaart_demo.csv"

COLUMNS = [
    "id",
    "naam",
    "omschrijving",
    "organisatie",
    "dimensies",
    "doelgroepen",
    "adres",
    "postcode",
    "plaats",
    "gemeente",
    "lat",
    "lon",
    "online",
    "kosten",
    "kosten_toelichting",
    "wanneer",
    "aanmelden",
    "dagen",
    "leeftijd_min",
    "leeftijd_max",
    "rolstoeltoegankelijk",
    "talen",
    "contactpersoon",
    "telefoon",
    "email",
    "website",
    "laatst_gecontroleerd",
    "status",
]

DIMENSION_LABELS = {
    "lichaamsfuncties": "Lichaamsfuncties",
    "mentaal_welbevinden": "Mentaal welbevinden",
    "zingeving": "Zingeving",
    "kwaliteit_van_leven": "Kwaliteit van leven",
    "meedoen": "Meedoen",
    "dagelijks_functioneren": "Dagelijks functioneren",
}

CATEGORY_IDS = [
    "psychisch_licht",
    "vastlopen",
    "chronisch_lichamelijk",
    "chronisch_psychisch_stabiel",
    "mantelzorg",
    "eenzaamheid",
    "solk",
    "slaapproblemen",
    "zingeving",
    "wonen_wijk",
    "financien",
    "digitale_vaardigheden",
    "leefstijl",
]

DAY_NAMES = {
    "ma": "maandag",
    "di": "dinsdag",
    "wo": "woensdag",
    "do": "donderdag",
    "vr": "vrijdag",
    "za": "zaterdag",
    "zo": "zondag",
}
DAY_ORDER = list(DAY_NAMES)

# --------------------------------------------------------------------------------------------
# Municipalities: PC4 areas (main towns weighted), phone area code, fictional organisations.
# --------------------------------------------------------------------------------------------

MUNICIPALITIES = {
    "Groningen": {
        "pc4": {
            "9711": 3,
            "9712": 3,
            "9713": 2,
            "9714": 2,
            "9715": 2,
            "9716": 2,
            "9717": 2,
            "9718": 2,
            "9721": 2,
            "9722": 2,
            "9723": 2,
            "9724": 2,
            "9725": 2,
            "9726": 2,
            "9727": 2,
            "9728": 2,
            "9731": 2,
            "9732": 2,
            "9733": 2,
            "9734": 2,
            "9735": 2,
            "9736": 2,
            "9737": 2,
            "9738": 2,
            "9741": 2,
            "9742": 2,
            "9743": 2,
            "9744": 2,
            "9745": 2,
            "9746": 2,
            "9747": 2,
            "9751": 2,
            "9752": 2,
            "9753": 1,
            "9756": 1,
            "9791": 2,
            "9798": 1,
        },
        "area": "050",
        "extra": 16,
        "orgs": {
            "welzijn": ("Stichting Welzijn Noorderkwartier (demo)", "noorderkwartier"),
            "sport": ("Beweegcollectief Stad (demo)", "beweegcollectief"),
            "vrijwillig": ("Vrijwilligerspunt Zuiderhaven (demo)", "zuiderhaven"),
            "zorg": ("Gezondheidspraktijk Gezond Noord (demo)", "gezondnoord"),
            "cultuur": ("Buurtatelier Het Penseel (demo)", "hetpenseel"),
            "buurt": ("Wijkvereniging De Lindeboom (demo)", "lindeboom-wijk"),
        },
    },
    "Westerkwartier": {
        "pc4": {
            "9351": 4,
            "9801": 4,
            "9861": 3,
            "9363": 3,
            "9831": 2,
            "9843": 2,
            "9356": 2,
            "9354": 1,
            "9821": 1,
            "9804": 1,
            "9865": 1,
            "9891": 1,
            "9364": 1,
            "9822": 1,
            "9832": 1,
        },
        "area": "0594",
        "extra": 0,
        "orgs": {
            "welzijn": ("Stichting Welzijn Westerhorn (demo)", "westerhorn"),
            "sport": ("Sportvereniging De Wilgen (demo)", "dewilgen"),
            "vrijwillig": ("Vrijwilligerscentrale Kwartier West (demo)", "kwartierwest"),
            "zorg": ("Gezondheidspraktijk Leekster Hoeve (demo)", "leeksterhoeve"),
            "cultuur": ("Creatief Centrum De Paddestoel (demo)", "paddestoel"),
            "buurt": ("Dorpsvereniging Eendracht (demo)", "eendracht-dorp"),
        },
    },
    "Het Hogeland": {
        "pc4": {
            "9951": 3,
            "9781": 3,
            "9981": 3,
            "9989": 2,
            "9965": 2,
            "9971": 1,
            "9974": 2,
            "9988": 1,
            "9982": 2,
            "9953": 1,
            "9967": 1,
            "9977": 1,
            "9968": 1,
            "9959": 1,
            "9785": 1,
            "9771": 1,
            "9995": 1,
        },
        "area": "0595",
        "extra": 0,
        "orgs": {
            "welzijn": ("Stichting Welzijn Noordkust (demo)", "noordkust"),
            "sport": ("Beweegteam Wadkant (demo)", "wadkant"),
            "vrijwillig": ("Vrijwilligershuis De Terp (demo)", "deterp"),
            "zorg": ("Praktijk Kweldergezond (demo)", "kweldergezond"),
            "cultuur": ("Kunstwerkplaats De Zeedijk (demo)", "zeedijk"),
            "buurt": ("Dorpsbelangen Samen Sterk (demo)", "samensterk"),
        },
    },
    "Midden-Groningen": {
        "pc4": {
            "9601": 3,
            "9602": 3,
            "9603": 3,
            "9611": 3,
            "9605": 1,
            "9607": 1,
            "9621": 2,
            "9628": 2,
            "9636": 2,
            "9635": 1,
            "9649": 2,
            "9651": 1,
            "9617": 1,
            "9606": 1,
            "9626": 1,
        },
        "area": "0598",
        "extra": 0,
        "orgs": {
            "welzijn": ("Stichting Welzijn Veenkoloniaal Midden (demo)", "veenmidden"),
            "sport": ("Beweegpunt Turfkade (demo)", "turfkade"),
            "vrijwillig": ("Vrijwilligerscentrum De Kanaaloever (demo)", "kanaaloever"),
            "zorg": ("Gezondheidshuis Zuiderpark (demo)", "zuiderpark-gezond"),
            "cultuur": ("Atelier De Veenkolonie (demo)", "veenkolonie-atelier"),
            "buurt": ("Buurtvereniging De Vaart (demo)", "devaart"),
        },
    },
    "Eemsdelta": {
        "pc4": {
            "9901": 3,
            "9902": 2,
            "9903": 2,
            "9931": 3,
            "9932": 3,
            "9933": 2,
            "9934": 2,
            "9919": 2,
            "9991": 2,
            "9921": 1,
            "9936": 1,
            "9945": 1,
            "9947": 1,
            "9906": 1,
            "9909": 1,
            "9915": 1,
            "9946": 1,
        },
        "area": "0596",
        "extra": 0,
        "orgs": {
            "welzijn": ("Stichting Welzijn Dollardzicht (demo)", "dollardzicht"),
            "sport": ("Sportcoöperatie Eemsmond (demo)", "eemsmondsport"),
            "vrijwillig": ("Vrijwilligerspunt Damsterhaven (demo)", "damsterhaven"),
            "zorg": ("Praktijk Wierdegezond (demo)", "wierdegezond"),
            "cultuur": ("Cultuurhuis De Zeesluis (demo)", "zeesluis"),
            "buurt": ("Wijkraad Noordzijde (demo)", "noordzijde"),
        },
    },
}

# Organisations that work in the whole province (one name and phone number, several municipalities).
REGIONAL_ORGS = {
    "budget": ("Budgetmaatjes Ommeland (demo)", "budgetmaatjes-ommeland", "050"),
    "zin": ("Stichting Zinsplein Noord (demo)", "zinsplein", "050"),
    "mantelzorg": ("Mantelzorgnetwerk Groninger Land (demo)", "mantelzorgnetwerk", "050"),
    "telefoon": ("Stichting Samen Aan De Lijn (demo)", "aandelijn", "050"),
    "taal": ("Taalnetwerk Noord (demo)", "taalnetwerk", "050"),
    "herstel": ("Stichting Ervaringskracht (demo)", "ervaringskracht", "050"),
    "boksen": ("Boksschool Rechte Rug (demo)", "rechterug", "050"),
}

CITIES = {"Groningen", "Hoogezand", "Delfzijl"}
PLACE_CLEAN = {"Haren Gn": "Haren", "Harkstede GN": "Harkstede", "Lageland GN": "Lageland"}

STREETS = [
    "Hoofdstraat",
    "Kerkstraat",
    "Schoolstraat",
    "Molenweg",
    "Dorpsstraat",
    "Stationsweg",
    "Zuiderweg",
    "Noorderstraat",
    "Oosterstraat",
    "Westerweg",
    "Julianalaan",
    "Beatrixstraat",
    "Wilhelminastraat",
    "Prins Bernhardlaan",
    "Burgemeester Sikkemaweg",
    "Eikenlaan",
    "Berkenlaan",
    "Lindenlaan",
    "Kastanjelaan",
    "Meidoornstraat",
    "Vlasakker",
    "Boterbloemstraat",
    "Zwanestraat",
    "Kanaalweg",
    "Dijkstraat",
    "Havenstraat",
    "Marktplein",
    "Wierdeweg",
    "Torenstraat",
    "Esdoornlaan",
    "Sportlaan",
    "Veenweg",
    "Koningin Julianastraat",
    "Pastorielaan",
    "Ringweg",
]

VENUE_TYPES_CITY = ["Wijkcentrum", "Buurthuis", "Ontmoetingscentrum", "Wijkbedrijf"]
VENUE_TYPES_VILLAGE = ["Dorpshuis", "MFC", "Dorpshuis", "Ontmoetingscentrum"]
VENUE_NAMES = [
    "De Brink",
    "De Schakel",
    "Het Trefpunt",
    "De Zuidkamp",
    "De Wierde",
    "Het Anker",
    "De Kolk",
    "De Uitkijk",
    "De Viersprong",
    "De Molenhoek",
    "De Zwaluw",
    "Het Baken",
    "De Tille",
    "De Kimme",
    "Het Kompas",
    "De Hoeksteen",
    "De Spil",
    "De Horizon",
    "Het Haventje",
    "De Wending",
]

FIRST_NAMES = [
    "Anneke",
    "Jan",
    "Marieke",
    "Sjoerd",
    "Ineke",
    "Harm",
    "Fenna",
    "Klaas",
    "Gerda",
    "Wiebe",
    "Sanne",
    "Roelof",
    "Jantina",
    "Pieter",
    "Esther",
    "Bouke",
    "Nadia",
    "Mehmet",
    "Sara",
    "Joost",
    "Hilde",
    "Arjen",
    "Linda",
    "Tjeerd",
    "Karin",
    "Ahmed",
    "Ewa",
    "Geert",
    "Margriet",
    "Dirk",
]
LAST_NAMES = [
    "Bakker",
    "Dijkstra",
    "de Vries",
    "Smit",
    "Mulder",
    "de Boer",
    "Visser",
    "Huizinga",
    "Wierenga",
    "Hoekstra",
    "Bos",
    "Kuipers",
    "Veenstra",
    "Jansen",
    "Postma",
    "Tuinstra",
    "Zijlstra",
    "Kramer",
    "Meijer",
    "Oosterhuis",
    "Bronsema",
    "Dallinga",
    "Hofstee",
    "Schuiling",
    "Venema",
    "Boersma",
    "Kooistra",
    "van der Veen",
    "Niemeijer",
    "Pruim",
    "El Amrani",
    "Yilmaz",
    "Kowalska",
]

# --------------------------------------------------------------------------------------------
# Activity templates (003 summary card). Per template: names, description sentences, dimensions,
# complaint categories (doelgroepen), organisation role, typical days/times, costs, ages.
# {plaats} = the town, {venue} = a (fictional) meeting place in that town.
# --------------------------------------------------------------------------------------------

T = []


def template(
    key,
    names,
    what,
    who,
    dims,
    doel,
    org,
    days=("ma", "di", "wo", "do", "vr"),
    ndays=(1, 1),
    times=("10:00-11:30",),
    gratis=0.6,
    prices=("2,50",),
    toel=(),
    ages=None,
    online=False,
    extra=(),
    languages=None,
    aanmelden=None,
    slots=None,
):
    T.append(
        dict(
            key=key,
            names=names,
            what=what,
            who=who,
            dims=dims,
            doel=doel,
            org=org,
            days=days,
            ndays=ndays,
            times=times,
            gratis=gratis,
            prices=prices,
            toel=toel,
            ages=ages or [((18, None), 5), ((None, None), 4)],
            online=online,
            extra=extra,
            languages=languages,
            aanmelden=aanmelden,
            slots=slots,
        )
    )


COURSE_TOEL = [
    "voor de hele cursus",
    "voor de hele cursus, materiaal inbegrepen",
    "vergoeding via de gemeente mogelijk",
    "eerste bijeenkomst gratis",
]
PER_KEER = [
    "per keer",
    "per keer, inclusief koffie en thee",
    "eerste keer gratis",
    "per maand",
    "eerste keer gratis, daarna per keer",
]

# --- Lichaamsfuncties ---
template(
    "wandelgroep",
    [
        "Wandelgroep De Stapvoets",
        "Wandelclub Stevig Op Pad",
        "Samen wandelen {plaats}",
        "Ommetje {plaats}",
        "Wandelgroep Frisse Neus",
        "Beweegwandeling {plaats}",
    ],
    [
        "Elke week maken we samen een wandeling van ongeveer een uur door {plaats} en omgeving.",
        "Een vaste groep wandelt samen in een rustig tempo, zo'n vier tot zes kilometer.",
        "Samen wandelen is goed voor uw conditie en u leert nieuwe mensen kennen.",
    ],
    [
        "Iedereen loopt mee in zijn eigen tempo; niemand blijft achter.",
        "Na afloop drinken we samen koffie in {venue}.",
        "U heeft alleen goede schoenen nodig.",
    ],
    ["lichaamsfuncties", "meedoen"],
    ["eenzaamheid", "leefstijl", "psychisch_licht", "chronisch_lichamelijk"],
    "welzijn",
    days=("ma", "di", "wo", "do", "za"),
    times=("09:30-11:00", "10:00-11:00", "14:00-15:30"),
    gratis=0.6,
    prices=("1,00",),
    toel=("inclusief koffie",),
)
template(
    "fietsclub",
    [
        "Fietsclub De Trappers",
        "Fietsmaatjes {plaats}",
        "Toerfietsclub Ommelander Wind",
        "Fietsgroep Rondje {plaats}",
        "Samen op de fiets {plaats}",
    ],
    [
        "We fietsen samen een tocht van 25 tot 40 kilometer door het Groninger land.",
        "Elke week een mooie fietstocht met een vaste groep en een stop voor koffie onderweg.",
        "Met de fietsclub komt u weer buiten en houdt u uw conditie op peil.",
    ],
    [
        "Een elektrische fiets is ook welkom.",
        "We rijden in een rustig tempo en wachten op elkaar.",
        "Er is ook een duofiets voor wie niet meer alleen durft te fietsen.",
    ],
    ["lichaamsfuncties", "meedoen"],
    ["leefstijl", "eenzaamheid", "chronisch_lichamelijk"],
    "sport",
    days=("di", "wo", "do", "za"),
    times=("09:30-12:00", "13:30-16:00", "10:00-12:30"),
    gratis=0.4,
    prices=("2,00", "15,00"),
    toel=("per jaar lidmaatschap", "eerste keer gratis"),
    ages=[((18, None), 3), ((50, None), 2), ((None, None), 2)],
)
template(
    "buurtsportcoach",
    [
        "Spreekuur buurtsportcoach {plaats}",
        "Beweegadvies van de buurtsportcoach",
        "Buurtsportcoach: Samen Fit {plaats}",
        "Beweegloket {plaats}",
    ],
    [
        "De buurtsportcoach helpt u een sport of beweegactiviteit te vinden die bij u past.",
        "In een persoonlijk gesprek kijkt de buurtsportcoach met u wat u leuk vindt en wat u kunt.",
        "Weet u niet goed hoe u meer kunt bewegen? De buurtsportcoach denkt met u mee.",
    ],
    [
        "Daarna kan hij of zij de eerste keer met u meegaan naar een club of groep.",
        "Ook met een lichamelijke beperking of weinig conditie bent u welkom.",
        "Het gesprek kan bij u thuis of in {venue}.",
    ],
    ["lichaamsfuncties", "dagelijks_functioneren"],
    ["leefstijl", "chronisch_lichamelijk", "solk"],
    "sport",
    days=("ma", "di", "wo", "do", "vr"),
    times=("op afspraak",),
    gratis=1.0,
    ages=[((18, None), 5), ((None, None), 2)],
)
template(
    "fitness",
    [
        "Conditietraining {plaats}",
        "Beweegfit in kleine groep",
        "Fit in de wijk",
        "Fitness op maat {plaats}",
        "Sterk en soepel {plaats}",
    ],
    [
        "In een kleine groep werkt u onder begeleiding aan uw kracht en conditie.",
        "Conditietraining in de zaal met een vaste trainer die let op wat u aankunt.",
        "Een rustige sportschool waar u samen met anderen traint, zonder spiegels en harde muziek.",
    ],
    [
        "De trainer maakt een schema dat bij u past.",
        "U mag eerst twee keer gratis proberen.",
        "Ideaal als u weer wilt beginnen met sporten na een lange tijd niets.",
    ],
    ["lichaamsfuncties"],
    ["leefstijl", "solk", "psychisch_licht"],
    "sport",
    days=("ma", "di", "wo", "do", "vr"),
    ndays=(1, 2),
    times=("09:00-10:00", "19:00-20:00", "13:30-14:30"),
    gratis=0.05,
    prices=("5,00", "12,50", "19,50"),
    toel=("per maand", "per maand, U-pas geldig", "eerste twee keer gratis"),
)
template(
    "slaapcoach",
    [
        "Slaapspreekuur",
        "Beter slapen: spreekuur met de slaapcoach",
        "Cursus Lekker Slapen",
        "Slaapcoach {plaats}",
    ],
    [
        "Slaapt u slecht? De slaapcoach geeft u praktische tips voor een goed slaapritme.",
        "In vier bijeenkomsten leert u meer over slapen en wat u zelf kunt doen om beter te slapen.",
        "Samen met de slaapcoach zoekt u uit wat uw slaap verstoort, zonder pillen.",
    ],
    [
        "U houdt een slaapdagboek bij, zodat u zelf ziet wat helpt.",
        "Ook piekeren en onrust komen aan bod.",
        "Er is geen verwijzing nodig.",
    ],
    ["lichaamsfuncties", "mentaal_welbevinden"],
    ["slaapproblemen", "psychisch_licht", "solk"],
    "zorg",
    days=("di", "wo", "do"),
    times=("op afspraak", "19:30-21:00"),
    gratis=0.4,
    prices=("10,00", "25,00"),
    toel=COURSE_TOEL,
)
template(
    "dietist",
    [
        "Spreekuur diëtist",
        "Gezond eten met de diëtist",
        "Eetadvies {plaats}",
        "Inloopspreekuur diëtist",
    ],
    [
        "Bij de diëtist krijgt u eenvoudig advies over gezond en betaalbaar eten.",
        "De diëtist kijkt samen met u naar uw eetpatroon en wat u kleine stappen kunt veranderen.",
        "Wilt u afvallen of gezonder eten? Tijdens het spreekuur krijgt u uitleg en tips.",
    ],
    [
        "De eerste uren worden vaak vergoed door de basisverzekering.",
        "U kunt ook komen met een vraag over eten bij diabetes of hartklachten.",
        "U krijgt recepten mee die makkelijk te maken zijn.",
    ],
    ["lichaamsfuncties", "dagelijks_functioneren"],
    ["leefstijl", "chronisch_lichamelijk"],
    "zorg",
    times=("op afspraak",),
    gratis=0.5,
    prices=("32,50",),
    toel=("per consult; de eerste 3 uur per jaar vergoedt de basisverzekering",),
)
template(
    "dansen",
    [
        "Dansen voor 55-plussers",
        "Linedance {plaats}",
        "Dansgroep Swing en Zwier",
        "Seniorendans {plaats}",
        "Dansmiddag Op de Maat",
    ],
    [
        "Op vrolijke muziek leert u eenvoudige dansen, alleen of samen met anderen.",
        "Dansen is goed voor lichaam en geest, en vooral gezellig.",
        "Elke week een uur dansen in {venue}, met een ervaren dansdocent.",
    ],
    [
        "U hoeft geen partner mee te nemen.",
        "Beginners zijn van harte welkom.",
        "Na afloop is er tijd voor koffie en een praatje.",
    ],
    ["lichaamsfuncties", "meedoen", "kwaliteit_van_leven"],
    ["eenzaamheid", "leefstijl", "psychisch_licht"],
    "welzijn",
    days=("ma", "di", "wo", "do", "vr"),
    times=("14:00-15:00", "19:30-20:30", "10:30-11:30"),
    gratis=0.1,
    prices=("2,50", "3,00", "4,00"),
    toel=PER_KEER,
    ages=[((55, None), 3), ((18, None), 2), ((None, None), 2)],
)
template(
    "bewegen55",
    [
        "Bewegen voor 55-plussers",
        "Stoelgym {plaats}",
        "Gymgroep Fit Blijven",
        "Ouderengym {plaats}",
        "Beweegprogramma Vitaal Ouder",
    ],
    [
        "Rustige gymnastiek voor ouderen, deels op een stoel, onder leiding van een beweegdocent.",
        "In dit beweegprogramma werkt u aan balans, kracht en soepelheid, zodat u langer zelfstandig blijft.",
        "Samen bewegen op muziek, op een manier die past bij uw lichaam.",
    ],
    [
        "Ook als u slecht ter been bent kunt u meedoen.",
        "Na afloop drinken we samen thee.",
        "Het programma duurt twaalf weken; daarna kunt u doorgaan in de vaste groep.",
    ],
    ["lichaamsfuncties", "meedoen"],
    ["chronisch_lichamelijk", "eenzaamheid", "leefstijl"],
    "sport",
    days=("ma", "di", "wo", "do", "vr"),
    times=("10:00-11:00", "11:00-12:00", "14:00-15:00"),
    gratis=0.2,
    prices=("2,00", "2,50", "3,00"),
    toel=PER_KEER,
    ages=[((55, None), 5), ((65, None), 1)],
)
template(
    "stoppenroken",
    [
        "Stoppen met roken: samen lukt het",
        "Rookvrij {plaats}",
        "Groep Stoppen met Roken",
        "Rookstopgroep Frisse Start",
    ],
    [
        "In een groep van zes tot tien mensen werkt u samen aan stoppen met roken.",
        "Een ervaren coach begeleidt u in zeven bijeenkomsten naar een rookvrij leven.",
        "Stoppen met roken is moeilijk. Samen met anderen houdt u het beter vol.",
    ],
    [
        "De kosten worden meestal vergoed door de zorgverzekering.",
        "U krijgt ook tips om niet zwaarder te worden.",
        "U mag iemand van thuis meenemen naar de eerste bijeenkomst.",
    ],
    ["lichaamsfuncties", "dagelijks_functioneren"],
    ["leefstijl", "chronisch_lichamelijk"],
    "zorg",
    days=("ma", "di", "wo", "do"),
    times=("19:00-20:30", "14:00-15:30"),
    gratis=0.8,
    prices=("0,00",),
    toel=("vergoed door de basisverzekering",),
)
template(
    "waterfit",
    [
        "Waterfit {plaats}",
        "Zwemmen voor mensen met pijnklachten",
        "Aquagym De Golfslag",
        "Bewegen in warm water",
    ],
    [
        "Bewegen in warm water is zacht voor uw gewrichten en spieren.",
        "Onder begeleiding doet u rustige oefeningen in het zwembad.",
        "Elke week een half uur bewegen in het water, met een vaste groep.",
    ],
    [
        "Ook fijn bij reuma, artrose of andere langdurige klachten.",
        "U hoeft niet goed te kunnen zwemmen.",
        "Er is een tillift aanwezig.",
    ],
    ["lichaamsfuncties"],
    ["chronisch_lichamelijk", "solk", "leefstijl"],
    "sport",
    days=("ma", "wo", "vr"),
    times=("09:30-10:15", "10:15-11:00", "15:00-15:45"),
    gratis=0.0,
    prices=("4,50", "5,00", "6,00"),
    toel=("per keer", "per keer, U-pas geldig", "tienrittenkaart mogelijk"),
)
template(
    "kookworkshop",
    [
        "Kookworkshop Gezond en Goedkoop",
        "Samen koken {plaats}",
        "Kookclub De Pollepel",
        "Kookcursus Lekker Eten met een Klein Budget",
    ],
    [
        "Samen koken we een gezonde maaltijd van weinig geld, en daarna eten we samen.",
        "In de kookworkshop leert u eenvoudige gerechten met verse producten uit het seizoen.",
        "Koken voor één persoon kan ook lekker en goedkoop zijn. In deze workshop ziet u hoe.",
    ],
    [
        "U neemt de recepten mee naar huis.",
        "Er is plaats voor acht mensen.",
        "Heeft u een dieet? Geef het door bij het aanmelden.",
    ],
    ["dagelijks_functioneren", "lichaamsfuncties", "meedoen"],
    ["leefstijl", "financien", "eenzaamheid"],
    "welzijn",
    days=("di", "wo", "do"),
    times=("16:00-19:00", "10:00-13:00"),
    gratis=0.1,
    prices=("3,00", "4,00", "5,00"),
    toel=("inclusief de maaltijd", "per keer, inclusief maaltijd"),
)
template(
    "moestuin",
    [
        "Buurtmoestuin {plaats}",
        "Tuingroep De Groene Vingers",
        "Samen tuinieren in De Pluktuin",
        "Moestuinproject Aan de Slag",
    ],
    [
        "In de buurtmoestuin werken we samen buiten: zaaien, wieden en oogsten.",
        "Een grote gezamenlijke tuin waar iedereen op zijn eigen manier kan helpen.",
        "Buiten bezig zijn met je handen geeft rust en voldoening.",
    ],
    [
        "U neemt zelf groente mee naar huis.",
        "Er is altijd iemand die uitlegt wat er te doen is.",
        "Bij slecht weer drinken we koffie in de schuur.",
    ],
    ["zingeving", "meedoen", "lichaamsfuncties"],
    ["zingeving", "eenzaamheid", "psychisch_licht", "chronisch_psychisch_stabiel"],
    "vrijwillig",
    days=("ma", "wo", "za"),
    times=("09:30-12:00", "13:30-16:00"),
    gratis=0.4,
    prices=("1,00",),
    toel=("per keer, inclusief koffie",),
)

# --- Mentaal welbevinden ---
template(
    "communicatie",
    [
        "Training Duidelijk Communiceren",
        "Cursus Beter in Gesprek",
        "Communicatietraining {plaats}",
        "Workshop Zeggen wat je bedoelt",
    ],
    [
        "In deze training oefent u hoe u duidelijk zegt wat u vindt en wat u nodig heeft.",
        "U leert beter luisteren en lastige gesprekken voeren, thuis en op het werk.",
        "Vijf avonden oefenen met gesprekken die u spannend vindt, in een veilige groep.",
    ],
    [
        "We werken met voorbeelden uit uw eigen leven.",
        "De groep is klein, hooguit tien mensen.",
        "U krijgt na elke bijeenkomst een korte oefening mee.",
    ],
    ["mentaal_welbevinden", "meedoen"],
    ["vastlopen", "psychisch_licht"],
    "welzijn",
    days=("ma", "di", "wo", "do"),
    times=("19:30-21:30", "13:30-15:30"),
    gratis=0.2,
    prices=("25,00", "35,00", "15,00"),
    toel=COURSE_TOEL,
    ages=[((18, None), 4), ((None, None), 2), ((18, 65), 1)],
)
template(
    "mindfulness",
    [
        "Cursus Mindfulness",
        "Mindfulness: rust in je hoofd",
        "Mindfulnesstraining {plaats}",
        "Aandachttraining Even Stilstaan",
    ],
    [
        "In acht weken leert u met aandacht te leven, met eenvoudige oefeningen voor adem en lichaam.",
        "Mindfulness helpt om minder te piekeren en rustiger te reageren op stress.",
        "Een cursus voor mensen die vaak gespannen zijn of moeilijk tot rust komen.",
    ],
    [
        "U krijgt oefeningen om thuis te doen, ook als geluidsbestand.",
        "Ervaring is niet nodig.",
        "De trainer is gecertificeerd en werkt in een kleine groep.",
    ],
    ["mentaal_welbevinden"],
    ["psychisch_licht", "slaapproblemen", "solk", "vastlopen"],
    "zorg",
    days=("ma", "di", "wo", "do"),
    times=("19:30-21:30", "10:00-12:00"),
    gratis=0.1,
    prices=("45,00", "60,00", "35,00"),
    toel=COURSE_TOEL,
)
template(
    "yoga",
    [
        "Yoga voor iedereen",
        "Stoelyoga {plaats}",
        "Yogagroep Ontspan",
        "Zachte yoga {plaats}",
        "Yoga bij stress",
    ],
    [
        "Rustige yoga met aandacht voor ademhaling en ontspanning.",
        "Yogales voor beginners, op een mat of op een stoel.",
        "In deze les beweegt u zacht en leert u beter ontspannen.",
    ],
    [
        "Neem een handdoek en makkelijke kleding mee.",
        "Ook voor mensen met weinig conditie of pijnklachten.",
        "De eerste les is een proefles.",
    ],
    ["mentaal_welbevinden", "lichaamsfuncties"],
    ["psychisch_licht", "solk", "slaapproblemen"],
    "cultuur",
    days=("ma", "di", "wo", "do", "za"),
    times=("09:30-10:45", "19:00-20:15", "11:00-12:00"),
    gratis=0.1,
    prices=("5,00", "7,50", "6,00"),
    toel=("per les", "eerste keer gratis", "per les, U-pas geldig"),
)
template(
    "taichi",
    [
        "Tai chi {plaats}",
        "Tai chi voor beginners",
        "Tai chi en qigong in het park",
        "Tai chi groep De Kraanvogel",
    ],
    [
        "Tai chi is een Chinese bewegingskunst met langzame, vloeiende bewegingen.",
        "Rustig bewegen dat goed is voor balans, concentratie en ontspanning.",
        "Bij mooi weer oefenen we buiten, anders in {venue}.",
    ],
    [
        "Geschikt voor alle leeftijden en ook met lichamelijke klachten.",
        "U leert de bewegingen stap voor stap.",
        "Veel deelnemers zeggen dat ze er rustiger van worden.",
    ],
    ["mentaal_welbevinden", "lichaamsfuncties"],
    ["chronisch_lichamelijk", "psychisch_licht", "solk", "slaapproblemen"],
    "cultuur",
    days=("di", "wo", "do", "za"),
    times=("09:30-10:30", "10:00-11:00", "18:30-19:30"),
    gratis=0.1,
    prices=("4,00", "5,00"),
    toel=("per les", "eerste keer gratis"),
)
template(
    "assertiviteit",
    [
        "Assertiviteitstraining",
        "Training Voor Jezelf Opkomen",
        "Cursus Nee zeggen mag",
        "Weerbaar en Assertief {plaats}",
    ],
    [
        "In deze training leert u beter voor uzelf op te komen en uw grenzen aan te geven.",
        "Vindt u het moeilijk om nee te zeggen? In deze cursus oefent u met echte situaties.",
        "Zes bijeenkomsten over zelfvertrouwen, grenzen stellen en om hulp vragen.",
    ],
    [
        "U oefent in een kleine, veilige groep.",
        "Een acteur helpt soms bij het oefenen.",
        "Na de training is er een terugkombijeenkomst.",
    ],
    ["mentaal_welbevinden", "dagelijks_functioneren"],
    ["psychisch_licht", "vastlopen", "chronisch_psychisch_stabiel"],
    "welzijn",
    days=("ma", "di", "wo", "do"),
    times=("19:30-21:30", "09:30-11:30"),
    gratis=0.3,
    prices=("15,00", "25,00"),
    toel=COURSE_TOEL,
    ages=[((18, None), 4), ((None, None), 2), ((18, 65), 1)],
)
template(
    "piekeren",
    [
        "Cursus Minder Piekeren",
        "Omgaan met stress",
        "Grip op je Gedachten",
        "Cursus Lekker in je Vel {plaats}",
    ],
    [
        "Veel mensen piekeren of hebben last van stress. In deze cursus leert u daar beter mee omgaan.",
        "U leert signalen van stress herkennen en wat u zelf kunt doen om te ontspannen.",
        "Een praktische cursus met oefeningen om het piekeren te verminderen.",
    ],
    [
        "De cursus bestaat uit zes bijeenkomsten van twee uur.",
        "U bepaalt zelf wat u deelt in de groep.",
        "Ook goed als u moeilijk in slaap komt door gepieker.",
    ],
    ["mentaal_welbevinden"],
    ["psychisch_licht", "slaapproblemen", "vastlopen"],
    "welzijn",
    days=("ma", "di", "wo", "do"),
    times=("13:30-15:30", "19:30-21:30"),
    gratis=0.4,
    prices=("10,00", "20,00"),
    toel=COURSE_TOEL,
    ages=[((18, None), 4), ((None, None), 2), ((18, 65), 1)],
)
template(
    "herstelgroep",
    [
        "Herstelwerkplaats {plaats}",
        "Herstelgroep Eigen Kracht",
        "Ervaringscafé",
        "Cursus Werken aan Herstel",
    ],
    [
        "Een groep waarin ervaringsdeskundigen en deelnemers samen werken aan herstel.",
        "Hier ontmoet u mensen die ook psychische klachten hebben gehad en nu verder willen.",
        "In de herstelwerkplaats deelt u ervaringen en werkt u aan uw eigen doelen.",
    ],
    [
        "De begeleiders hebben zelf ervaring met psychische klachten.",
        "U kunt vrij binnenlopen.",
        "Er is geen diagnose of verwijzing nodig.",
    ],
    ["mentaal_welbevinden", "zingeving", "meedoen"],
    ["chronisch_psychisch_stabiel", "psychisch_licht", "eenzaamheid"],
    "herstel",
    days=("ma", "wo", "vr"),
    times=("13:30-16:00", "10:00-12:00"),
    gratis=0.7,
    prices=("1,00",),
    toel=("vrijwillige bijdrage",),
)

# --- Zingeving ---
template(
    "hobbyclub",
    [
        "Handwerkcafé {plaats}",
        "Hobbyclub De Bezige Bij",
        "Houtwerkplaats De Krullenbak",
        "Breiclub Steek voor Steek",
        "Puzzel- en spelmiddag",
    ],
    [
        "Een gezellige groep die samen breit, haakt, borduurt of een andere hobby doet.",
        "In de werkplaats maakt u mooie dingen van hout, met hulp van ervaren vrijwilligers.",
        "Een middag voor spelletjes, puzzels en gezelligheid.",
    ],
    [
        "Zoekt u een nieuwe hobby? Kom eens kijken.",
        "Materiaal is aanwezig.",
        "Nieuwe mensen worden hartelijk ontvangen.",
    ],
    ["zingeving", "meedoen"],
    ["zingeving", "eenzaamheid"],
    "welzijn",
    days=("ma", "di", "wo", "do", "vr"),
    times=("14:00-16:00", "09:30-11:30", "19:00-21:00"),
    gratis=0.2,
    prices=("1,00", "1,50", "2,00"),
    toel=PER_KEER,
)
template(
    "cursus",
    [
        "Leerhuis {plaats}: cursussen voor volwassenen",
        "Cursus Geschiedenis van het Groninger land",
        "Cursus Fotograferen met je telefoon",
        "Cursus Engels voor beginners",
        "Cursus Gronings praten",
    ],
    [
        "Iets nieuws leren houdt je hoofd fris en geeft plezier.",
        "In een kleine groep volgt u een cursus in een rustig tempo, zonder toets.",
        "Een cursus van zes lessen, gegeven door een enthousiaste vrijwilliger.",
    ],
    [
        "Elk seizoen is er een nieuw aanbod.",
        "Vooropleiding is niet nodig.",
        "De lessen zijn in {venue}.",
    ],
    ["zingeving", "mentaal_welbevinden"],
    ["zingeving", "vastlopen"],
    "cultuur",
    days=("ma", "di", "wo", "do"),
    times=("10:00-12:00", "19:30-21:30"),
    gratis=0.1,
    prices=("15,00", "25,00", "30,00"),
    toel=COURSE_TOEL,
)
template(
    "creatief",
    [
        "Creatief atelier {plaats}",
        "Schilderclub Kleur en Kwast",
        "Tekenen en schilderen voor beginners",
        "Open atelier Het Doek",
        "Creatieve middag Maak het Mooi",
    ],
    [
        "In het atelier kunt u schilderen, tekenen of met klei werken, op uw eigen tempo.",
        "Creatief bezig zijn helpt om even niet te piekeren en geeft voldoening.",
        "Een kunstenaar geeft uitleg en tips, maar u bepaalt zelf wat u maakt.",
    ],
    [
        "Ervaring is niet nodig.",
        "Materialen zijn aanwezig.",
        "Aan het eind van het seizoen is er een kleine tentoonstelling.",
    ],
    ["zingeving", "mentaal_welbevinden", "kwaliteit_van_leven"],
    ["psychisch_licht", "zingeving", "chronisch_psychisch_stabiel", "eenzaamheid"],
    "cultuur",
    days=("ma", "di", "wo", "do", "vr"),
    times=("13:30-16:00", "10:00-12:00", "19:30-21:30"),
    gratis=0.2,
    prices=("2,50", "3,50", "5,00"),
    toel=("per keer, materiaal inbegrepen", "eerste keer gratis", "per keer"),
)
template(
    "vrijwilligerswerk",
    [
        "Vrijwilligerswerk op maat",
        "Vacaturebank vrijwilligerswerk {plaats}",
        "Spreekuur Vrijwillig Aan de Slag",
        "Meedoen als vrijwilliger",
    ],
    [
        "Wilt u iets betekenen voor een ander? We zoeken samen vrijwilligerswerk dat bij u past.",
        "Een consulent helpt u op weg naar vrijwilligerswerk, op uw tempo en met begeleiding als dat nodig is.",
        "Van koffie schenken tot tuinieren: er is veel vrijwilligerswerk in {plaats}.",
    ],
    [
        "De eerste keer gaat de consulent met u mee.",
        "Ook met weinig energie of ervaring kunt u iets doen.",
        "U zit nergens aan vast.",
    ],
    ["zingeving", "meedoen"],
    ["zingeving", "eenzaamheid", "vastlopen", "chronisch_psychisch_stabiel"],
    "vrijwillig",
    times=("op afspraak",),
    gratis=1.0,
    ages=[((18, None), 4), ((None, None), 3), ((18, 65), 1)],
)
template(
    "rouwgroep",
    [
        "Rouwgroep Verder na Verlies",
        "Lotgenotengroep rouw {plaats}",
        "Gespreksgroep Omgaan met Verlies",
        "Rouwcafé {plaats}",
    ],
    [
        "Een groep voor mensen die een dierbare hebben verloren.",
        "Samen met anderen praat u over verlies, verdriet en hoe het leven verder gaat.",
        "In acht bijeenkomsten deelt u ervaringen met mensen die hetzelfde hebben meegemaakt.",
    ],
    [
        "Twee getrainde begeleiders leiden de groep.",
        "U bepaalt zelf wat u vertelt.",
        "Vooraf is er een kennismakingsgesprek.",
    ],
    ["zingeving", "mentaal_welbevinden"],
    ["vastlopen", "psychisch_licht", "eenzaamheid"],
    "zin",
    days=("ma", "di", "wo", "do"),
    times=("19:30-21:30", "14:00-16:00"),
    gratis=0.5,
    prices=("10,00",),
    toel=("voor alle bijeenkomsten",),
)
template(
    "lotgenoten_chronisch",
    [
        "Lotgenotengroep Leven met Pijn",
        "Praatgroep Chronisch Ziek {plaats}",
        "Lotgenotencontact Leven met Long- en Hartklachten",
        "Ontmoetingsgroep Moe maar Niet Alleen",
    ],
    [
        "Een groep voor mensen die leven met langdurige klachten of een chronische ziekte.",
        "Hier deelt u ervaringen en tips met mensen die begrijpen hoe het is.",
        "Eens per maand komt de groep bij elkaar om te praten over omgaan met klachten.",
    ],
    [
        "Soms komt er een spreker over een thema.",
        "U bent welkom, ook als u niet weet waar uw klachten vandaan komen.",
        "Partners zijn ook welkom.",
    ],
    ["zingeving", "meedoen"],
    ["chronisch_lichamelijk", "solk", "eenzaamheid"],
    "welzijn",
    days=("ma", "di", "wo", "do"),
    times=("14:00-16:00", "19:30-21:00"),
    gratis=0.4,
    prices=("2,00",),
    toel=("per keer, inclusief koffie",),
)
template(
    "geestelijk_verzorger",
    [
        "Spreekuur geestelijk verzorger",
        "Levensvragen: gesprek met een geestelijk verzorger",
        "Zingevingsgesprek thuis",
        "Inloop Levensvragen {plaats}",
    ],
    [
        "Een geestelijk verzorger praat met u over vragen als: wat is voor mij belangrijk?",
        "Bij ziekte, verlies of een moeilijke tijd kan een gesprek over zingeving helpen.",
        "Een geestelijk verzorger luistert en denkt met u mee, los van geloof of levensovertuiging.",
    ],
    [
        "Het gesprek kan ook bij u thuis.",
        "Er zijn maximaal vijf gesprekken.",
        "Mantelzorgers zijn ook welkom.",
    ],
    ["zingeving"],
    ["zingeving", "vastlopen", "chronisch_lichamelijk", "mantelzorg"],
    "zin",
    times=("op afspraak",),
    gratis=1.0,
    ages=[((18, None), 5), ((None, None), 2)],
)
template(
    "levensverhaal",
    [
        "Schrijfgroep Mijn Levensverhaal",
        "Verhalencafé {plaats}",
        "Schrijven als uitlaatklep",
        "Gespreksgroep Zin in het Leven",
    ],
    [
        "Samen schrijven of vertellen over uw leven, wat u heeft meegemaakt en wat u belangrijk vindt.",
        "In deze groep staan we stil bij wat het leven zinvol maakt.",
        "Een groep over vragen als: waar haal ik kracht uit, en wat wil ik nog?",
    ],
    [
        "U hoeft geen goede schrijver te zijn.",
        "Er is een vaste begeleider.",
        "Wat u deelt blijft in de groep.",
    ],
    ["zingeving", "mentaal_welbevinden"],
    ["zingeving", "vastlopen"],
    "zin",
    days=("di", "wo", "do"),
    times=("10:00-12:00", "14:00-16:00"),
    gratis=0.3,
    prices=("2,50", "15,00"),
    toel=("per keer", "voor de hele reeks"),
)
template(
    "reparatiecafe",
    ["Reparatiecafé {plaats}", "Reparatiecafé De Schroevendraaier", "Klusplaats {plaats}"],
    [
        "Kapotte spullen? Samen met handige vrijwilligers repareert u ze.",
        "Elke maand kunt u hier terecht met kleding, lampen, fietsen of apparaten die kapot zijn.",
        "Bent u zelf handig? U kunt ook meehelpen als vrijwilliger.",
    ],
    [
        "Repareren is goedkoper dan nieuw kopen.",
        "Tijdens het wachten drinkt u een kop koffie.",
        "U kunt zonder afspraak binnenlopen.",
    ],
    ["zingeving", "meedoen"],
    ["zingeving", "eenzaamheid", "financien"],
    "vrijwillig",
    days=("za", "wo"),
    times=("10:00-13:00", "13:30-16:30"),
    gratis=0.4,
    prices=("1,00",),
    toel=("vrijwillige bijdrage",),
)

# --- Kwaliteit van leven ---
template(
    "gripenglans",
    ["Cursus Grip en Glans", "Grip en Glans {plaats}", "Grip en Glans voor 55-plussers"],
    [
        "Grip en Glans is een cursus voor ouderen over de regie houden over uw eigen leven.",
        "In zes bijeenkomsten leert u hoe u zelf kunt zorgen voor een goed en prettig leven.",
        "U leert wat u zelf kunt doen om plezier en contact in uw leven te houden.",
    ],
    [
        "Onderwerpen zijn onder andere: positief denken, investeren in vriendschap en iets voor uzelf doen.",
        "De cursus is in een kleine groep van zes tot tien mensen.",
        "U krijgt een werkboek mee.",
    ],
    ["kwaliteit_van_leven", "mentaal_welbevinden"],
    ["chronisch_lichamelijk", "eenzaamheid", "zingeving", "psychisch_licht"],
    "welzijn",
    days=("di", "wo", "do"),
    times=("10:00-12:00", "14:00-16:00"),
    gratis=0.5,
    prices=("10,00", "15,00"),
    toel=("inclusief werkboek",),
    ages=[((55, None), 4), ((65, None), 1)],
)
template(
    "budgetmaatje",
    [
        "Budgetmaatje",
        "Budgetmaatje {plaats}",
        "Maatje voor je geld",
        "Thuisadministratie met een maatje",
    ],
    [
        "Een getrainde vrijwilliger helpt u om overzicht te krijgen in uw geldzaken.",
        "Samen met een budgetmaatje maakt u een begroting en ordent u uw papieren.",
        "Heeft u moeite om rond te komen of om post en rekeningen bij te houden? Een budgetmaatje helpt.",
    ],
    [
        "Het maatje komt bij u thuis.",
        "Alles wat u bespreekt blijft tussen u en het maatje.",
        "Bij grote schulden helpt het maatje u op weg naar de schuldhulp van de gemeente.",
    ],
    ["kwaliteit_van_leven", "dagelijks_functioneren"],
    ["financien", "vastlopen"],
    "budget",
    times=("op afspraak",),
    gratis=1.0,
    ages=[((18, None), 6), ((None, None), 2)],
)
template(
    "boksen",
    [
        "Bokscoaching {plaats}",
        "Boksen tegen Stress",
        "Boksgroep Sterk in je Schoenen",
        "Boksen voor jongvolwassenen",
    ],
    [
        "Boksen zonder elkaar te raken: u werkt aan conditie, zelfvertrouwen en het kwijtraken van spanning.",
        "Een bokscoach traint met u in een kleine groep en heeft ook aandacht voor hoe het met u gaat.",
        "Bij bokscoaching gaat het om discipline, doorzetten en respect.",
    ],
    [
        "Ervaring is niet nodig; handschoenen zijn er.",
        "Na de training is er tijd voor een gesprek.",
        "U traint mee op uw eigen niveau.",
    ],
    ["kwaliteit_van_leven", "lichaamsfuncties", "mentaal_welbevinden"],
    ["psychisch_licht", "vastlopen", "leefstijl"],
    "boksen",
    days=("ma", "di", "wo", "do", "vr"),
    times=("18:00-19:00", "19:00-20:00", "16:00-17:00"),
    gratis=0.4,
    prices=("5,00", "12,50", "15,00"),
    toel=("per maand", "eerste twee keer gratis", "per maand, U-pas geldig"),
    ages=[((18, 27), 3), ((18, None), 3), ((16, None), 1)],
)
template(
    "buurtvereniging",
    [
        "Buurtvereniging {plaats}",
        "Wijkvereniging Ons Belang",
        "Buurtvereniging De Zonnehoek",
        "Dorpsvereniging Samen {plaats}",
    ],
    [
        "De buurtvereniging organiseert activiteiten voor de hele buurt, zoals een buurtfeest en een opruimdag.",
        "Als lid denkt u mee over wat er beter kan in uw buurt of dorp.",
        "Samen met buren zorgt u voor een fijne en veilige woonomgeving.",
    ],
    [
        "Leden betalen een kleine bijdrage per jaar.",
        "Er is een maandelijkse vergadering met koffie.",
        "Nieuwe bewoners worden extra welkom geheten.",
    ],
    ["kwaliteit_van_leven", "meedoen"],
    ["wonen_wijk", "eenzaamheid"],
    "buurt",
    days=("ma", "di", "wo", "do"),
    times=("19:30-21:00",),
    gratis=0.2,
    prices=("5,00", "7,50", "10,00"),
    toel=("per jaar", "lidmaatschap per jaar"),
)
template(
    "buurtbemiddeling",
    ["Buurtbemiddeling {plaats}", "Buurtbemiddeling", "Bemiddeling bij burenruzie"],
    [
        "Heeft u last van uw buren, bijvoorbeeld door geluid of overlast? Buurtbemiddeling helpt.",
        "Getrainde vrijwilligers helpen u en uw buren om samen een oplossing te vinden.",
        "Een gesprek met de buren onder begeleiding van twee neutrale bemiddelaars.",
    ],
    [
        "De bemiddelaars kiezen geen partij.",
        "Het is gratis en vertrouwelijk.",
        "U kunt zelf contact opnemen; een verwijzing is niet nodig.",
    ],
    ["kwaliteit_van_leven", "meedoen"],
    ["wonen_wijk", "psychisch_licht"],
    "welzijn",
    times=("op afspraak",),
    gratis=1.0,
)
template(
    "veiligwijk",
    ["Buurtwandeling Veilig in de Wijk", "Wijkschouw met de wijkagent", "Buurtpreventie {plaats}"],
    [
        "Samen met buren en de wijkagent lopen we door de wijk en kijken we wat beter kan.",
        "Voelt u zich niet veilig in uw buurt? Hier kunt u meedenken en meedoen.",
        "Een groep bewoners die let op de buurt en elkaar.",
    ],
    [
        "Uw ideeën worden doorgegeven aan de gemeente.",
        "U leert uw buren beter kennen.",
        "Na afloop is er koffie in {venue}.",
    ],
    ["kwaliteit_van_leven", "meedoen"],
    ["wonen_wijk", "eenzaamheid"],
    "buurt",
    days=("di", "wo", "do", "za"),
    times=("19:00-20:30", "10:00-11:30"),
    gratis=0.8,
    prices=("1,00",),
    toel=("inclusief koffie",),
)
template(
    "mantelzorgcafe",
    [
        "Mantelzorgcafé {plaats}",
        "Ontmoeting voor mantelzorgers",
        "Mantelzorgcafé Even Op Adem",
        "Koffie voor mantelzorgers",
    ],
    [
        "Zorgt u voor iemand die ziek is? In het mantelzorgcafé ontmoet u andere mantelzorgers.",
        "Een plek om even bij te komen, ervaringen te delen en informatie te krijgen.",
        "Eens per maand een ontspannen bijeenkomst voor mensen die zorgen voor een naaste.",
    ],
    [
        "Soms is er een spreker, bijvoorbeeld over regelingen of respijtzorg.",
        "De mantelzorgconsulent is aanwezig voor vragen.",
        "Vervanging thuis kan worden geregeld.",
    ],
    ["kwaliteit_van_leven", "meedoen"],
    ["mantelzorg", "eenzaamheid"],
    "mantelzorg",
    days=("ma", "di", "wo", "do"),
    times=("10:00-12:00", "14:00-16:00", "19:30-21:00"),
    gratis=0.4,
    prices=("2,00", "2,50"),
    toel=("inclusief koffie en iets lekkers", "eerste keer gratis"),
)
template(
    "respijt",
    [
        "Even vrij voor mantelzorgers",
        "Mantelzorgconsulent {plaats}",
        "Respijtzorg: een dag voor uzelf",
        "Steunpunt Mantelzorg {plaats}",
    ],
    [
        "De mantelzorgconsulent kijkt samen met u hoe u de zorg vol kunt houden.",
        "Een vrijwilliger neemt de zorg een dagdeel van u over, zodat u even tijd voor uzelf heeft.",
        "Voor mantelzorgers die het zwaar hebben: advies, een luisterend oor en praktische hulp.",
    ],
    [
        "De consulent kan ook bij u thuis komen.",
        "U krijgt informatie over regelingen en vergoedingen.",
        "Ook voor jonge mantelzorgers.",
    ],
    ["kwaliteit_van_leven", "dagelijks_functioneren"],
    ["mantelzorg", "psychisch_licht"],
    "mantelzorg",
    times=("op afspraak",),
    gratis=1.0,
)
template(
    "mantelzorgcursus",
    [
        "Cursus Zorgen en Zelf Overeind Blijven",
        "Training Omgaan met de zorg voor een naaste",
        "Cursus Mantelzorg in Balans",
    ],
    [
        "In vier bijeenkomsten leert u beter voor uzelf te zorgen terwijl u zorgt voor een ander.",
        "U leert uw grenzen kennen en hulp vragen aan anderen.",
        "Een cursus voor mantelzorgers die merken dat de zorg zwaar wordt.",
    ],
    [
        "U ontmoet andere mantelzorgers.",
        "Tijdens de cursus kan vervanging thuis worden geregeld.",
        "De cursus wordt gegeven door een ervaren trainer.",
    ],
    ["mentaal_welbevinden", "dagelijks_functioneren"],
    ["mantelzorg", "psychisch_licht"],
    "mantelzorg",
    days=("di", "wo", "do"),
    times=("13:30-15:30", "19:30-21:30"),
    gratis=0.6,
    prices=("10,00",),
    toel=("voor de hele cursus",),
)
template(
    "geldcursus",
    [
        "Cursus Rondkomen",
        "Geldcafé {plaats}",
        "Cursus Overzicht in je Geld",
        "Workshop Slim met Geld",
    ],
    [
        "In deze cursus leert u hoe u overzicht houdt in uw geld en uw administratie.",
        "In het geldcafé kunt u met vragen over geld en brieven binnenlopen.",
        "Praktische tips over besparen, toeslagen en een huishoudboekje, ook op de computer.",
    ],
    [
        "Er zijn vrijwilligers die u persoonlijk helpen.",
        "Neem uw vragen en papieren gerust mee.",
        "Niemand hoeft te vertellen hoeveel hij verdient.",
    ],
    ["dagelijks_functioneren", "kwaliteit_van_leven"],
    ["financien", "digitale_vaardigheden"],
    "welzijn",
    days=("ma", "di", "wo", "do"),
    times=("10:00-12:00", "13:30-15:30"),
    gratis=0.6,
    prices=("5,00", "10,00"),
    toel=("voor de hele cursus, eerste keer gratis", "vergoeding via de gemeente mogelijk"),
)
template(
    "weggeefwinkel",
    ["Weggeefwinkel {plaats}", "Kledingruil De Tweede Ronde", "Weggeefwinkel Om Niet"],
    [
        "In de weggeefwinkel kunt u gratis kleding, boeken en huisraad meenemen.",
        "Spullen die u niet meer gebruikt, kunt u hier brengen voor een ander.",
        "Een winkel waar niets kost en waar u ook even een praatje kunt maken.",
    ],
    [
        "U kunt ook helpen als vrijwilliger.",
        "Er is koffie en thee.",
        "Per bezoek mag u een paar spullen meenemen.",
    ],
    ["kwaliteit_van_leven", "meedoen"],
    ["financien", "eenzaamheid"],
    "vrijwillig",
    days=("di", "do", "za"),
    ndays=(1, 2),
    times=("10:00-16:00", "13:00-16:00"),
    gratis=1.0,
)

# --- Meedoen ---
template(
    "maatje",
    [
        "Maatjesproject {plaats}",
        "Maatje voor ontmoeting",
        "Maatjesproject Samen Op Stap",
        "Wandelmaatje",
        "Maatje voor een kop koffie",
    ],
    [
        "Een vrijwilliger komt regelmatig bij u langs voor een praatje, een wandeling of een uitje.",
        "Een maatje is iemand die tijd voor u heeft en samen met u leuke dingen doet.",
        "Via het maatjesproject wordt u gekoppeld aan een vrijwilliger die bij u past.",
    ],
    [
        "Een coördinator kijkt eerst samen met u wat u zoekt.",
        "Het maatje komt ongeveer een keer per week.",
        "Het doel is dat u na een tijd zelf weer meer contacten heeft.",
    ],
    ["meedoen"],
    ["eenzaamheid", "chronisch_psychisch_stabiel", "psychisch_licht"],
    "vrijwillig",
    times=("op afspraak",),
    gratis=1.0,
    ages=[((18, None), 5), ((None, None), 3)],
)
template(
    "dorpshuis",
    [
        "Dorpshuis {plaats}: activiteitenprogramma",
        "Soos in het dorpshuis",
        "Dorpshuis activiteiten voor iedereen",
        "Spelletjesmiddag in het dorpshuis",
    ],
    [
        "Het dorpshuis is de huiskamer van het dorp: er is elke week iets te doen.",
        "Van koersbal en klaverjassen tot een filmavond: in het dorpshuis ontmoet u dorpsgenoten.",
        "Een vaste middag met spelletjes, koffie en een praatje.",
    ],
    [
        "Het programma hangt bij de ingang en staat op de website.",
        "Iedereen is welkom, ook mensen van buiten het dorp.",
        "Vervoer kan worden geregeld.",
    ],
    ["meedoen", "kwaliteit_van_leven"],
    ["eenzaamheid", "wonen_wijk", "zingeving"],
    "buurt",
    days=("ma", "di", "wo", "do", "vr"),
    times=("14:00-16:30", "19:30-22:00"),
    gratis=0.2,
    prices=("1,00", "1,50", "2,00"),
    toel=PER_KEER,
)
template(
    "koffieochtend",
    [
        "Koffieochtend Het Trefpunt",
        "Koffieochtend {plaats}",
        "Buurtkoffie",
        "Koffie en Kletsen",
        "Ontmoetingsochtend De Koffiepot",
    ],
    [
        "Elke week een gezellige koffieochtend waar u andere bewoners ontmoet.",
        "Gewoon even binnenlopen voor een kop koffie en een praatje.",
        "Een ochtend met koffie, soms een spelletje en altijd aandacht voor elkaar.",
    ],
    [
        "Vrijwilligers heten u welkom.",
        "U hoeft zich niet aan te melden.",
        "De koffie staat om tien uur klaar.",
    ],
    ["meedoen"],
    ["eenzaamheid", "wonen_wijk"],
    "welzijn",
    days=("ma", "di", "wo", "do", "vr"),
    times=("10:00-11:30", "09:30-11:30"),
    gratis=0.2,
    prices=("0,50", "1,00"),
    toel=("per kop koffie", "inclusief koffie"),
)
template(
    "inloop",
    [
        "Inloop {venue}",
        "Buurtkamer {plaats}",
        "Open huis in de wijk",
        "Inloophuis De Deur Staat Open",
    ],
    [
        "De buurtkamer is een plek om zomaar binnen te lopen, voor een kop koffie of een praatje.",
        "In het inloophuis kunt u terecht voor gezelschap, een krant of een vraag.",
        "Een warme plek in de buurt waar altijd iemand is om mee te praten.",
    ],
    [
        "Er is een vaste vrijwilliger aanwezig.",
        "U kunt ook met een vraag over de buurt terecht.",
        "Soms is er een activiteit, zoals samen lunchen.",
    ],
    ["meedoen", "kwaliteit_van_leven"],
    ["eenzaamheid", "psychisch_licht", "wonen_wijk"],
    "welzijn",
    days=("ma", "di", "wo", "do", "vr"),
    ndays=(2, 3),
    times=("10:00-15:00", "09:30-12:00", "13:00-16:00"),
    gratis=0.5,
    prices=("0,50", "1,00"),
    toel=("koffie en thee", "vrijwillige bijdrage voor de koffie"),
)
template(
    "samen_eten",
    [
        "Buurtmaaltijd {plaats}",
        "Samen Eten aan de Lange Tafel",
        "Eetcafé De Gezellige Pan",
        "Samen eten in {venue}",
    ],
    [
        "Eens per week koken vrijwilligers een lekkere maaltijd en eet u samen met anderen.",
        "Alleen eten is niet leuk. Bij de buurtmaaltijd schuift u gezellig aan.",
        "Een warme maaltijd voor een kleine prijs, in gezelschap van buurtgenoten.",
    ],
    [
        "Meld u uiterlijk een dag van tevoren aan.",
        "Er is ook een vegetarische maaltijd.",
        "Wilt u helpen met koken? Dat kan ook.",
    ],
    ["meedoen", "kwaliteit_van_leven"],
    ["eenzaamheid", "financien"],
    "welzijn",
    days=("di", "wo", "do", "vr"),
    times=("17:30-19:00", "12:00-13:30"),
    gratis=0.05,
    prices=("4,00", "5,00", "6,50"),
    toel=("inclusief toetje", "per maaltijd", "per maaltijd, U-pas geldig"),
)
template(
    "verenigingsmaatje",
    ["Verenigingsmaatje", "Welkom bij de club {plaats}", "Meedoen bij een vereniging"],
    [
        "Wilt u lid worden van een club, maar vindt u de eerste stap lastig? Een verenigingsmaatje helpt.",
        "Een vrijwilliger van de vereniging ontvangt u en gaat de eerste keren met u mee.",
        "Samen zoeken we een sportclub, koor of andere vereniging die bij u past.",
    ],
    [
        "Soms is er een regeling voor de contributie.",
        "Er zijn clubs voor sport, muziek, toneel en meer.",
        "De buurtsportcoach kan u ook helpen.",
    ],
    ["meedoen", "lichaamsfuncties"],
    ["eenzaamheid", "leefstijl"],
    "vrijwillig",
    times=("op afspraak",),
    gratis=1.0,
)
template(
    "jongeren",
    [
        "Jongerenplek {plaats}",
        "Ontmoeting voor jongvolwassenen",
        "Jongerencafé De Overstap",
        "Groep Op Eigen Benen (18-27)",
    ],
    [
        "Een plek voor jongvolwassenen om andere jongeren te ontmoeten en samen iets te doen.",
        "Voor jongeren die even niet weten hoe het verder moet met school, werk of wonen.",
        "Samen koken, gamen, sporten of gewoon praten, met een jongerenwerker erbij.",
    ],
    [
        "De jongerenwerker helpt ook met vragen over geld, werk of wonen.",
        "Je mag een vriend meenemen.",
        "Aanmelden hoeft niet.",
    ],
    ["meedoen", "zingeving"],
    ["eenzaamheid", "vastlopen", "zingeving"],
    "welzijn",
    days=("di", "wo", "do", "vr"),
    times=("15:00-18:00", "19:00-22:00"),
    gratis=0.5,
    prices=("1,00", "2,00"),
    toel=("per keer, inclusief eten", "eerste keer gratis"),
    ages=[((18, 27), 5), ((16, 27), 1)],
)

# --- Dagelijks functioneren ---
template(
    "voorzieningencheck",
    [
        "Voorzieningencheck",
        "Check je regelingen",
        "Spreekuur Regelingen en Toeslagen {plaats}",
        "Geldcheck: haal je alles eruit?",
    ],
    [
        "Samen met een adviseur kijkt u of u alle toeslagen en regelingen krijgt waar u recht op heeft.",
        "Een gratis check van uw inkomen, toeslagen en kosten, zodat u weet waar u aan toe bent.",
        "Veel mensen laten geld liggen. Met de voorzieningencheck ontdekt u wat u kunt aanvragen.",
    ],
    [
        "Neem uw inkomensgegevens en vaste lasten mee.",
        "Het gesprek duurt ongeveer een uur.",
        "De adviseur helpt ook met de aanvraag.",
    ],
    ["dagelijks_functioneren", "kwaliteit_van_leven"],
    ["financien"],
    "welzijn",
    times=("op afspraak",),
    gratis=1.0,
)
template(
    "formulierenhulp",
    [
        "Formulierenhulp",
        "Formulierenspreekuur {plaats}",
        "Hulp bij brieven en formulieren",
        "Papierwinkel {plaats}",
    ],
    [
        "Vrijwilligers helpen u met het invullen van formulieren en het lezen van moeilijke brieven.",
        "Snapt u een brief van de gemeente of de Belastingdienst niet? Kom langs bij het spreekuur.",
        "Hulp bij aanvragen, digitale formulieren en het ordenen van uw post.",
    ],
    [
        "Neem uw DigiD en de brieven mee.",
        "U hoeft geen afspraak te maken.",
        "De vrijwilligers hebben geheimhoudingsplicht.",
    ],
    ["dagelijks_functioneren"],
    ["financien", "digitale_vaardigheden"],
    "welzijn",
    days=("ma", "di", "wo", "do", "vr"),
    times=("09:00-12:00", "13:30-16:00"),
    gratis=1.0,
)
template(
    "plannen",
    [
        "Hulp bij plannen",
        "Meer structuur in je week",
        "Weekplanning met de welzijnscoach",
        "Training Grip op je Dag",
    ],
    [
        "Samen met de welzijnscoach maakt u een weekplanning die bij u past.",
        "Heeft u moeite met een dagritme, afspraken of het huishouden? We zoeken samen naar meer structuur.",
        "In een paar gesprekken leert u kleine, haalbare doelen te stellen en vol te houden.",
    ],
    [
        "De gesprekken kunnen bij u thuis.",
        "U gebruikt hulpmiddelen zoals een agenda of een app.",
        "U bepaalt zelf het tempo.",
    ],
    ["dagelijks_functioneren", "mentaal_welbevinden"],
    ["vastlopen", "psychisch_licht", "chronisch_psychisch_stabiel"],
    "welzijn",
    times=("op afspraak",),
    gratis=1.0,
)
template(
    "taalcafe",
    [
        "Taalcafé {plaats}",
        "Taalcafé Praat Mee",
        "Nederlands oefenen in het taalcafé",
        "Taalmaatjes {plaats}",
    ],
    [
        "In het taalcafé oefent u Nederlands praten in een gezellige groep.",
        "Voor iedereen die beter Nederlands wil spreken: nieuwkomers en mensen die al lang hier wonen.",
        "Met een vrijwilliger praat u over alledaagse dingen en leert u nieuwe woorden.",
    ],
    [
        "U hoeft geen les te hebben gehad.",
        "Iedereen oefent op zijn eigen niveau.",
        "Er is koffie en thee.",
    ],
    ["dagelijks_functioneren", "meedoen"],
    ["digitale_vaardigheden", "eenzaamheid"],
    "taal",
    days=("ma", "di", "wo", "do", "vr"),
    times=("10:00-11:30", "19:00-20:30", "14:00-15:30"),
    gratis=0.5,
    prices=("1,00",),
    toel=("per keer, inclusief koffie", "vrijwillige bijdrage"),
    languages=["nl;en", "nl;ar;tr", "nl;pl", "nl;ar;ti", "nl;uk;ru", "nl;en;ar"],
)
template(
    "digicafe",
    [
        "Digi-café {plaats}",
        "Computerhulp Stap voor Stap",
        "Digitaal spreekuur",
        "Cursus Werken met de tablet",
        "Digi-hulp voor DigiD en de app van de bank",
    ],
    [
        "Vrijwilligers helpen u met uw computer, tablet of telefoon.",
        "U leert stap voor stap e-mailen, videobellen en werken met DigiD.",
        "Vragen over de app van de bank of de huisarts? In het digi-café helpen we u.",
    ],
    [
        "Neem uw eigen apparaat mee.",
        "Er zijn ook laptops om mee te oefenen.",
        "U leert in uw eigen tempo, niemand lacht u uit.",
    ],
    ["dagelijks_functioneren"],
    ["digitale_vaardigheden", "eenzaamheid"],
    "welzijn",
    days=("ma", "di", "wo", "do", "vr"),
    times=("10:00-12:00", "13:30-15:30"),
    gratis=0.3,
    prices=("1,00", "2,00"),
    toel=("per keer",),
)
template(
    "lezenschrijven",
    [
        "Taalpunt: beter lezen en schrijven",
        "Cursus Lezen en Schrijven {plaats}",
        "Taalpunt {plaats}",
        "Taalmaatje voor lezen en schrijven",
    ],
    [
        "Vindt u lezen en schrijven moeilijk? In het taalpunt oefent u met een vrijwilliger.",
        "Een cursus voor volwassenen die beter willen leren lezen, schrijven of rekenen.",
        "U oefent met dingen die u in het dagelijks leven nodig heeft, zoals brieven en formulieren.",
    ],
    [
        "Niemand hoeft te weten dat u komt.",
        "U werkt in uw eigen tempo.",
        "Ook mensen die Nederlands als tweede taal hebben zijn welkom.",
    ],
    ["dagelijks_functioneren", "zingeving"],
    ["digitale_vaardigheden"],
    "taal",
    days=("ma", "di", "wo", "do"),
    times=("09:30-11:30", "13:30-15:30", "op afspraak"),
    gratis=1.0,
)
template(
    "gezondheidsvaardigheden",
    [
        "Informatieochtend Wegwijs in de Zorg",
        "Zorgwijs {plaats}",
        "Cursus Praten met je Dokter",
        "Gezondheidsvaardigheden voor iedereen",
    ],
    [
        "Leer hoe u zich voorbereidt op een gesprek met de huisarts of het ziekenhuis.",
        "Een ochtend met uitleg over medicijnen, de zorgverzekering en het patiëntenportaal.",
        "In eenvoudige taal krijgt u uitleg over hoe de zorg werkt en waar u terecht kunt.",
    ],
    [
        "Er wordt makkelijke taal gebruikt.",
        "U krijgt een handig boekje mee.",
        "Ook voor mensen met een chronische ziekte die veel met de zorg te maken hebben.",
    ],
    ["dagelijks_functioneren", "lichaamsfuncties"],
    ["digitale_vaardigheden", "chronisch_lichamelijk", "solk"],
    "zorg",
    days=("di", "wo", "do"),
    times=("10:00-12:00",),
    gratis=0.5,
    prices=("2,50",),
    toel=("inclusief koffie en boekje",),
)
template(
    "werkplaats",
    [
        "Werkplaats De Schakel",
        "Op weg naar werk",
        "Dagbesteding en werkervaring {plaats}",
        "Leerwerkplek De Draaischijf",
    ],
    [
        "In de werkplaats doet u werkervaring op in een rustige en veilige omgeving.",
        "Voor mensen die na een moeilijke periode weer een dagritme willen opbouwen.",
        "U werkt mee in de houtwerkplaats, de kringloop of de kantine, een paar ochtenden per week.",
    ],
    [
        "U begint met een paar uur per week.",
        "Een begeleider kijkt met u wat u wilt leren.",
        "Sommige deelnemers stromen door naar betaald werk.",
    ],
    ["dagelijks_functioneren", "zingeving", "meedoen"],
    ["zingeving", "vastlopen", "chronisch_psychisch_stabiel"],
    "vrijwillig",
    days=("ma", "di", "wo", "do", "vr"),
    ndays=(2, 3),
    times=("09:00-12:00", "09:00-15:00"),
    gratis=1.0,
    ages=[((18, 65), 4), ((18, 67), 1), ((18, None), 1)],
)
template(
    "woonspreekuur",
    [
        "Woonspreekuur {plaats}",
        "Klussendienst voor ouderen",
        "Spreekuur Prettig Wonen",
        "Hulp bij verhuizen en inrichten",
    ],
    [
        "Vragen over uw huis, huur of verhuizen? Op het woonspreekuur denkt een consulent met u mee.",
        "Vrijwilligers helpen met kleine klussen in huis, zoals een lamp ophangen of een kraan repareren.",
        "Voelt u zich niet thuis in uw woning of buurt? We kijken samen naar wat er mogelijk is.",
    ],
    [
        "U betaalt alleen de materialen.",
        "De consulent kan ook bij u thuis komen.",
        "Bij grotere problemen verwijzen we u door naar de juiste instantie.",
    ],
    ["kwaliteit_van_leven", "dagelijks_functioneren"],
    ["wonen_wijk", "financien"],
    "welzijn",
    times=("op afspraak", "09:30-11:30"),
    gratis=0.6,
    prices=("2,50",),
    toel=("per klus, exclusief materiaal",),
)

# --- Online or by telephone (no place) ---
template(
    "telefooncirkel",
    [
        "Telefooncirkel",
        "Belmaatje",
        "Elke Dag Een Belletje",
        "Telefonisch praatje",
        "Ochtendbelronde",
        "Bel-een-babbel",
    ],
    [
        "Elke ochtend belt u met een vaste groep mensen uit de buurt, zodat niemand de dag alleen begint.",
        "Een vrijwilliger belt u regelmatig voor een praatje.",
        "Via de telefoon houdt u contact met anderen, ook als u het huis niet goed uit kunt.",
    ],
    [
        "U heeft alleen een telefoon nodig.",
        "Als u een keer niet opneemt, belt de coördinator iemand die u kent.",
        "U kunt ook zelf vrijwilliger worden.",
    ],
    ["meedoen"],
    ["eenzaamheid", "chronisch_lichamelijk"],
    "telefoon",
    days=("ma", "di", "wo", "do", "vr"),
    ndays=(5, 5),
    times=("09:30-10:00", "10:00-10:30"),
    gratis=1.0,
    online=True,
    ages=[((None, None), 3), ((18, None), 2), ((65, None), 1)],
)
template(
    "online_mindfulness",
    [
        "Online training Minder Stress",
        "Mindfulness online",
        "Online cursus Ontspannen in 6 weken",
        "Rust in je hoofd via het scherm",
        "E-cursus Stress de Baas",
    ],
    [
        "Een online training met korte video's en oefeningen die u thuis doet.",
        "Via de computer of telefoon volgt u zes lessen over ontspannen en minder piekeren.",
        "Elke week een online bijeenkomst in een kleine groep, met een trainer.",
    ],
    [
        "U heeft een computer, tablet of telefoon met internet nodig.",
        "U doet mee vanuit huis.",
        "De trainer belt u na afloop voor een kort gesprek.",
    ],
    ["mentaal_welbevinden"],
    ["psychisch_licht", "slaapproblemen", "vastlopen"],
    "zorg",
    days=("di", "wo", "do"),
    times=("19:30-20:30", "10:00-11:00"),
    gratis=0.6,
    prices=("25,00",),
    toel=("voor de hele training",),
    online=True,
    languages=["nl;en"],
)
template(
    "online_slaap",
    [
        "Online cursus Beter Slapen",
        "Slaapcursus online",
        "Slaaptraining via beeldbellen",
        "Digitale slaapcoach",
        "Thuiscursus Uitgerust Wakker Worden",
    ],
    [
        "In vijf online lessen leert u wat u zelf kunt doen om beter te slapen.",
        "Met een slaapdagboek en korte opdrachten werkt u thuis aan een beter slaapritme.",
        "Een slaapcoach begeleidt u via beeldbellen.",
    ],
    [
        "U doet mee vanuit huis.",
        "U krijgt persoonlijke feedback van de coach.",
        "De cursus is ook geschikt als u weinig ervaring heeft met de computer.",
    ],
    ["lichaamsfuncties", "mentaal_welbevinden"],
    ["slaapproblemen", "psychisch_licht", "solk"],
    "zorg",
    days=("ma", "wo"),
    times=("20:00-21:00", "op afspraak"),
    gratis=0.5,
    prices=("15,00", "20,00"),
    toel=("voor de hele cursus",),
    online=True,
)
template(
    "online_mantelzorg",
    [
        "Online lotgenotengroep mantelzorgers",
        "Belspreekuur voor mantelzorgers",
        "Mantelzorgers online in gesprek",
        "Chatspreekuur mantelzorg",
        "Beeldbelgroep Zorgen voor een Ander",
    ],
    [
        "Een online groep voor mantelzorgers die weinig tijd hebben om de deur uit te gaan.",
        "Bel of chat met een mantelzorgconsulent over wat u bezighoudt.",
        "Eens per twee weken praat u via beeldbellen met andere mantelzorgers.",
    ],
    [
        "U doet mee vanuit huis.",
        "De gesprekken zijn vertrouwelijk.",
        "U krijgt ook informatie over ondersteuning in uw gemeente.",
    ],
    ["kwaliteit_van_leven", "meedoen"],
    ["mantelzorg", "eenzaamheid"],
    "mantelzorg",
    days=("di", "do"),
    times=("20:00-21:00", "13:00-14:00"),
    gratis=1.0,
    online=True,
)
template(
    "geldlijn",
    [
        "Geldvragenlijn",
        "Telefonisch budgetadvies",
        "Bel de geldcoach",
        "Geldzorgen-telefoon",
        "Belspreekuur Rondkomen",
    ],
    [
        "Heeft u een vraag over geld, rekeningen of toeslagen? Bel de geldcoach.",
        "Een adviseur helpt u telefonisch om uw geldzaken op een rij te zetten.",
        "Anoniem en gratis advies over rondkomen en schulden voorkomen.",
    ],
    [
        "Als het nodig is, komt er een budgetmaatje bij u thuis.",
        "U kunt ook terugbellen aanvragen via de website.",
        "U hoeft uw naam niet te noemen.",
    ],
    ["dagelijks_functioneren", "kwaliteit_van_leven"],
    ["financien", "vastlopen"],
    "budget",
    days=("ma", "di", "wo", "do", "vr"),
    ndays=(5, 5),
    times=("09:00-12:00", "09:00-17:00"),
    gratis=1.0,
    online=True,
)

template(
    "digihulp_telefoon",
    [
        "Digihulp aan de telefoon",
        "Computerhulp op afstand",
        "Hulplijn Digitaal Meedoen",
        "Belspreekuur tablet en telefoon",
        "Techniekhulp op afstand",
    ],
    [
        "Loopt u vast op uw computer, tablet of telefoon? Een vrijwilliger helpt u via de telefoon.",
        "Hulp op afstand bij e-mail, DigiD, videobellen of een app, stap voor stap.",
        "Een vaste vrijwilliger belt u terug en legt rustig uit hoe het werkt.",
    ],
    [
        "U heeft alleen een telefoon nodig.",
        "Als het nodig is, komt er een vrijwilliger bij u thuis.",
        "U kunt zo vaak bellen als u wilt.",
    ],
    ["dagelijks_functioneren"],
    ["digitale_vaardigheden", "eenzaamheid"],
    "welzijn",
    days=("ma", "di", "wo", "do", "vr"),
    ndays=(3, 5),
    times=("09:30-12:00", "13:00-16:00"),
    gratis=1.0,
    online=True,
    ages=[((None, None), 3), ((18, None), 2), ((55, None), 1)],
)

AANMELDEN = {
    "inloop": [
        "Aanmelden is niet nodig, u kunt gewoon binnenlopen.",
        "Gewoon binnenlopen.",
        "Niet nodig; kom gerust een keer kijken.",
    ],
    "afspraak": [
        "Bel of mail voor een afspraak.",
        "Aanmelden via de welzijnscoach of de huisarts.",
        "Aanmelden via het formulier op de website of telefonisch.",
    ],
    "cursus": [
        "Aanmelden vooraf via de website of telefonisch.",
        "Aanmelden bij de contactpersoon; er is een wachtlijst.",
        "Aanmelden via de welzijnscoach; er is eerst een kennismakingsgesprek.",
    ],
}
INLOOP_KEYS = {
    "wandelgroep",
    "koffieochtend",
    "inloop",
    "reparatiecafe",
    "weggeefwinkel",
    "dorpshuis",
    "hobbyclub",
    "taalcafe",
    "digicafe",
    "formulierenhulp",
    "jongeren",
    "herstelgroep",
    "moestuin",
    "geldcursus",
}

# categories that are everywhere anyway; only these are sometimes left out of a row
COMMON_CATEGORIES = {"eenzaamheid", "psychisch_licht", "leefstijl", "vastlopen"}

GENERIC_CLOSERS = [
    "U kunt eerst een keer vrijblijvend komen kijken.",
    "De welzijnscoach kan de eerste keer met u meegaan.",
    "Aanmelden kan ook via de welzijnscoach of de huisarts.",
    "Heeft u vragen? Bel gerust de contactpersoon.",
    "Nieuwe deelnemers zijn altijd welkom.",
    "De activiteit vindt plaats in {venue}.",
    "De activiteit is in {venue}, dat goed bereikbaar is met de bus.",
]
# for activities "op afspraak" (a talk, a buddy, advice)
APPOINTMENT_CLOSERS = [
    "Aanmelden kan ook via de welzijnscoach of de huisarts.",
    "Heeft u vragen? Bel gerust de contactpersoon.",
    "Het eerste gesprek is in {venue} of bij u thuis.",
    "Er is meestal geen wachtlijst.",
]


# --------------------------------------------------------------------------------------------


def load_pc4():
    out = {}
    with PC4_FILE.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out[row["pc4"]] = row
    return out


POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"


def postcode_suffix(rng):
    while True:
        s = rng.choice(POSTCODE_LETTERS) + rng.choice(POSTCODE_LETTERS)
        if s not in {"SA", "SD", "SS"}:
            return s


def jitter(rng, lat, lon, max_m=400.0):
    r = max_m * math.sqrt(rng.random())
    theta = rng.random() * 2 * math.pi
    dlat = r * math.cos(theta) / 111_320.0
    dlon = r * math.sin(theta) / (111_320.0 * math.cos(math.radians(lat)))
    return round(lat + dlat, 5), round(lon + dlon, 5)


def phone(rng, area):
    digits = [str(rng.randint(0, 9)) for _ in range(10 - len(area))]
    digits[0] = str(rng.randint(2, 8))  # local numbers do not start with 0 or 1
    if len(area) == 3:  # 050-123 45 67
        return f"{area}-{''.join(digits[:3])} {''.join(digits[3:5])} {''.join(digits[5:])}"
    # 0594-12 34 56
    return f"{area}-{''.join(digits[:2])} {''.join(digits[2:4])} {''.join(digits[4:])}"


def slugify(text):
    text = text.lower()
    for a, b in (("é", "e"), ("ë", "e"), ("ö", "o"), ("ï", "i"), ("'", ""), ("&", "en")):
        text = text.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def weighted(rng, pairs):
    items, weights = zip(*pairs, strict=True)
    return rng.choices(items, weights=weights, k=1)[0]


class Generator:
    def __init__(self, seed=SEED):
        self.rng = random.Random(seed)
        self.pc4 = load_pc4()
        self.venues = {}
        self.org_phone = {}
        self.org_contacts = {}
        self.rows = []
        self.used_names = {g: set() for g in MUNICIPALITIES}
        self.online_names = set()

    # places ---------------------------------------------------------------------------------
    def place(self, gemeente):
        spec = MUNICIPALITIES[gemeente]
        pc4 = weighted(self.rng, list(spec["pc4"].items()))
        info = self.pc4[pc4]
        assert info["gemeente"] == gemeente, (pc4, info["gemeente"], gemeente)
        plaats = PLACE_CLEAN.get(info["woonplaats"], info["woonplaats"])
        return pc4, info, plaats

    def venue(self, plaats):
        if plaats not in self.venues:
            kinds = VENUE_TYPES_CITY if plaats in CITIES else VENUE_TYPES_VILLAGE
            n = 4 if plaats in {"Groningen"} else 2
            names = self.rng.sample(VENUE_NAMES, n)
            self.venues[plaats] = [f"{self.rng.choice(kinds)} {nm}" for nm in names]
        return self.rng.choice(self.venues[plaats])

    # organisations --------------------------------------------------------------------------
    def organisation(self, gemeente, role):
        if role in REGIONAL_ORGS:
            name, slug, area = REGIONAL_ORGS[role]
        else:
            name, slug = MUNICIPALITIES[gemeente]["orgs"][role]
            area = MUNICIPALITIES[gemeente]["area"]
        if name not in self.org_phone:
            self.org_phone[name] = phone(self.rng, area)
            self.org_contacts[name] = [
                f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}" for _ in range(3)
            ]
        return name, slug, area

    # one activity ---------------------------------------------------------------------------
    def activity(self, gemeente, t, force_pc4=None, force_name=None):
        rng = self.rng
        org, slug, area = self.organisation(gemeente, t["org"])
        online = t["online"]
        if online:
            pc4 = info = None
            plaats = rng.choice(
                list(
                    {
                        PLACE_CLEAN.get(self.pc4[p]["woonplaats"], self.pc4[p]["woonplaats"])
                        for p in MUNICIPALITIES[gemeente]["pc4"]
                    }
                )
            )
            venue = "huis"
        else:
            pc4, info, plaats = self.place(gemeente)
            if force_pc4:
                pc4, info = force_pc4, self.pc4[force_pc4]
                plaats = PLACE_CLEAN.get(info["woonplaats"], info["woonplaats"])
            venue = self.venue(plaats)

        # name, unique within the municipality
        names = list(t["names"])
        rng.shuffle(names)
        naam = None
        if force_name:
            names = [force_name]
        for cand in names:
            cand = cand.format(plaats=plaats, venue=venue)
            if plaats in CITIES:
                cand = cand.replace("Dorpshuis", "Wijkcentrum").replace(
                    "Dorpsvereniging", "Buurtvereniging"
                )
            # online activities are compared province-wide, so their names are unique there
            taken = self.used_names[gemeente] | (self.online_names if online else set())
            if cand.lower() not in taken:
                naam = cand
                break
        if naam is None:
            naam = f"{names[0].format(plaats=plaats, venue=venue)} ({plaats})"
            if naam.lower() in self.used_names[gemeente]:
                naam = f"{names[0].format(plaats=plaats, venue=venue)} {venue}"
        self.used_names[gemeente].add(naam.lower())
        if online:
            self.online_names.add(naam.lower())

        # description: what + who + maybe a closer (2-4 sentences)
        sentences = [rng.choice(t["what"]), rng.choice(t["who"])]
        if not online and rng.random() < 0.55:
            by_appointment = tuple(t["times"]) == ("op afspraak",)
            closer = rng.choice(APPOINTMENT_CLOSERS if by_appointment else GENERIC_CLOSERS)
            if closer not in sentences:
                sentences.append(closer)
        if rng.random() < 0.15:
            extra = [s for s in t["who"] if s not in sentences]
            if extra:
                sentences.insert(2, rng.choice(extra))
        while (
            len(sentences) > 2 and sum(len(re.findall(r"[.?!](?:\s|$)", x)) for x in sentences) > 4
        ):
            sentences.pop()
        omschrijving = " ".join(s.format(plaats=plaats, venue=venue) for s in sentences)

        # dimensions: the template's, sometimes only the first two; ids mostly, labels sometimes
        dims = list(t["dims"])
        if len(dims) == 3 and rng.random() < 0.3:
            dims = dims[:2]
        r = rng.random()
        if r < 0.10:
            dimensies = ";".join(DIMENSION_LABELS[d] for d in dims)
        elif r < 0.14:
            dimensies = ", ".join(DIMENSION_LABELS[d] for d in dims)
        else:
            dimensies = ";".join(dims)
        doel = list(t["doel"])
        if len(doel) > 2 and doel[-1] in COMMON_CATEGORIES and rng.random() < 0.25:
            doel = doel[:-1]
        doelgroepen = ";".join(doel)

        # when
        time = rng.choice(t["times"])
        if time == "op afspraak":
            if rng.random() < 0.5:
                dagen, wanneer = "ma;di;wo;do;vr", "maandag t/m vrijdag, op afspraak"
            else:
                dagen, wanneer = "", "op afspraak"
        else:
            lo, hi = t["ndays"]
            n = rng.randint(lo, hi)
            days = sorted(rng.sample(list(t["days"]), min(n, len(t["days"]))), key=DAY_ORDER.index)
            dagen = ";".join(days)
            if len(days) == 5 and days == ["ma", "di", "wo", "do", "vr"]:
                wanneer = f"maandag t/m vrijdag {time}"
            elif len(days) == 1:
                wanneer = f"{DAY_NAMES[days[0]]} {time}"
            else:
                full = [DAY_NAMES[d] for d in days]
                wanneer = f"{', '.join(full[:-1])} en {full[-1]} {time}"
            if t["key"] in {"rouwgroep", "lotgenoten_chronisch", "mantelzorgcafe", "reparatiecafe"}:
                wanneer = (
                    f"elke eerste {wanneer}" if rng.random() < 0.5 else f"om de week op {wanneer}"
                )
            elif (
                t["key"]
                in {
                    "mindfulness",
                    "communicatie",
                    "assertiviteit",
                    "piekeren",
                    "gripenglans",
                    "stoppenroken",
                    "cursus",
                    "mantelzorgcursus",
                }
                and rng.random() < 0.6
            ):
                wanneer += rng.choice(
                    [
                        " (8 weken, start in september)",
                        " (6 bijeenkomsten)",
                        " (start januari 2027)",
                        " (voorjaar en najaar)",
                    ]
                )

        # costs
        kosten_toel = ""
        if rng.random() < t["gratis"] or t["prices"] == ("0,00",):
            kosten = "gratis"
            if t["prices"] == ("0,00",) and t["toel"]:
                kosten_toel = rng.choice(t["toel"])
            elif t["key"] == "dietist":
                kosten_toel = "vergoed vanuit de basisverzekering (3 uur per jaar)"
        else:
            kosten = rng.choice(t["prices"])
            if t["toel"] and rng.random() < 0.7:
                kosten_toel = rng.choice(t["toel"])
                if "U-pas" in kosten_toel and gemeente != "Groningen":
                    kosten_toel = kosten_toel.replace(
                        "U-pas geldig", "korting met de minimaregeling"
                    )

        # sign-up
        if t["key"] in INLOOP_KEYS:
            aanmelden = rng.choice(AANMELDEN["inloop"] + AANMELDEN["afspraak"][:1])
        elif time == "op afspraak":
            aanmelden = rng.choice(AANMELDEN["afspraak"])
        else:
            aanmelden = rng.choice(AANMELDEN["cursus"] + AANMELDEN["afspraak"][1:])

        lmin, lmax = weighted(rng, t["ages"])

        if online:
            rolstoel = ""
        else:
            rolstoel = weighted(rng, [("ja", 5), ("nee", 2), ("onbekend", 3)])

        if t["languages"]:
            talen = rng.choice(t["languages"])
        else:
            talen = weighted(
                rng,
                [
                    ("nl", 80),
                    ("nl;en", 10),
                    ("nl;ar;tr", 4),
                    ("nl;pl", 3),
                    ("nl;en;de", 2),
                    ("", 4),
                ],
            )

        contact = rng.choice(self.org_contacts[org])
        tel = self.org_phone[org] if rng.random() < 0.6 else phone(rng, area)
        first = contact.split()[0].lower()
        email = rng.choice(
            [
                f"info@{slug}.example",
                f"{slugify(first)}@{slug}.example",
                f"{t['key'].replace('_', '')}@{slug}.example",
            ]
        )
        website = rng.choice(
            [
                f"https://{slug}.example/activiteiten/{slugify(naam)}",
                f"https://{slug}.example/aanbod/{slugify(t['key'])}",
                f"https://www.{slug}.example/",
            ]
        )
        if rng.random() < 0.08:
            website = ""

        # last verified: ~10% older than 12 months
        if rng.random() < 0.10:
            days_ago = rng.randint(370, 900)
        else:
            days_ago = rng.randint(3, 360)
        d = REFERENCE_DATE - dt.timedelta(days=days_ago)
        gecontroleerd = d.isoformat() if rng.random() < 0.75 else d.strftime("%d-%m-%Y")

        status = "actief"  # a share is paused / inactive afterwards, see Generator.set_statuses

        if online:
            adres = postcode = lat = lon = ""
            plaats_out = ""
        else:
            street = rng.choice(STREETS)
            nr = str(rng.randint(1, 180)) + (rng.choice(["", "", "", "", "a", "b", "-1"]))
            adres = f"{street} {nr}"
            suffix = postcode_suffix(rng)
            postcode = f"{pc4} {suffix}" if rng.random() < 0.15 else f"{pc4}{suffix}"
            la, lo = jitter(rng, float(info["lat"]), float(info["lon"]))
            lat, lon = f"{la:.5f}", f"{lo:.5f}"
            plaats_out = plaats

        return {
            "id": "",
            "naam": naam,
            "omschrijving": omschrijving,
            "organisatie": org,
            "dimensies": dimensies,
            "doelgroepen": doelgroepen,
            "adres": adres,
            "postcode": postcode,
            "plaats": plaats_out,
            "gemeente": gemeente,
            "lat": lat,
            "lon": lon,
            "online": "ja" if online else "nee",
            "kosten": kosten,
            "kosten_toelichting": kosten_toel,
            "wanneer": wanneer,
            "aanmelden": aanmelden,
            "dagen": dagen,
            "leeftijd_min": "" if lmin is None else str(lmin),
            "leeftijd_max": "" if lmax is None else str(lmax),
            "rolstoeltoegankelijk": rolstoel,
            "talen": talen,
            "contactpersoon": contact,
            "telefoon": tel,
            "email": email,
            "website": website,
            "laatst_gecontroleerd": gecontroleerd,
            "status": status,
            "_key": t["key"],
            "_dims": dims,
            "_doel": doel,
        }

    # whole catalogue ------------------------------------------------------------------------
    # the three deliberate near-duplicates: (gemeente, template, pc4, name, twin name)
    NEAR_DUPLICATES = [
        (
            "Groningen",
            "wandelgroep",
            "9721",
            "Wandelgroep De Stapvoets",
            "Wandelgroep de Stapvoets",
        ),
        (
            "Westerkwartier",
            "koffieochtend",
            "9351",
            "Koffieochtend Het Trefpunt",
            "Koffie-ochtend Het Trefpunt",
        ),
        ("Eemsdelta", "taalcafe", "9901", "Taalcafé Appingedam", "Taalcafe Appingedam"),
    ]

    def build(self):
        rng = self.rng
        for gemeente, spec in MUNICIPALITIES.items():
            forced = {
                key: (pc4, name, twin)
                for g, key, pc4, name, twin in self.NEAR_DUPLICATES
                if g == gemeente
            }
            chosen = [t for t in T if t["online"] or t["key"] in forced or rng.random() < 0.88]
            located = [t for t in T if not t["online"]]
            chosen += rng.sample(located, spec["extra"])
            for t in chosen:
                if t["key"] in forced:
                    pc4, name, twin = forced.pop(t["key"])
                    row = self.activity(gemeente, t, force_pc4=pc4, force_name=name)
                    self.rows.append(row)
                    self.rows.append(self.near_duplicate(row, twin))
                else:
                    self.rows.append(self.activity(gemeente, t))
        self.set_statuses()
        self.fill_gaps()
        for i, row in enumerate(self.rows, 1):
            row["id"] = f"demo-{i:04d}"
        return self.rows

    def set_statuses(self):
        """About 4% gepauzeerd and 3% inactief (never one of the near-duplicate pairs)."""
        twins = {name for *_, name, twin in self.NEAR_DUPLICATES} | {
            twin for *_, twin in self.NEAR_DUPLICATES
        }
        candidates = [r for r in self.rows if r["naam"] not in twins]
        n = len(self.rows)
        picked = self.rng.sample(candidates, round(0.04 * n) + round(0.03 * n))
        for i, row in enumerate(picked):
            row["status"] = "gepauzeerd" if i < round(0.04 * n) else "inactief"

    def fill_gaps(self, minimum=3):
        """Every dimension and complaint category at least ``minimum`` times per municipality
        among active activities with a place; add activities where the random draw fell short."""
        for gemeente in MUNICIPALITIES:
            for field, ids in (("dims", DIMENSION_LABELS), ("doel", CATEGORY_IDS)):
                for wanted in ids:
                    while True:
                        have = [
                            r
                            for r in self.rows
                            if r["gemeente"] == gemeente
                            and r["status"] == "actief"
                            and r["online"] == "nee"
                            and wanted in r["_" + field]
                        ]
                        if len(have) >= minimum:
                            break
                        options = [t for t in T if not t["online"] and wanted in t[field]]
                        row = self.activity(gemeente, self.rng.choice(options))
                        if wanted in row["_" + field]:
                            self.rows.append(row)

    def near_duplicate(self, row, twin):
        """Same activity entered twice by the same organisation: a slightly different name and address."""
        dup = dict(row)
        dup["naam"] = twin
        dup["adres"] = row["adres"] if row["adres"][-1].isalpha() else row["adres"] + "a"
        la, lo = jitter(self.rng, float(row["lat"]), float(row["lon"]), max_m=60)
        dup.update(lat=f"{la:.5f}", lon=f"{lo:.5f}")
        dup["postcode"] = (
            row["postcode"].replace(" ", "")
            if " " in row["postcode"]
            else row["postcode"][:4] + " " + row["postcode"][4:]
        )
        sentences = row["omschrijving"].split(". ")
        dup["omschrijving"] = ". ".join(sentences[:2]).rstrip(".") + "."
        dup["laatst_gecontroleerd"] = "2025-06-02"
        return dup


def write(rows, path=OUT_FILE):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, extrasaction="ignore", quoting=csv.QUOTE_MINIMAL)
        w.writeheader()
        w.writerows(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", type=Path, default=OUT_FILE)
    args = ap.parse_args()
    rows = Generator(args.seed).build()
    write(rows, args.out)
    print(f"{len(rows)} activiteiten geschreven naar {args.out}")


if __name__ == "__main__":
    main()
