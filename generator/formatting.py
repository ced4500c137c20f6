"""Danish numbers, dates and phrases, through Babel (da_DK)."""

from __future__ import annotations

import datetime as dt
import functools
import math
from decimal import Decimal

from babel.dates import format_date

LOCALE = "da_DK"


def number(value: float | None, decimals: int | None = None) -> str:
    """1603 -> '1.603'; 59.307 with decimals=1 -> '59,3'. Whole numbers lose their ',0'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    trim = decimals is None  # '#,##0.##': at most two decimals, no trailing zeros
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
    # What Babel's format_decimal gives for da_DK (tests/test_scale.py compares the two), without
    # its locale lookups, which at scale were a large part of the generator (bench/README.md).
    text = f"{Decimal(str(value)).quantize(_QUANTUM[decimals]):,f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.translate(_DANISH)


_QUANTUM = [Decimal(1).scaleb(-d) for d in range(7)]
_DANISH = str.maketrans(",.", ".,")


def pct(value: float | None, decimals: int = 1) -> str:
    """59.307 -> '59,3 pct.'"""
    return "–" if value is None else f"{number(value, decimals)} pct."


@functools.lru_cache(maxsize=4096)
def month(value: dt.date | None) -> str:
    """2013-12 -> 'dec. 2013' (cached: a national site formats the same few hundred months
    hundreds of thousands of times through Babel)"""
    return "" if value is None else format_date(value, "MMM yyyy", locale="da")


def long_date(value: dt.date | None) -> str:
    """2013-04-23 -> '23. april 2013'"""
    return "" if value is None else format_date(value, "d. MMMM yyyy", locale="da")


def weekday_date(value: dt.date | None) -> str:
    """2013-03-06 -> 'onsdag den 6. marts 2013'"""
    return "" if value is None else format_date(value, "EEEE 'den' d. MMMM yyyy", locale="da")


def clock(value: dt.time | None) -> str:
    """16:00 -> '16.00', the Danish way of writing a time of day"""
    return "" if value is None else f"{value.hour:02d}.{value.minute:02d}"


def change(pct_value: float | None, decimals: int = 1) -> str:
    """-59.307 -> 'fald på 59,3 pct.'; 16.8 -> 'stigning på 16,8 pct.'"""
    if pct_value is None:
        return ""
    rounded = round(pct_value, decimals)
    if rounded == 0:
        return "uændret"
    word = "fald" if rounded < 0 else "stigning"
    return f"{word} på {pct(abs(pct_value), decimals)}"


def change_abs(value: float | None, unit: str | None = None) -> str:
    """-137 -> 'fald på 137 personer'"""
    if value is None:
        return ""
    if value == 0:
        return "uændret"
    word = "fald" if value < 0 else "stigning"
    return f"{word} på {number(abs(value))}" + (f" {unit}" if unit else "")


def quantity(value: float | None, unit: str | None = None) -> str:
    if value is None:
        return "–"
    return number(value) + (f" {unit}" if unit else "")


# Units as the data write them (plural) and their singular, for '1 person' beside '5 personer'.
# A unit not listed is written as it is.
SINGULAR = {
    "personer": "person",
    "fuldtidspersoner": "fuldtidsperson",
    "virksomheder": "virksomhed",
    "virksomhedscentre": "virksomhedscenter",
    "arbejdssteder": "arbejdssted",
    "aftaler": "aftale",
    "kampagner": "kampagne",
    "projekter": "projekt",
    "forløb": "forløb",
    "mål": "mål",
    "resultatrevisioner": "resultatrevision",
    "dokumenter": "dokument",
}
PERCENT_UNITS = ("pct.", "pct", "procent", "%")


def difference(value: float, unit: str | None = None) -> str:
    """A difference between two figures in their unit: 1 personer -> '1 person', 5 -> '5
    personer'; between two percentages it is in percentage points: 0.4 pct. -> '0,4 procentpoint'."""
    if unit in PERCENT_UNITS:
        return f"{number(value)} procentpoint"
    if not unit:
        return number(value)
    return f"{number(value)} {SINGULAR.get(unit, unit) if value == 1 else unit}"


def count(n: int, singular: str, plural: str) -> str:
    """'1 resultatrevision', '3 resultatrevisioner'"""
    return f"{number(n)} {singular if n == 1 else plural}"


def full_stop(text: str) -> str:
    """The text ended as a sentence: a full stop added unless it ends with one already (a unit
    such as 'pct.' or an abbreviation), or with '!' or '?'."""
    text = str(text).rstrip()
    return text if not text or text[-1] in ".!?" else text + "."


def span(value, in_year: bool = True) -> str:
    """A period (models.Span) as a heading says it: 'dec. 2014' (a month), 'i 2014' (a whole
    year; '2014' with in_year=False), 'jan.–jun. 2015' or 'nov. 2014–feb. 2015' (a range of
    months); '' for None."""
    if value is None:
        return ""
    if value.kind == "month":
        return month(value.start)
    if value.kind == "year":
        return f"i {value.start.year}" if in_year else str(value.start.year)
    first = format_date(value.start, "MMM", locale="da") if value.start.year == value.end.year else month(value.start)
    return f"{first}–{month(value.end)}"


def document_date(value: str | None) -> str:
    """The document's own date: '2015-08' -> 'august 2015', '2015-08-14' -> '14. august 2015'."""
    if not value:
        return ""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 2:
        return format_date(dt.date(parts[0], parts[1], 1), "MMMM yyyy", locale="da")
    return long_date(dt.date(*parts))


def rank(value) -> str:
    """A rank (generator.data.kinds.revision.Rank): 'nr. 3 af 6 i klyngen'."""
    return f"nr. {value.position} af {value.of} i {value.among}"
