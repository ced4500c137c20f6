"""Months as Danish documents and jobindsats.dk write them: 'okt-12', 'jan-13', 'juli-12',
'dec. 2013', 'marts 2013'. Used for CSV values and headers, and by the import of exports.

Nothing here knows the models; models and loader use it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

MONTH_NAMES = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)

_LABEL = re.compile(r"([a-zæøå]+)\.?\s*[-/ ]?\s*(\d{2}|\d{4})")


def month_number(word: str) -> int | None:
    """'okt' -> 10, 'juli' -> 7, 'sept' -> 9, 'marts' -> 3; None for anything else.
    A word of at least three letters that begins a Danish month name counts."""
    word = word.lower().rstrip(".")
    if len(word) < 3:
        return None
    for i, name in enumerate(MONTH_NAMES, start=1):
        if name.startswith(word):
            return i
    return None


def parse_month_label(text: str) -> dt.date:
    """'okt-12' -> 2012-10-01; 'dec. 2013' -> 2013-12-01. Two-digit years are 20xx.
    Raises ValueError with the text when it is not a month."""
    m = _LABEL.fullmatch(text.strip().lower()) if isinstance(text, str) else None
    month = month_number(m.group(1)) if m else None
    if m is None or month is None:
        from generator import messages

        raise ValueError(messages.text("yaml.expected_month", got=repr(text)))
    year = int(m.group(2))
    return dt.date(2000 + year if year < 100 else year, month, 1)


def is_month_label(text: str) -> bool:
    try:
        parse_month_label(text)
    except ValueError:
        return False
    return True


def backwards(periods: Sequence[dt.date]) -> list[int]:
    """Positions where a period is not later than the one before it: [4] for
    okt-12, nov-12, dec-12, jan-13, feb-12."""
    return [i for i in range(1, len(periods)) if periods[i] <= periods[i - 1]]
