"""Dutch reasons a coach can read out: the part of the day from the schedule text."""

import pytest

from matcher.reasons import day_part


@pytest.mark.parametrize(
    ("when", "part"),
    [
        ("dinsdag 10:00-12:00", "ochtend"),
        ("woensdag 13:30-15:00", "middag"),
        ("dinsdag 17:30-19:00", "avond"),
        ("donderdag 19:30", "avond"),
        ("elke vrijdagochtend", "ochtend"),
        ("op afspraak", None),
        (None, None),
    ],
)
def test_day_part(when, part):
    assert day_part(when) == part
