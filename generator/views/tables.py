"""Data tables: as HTML on a page, as CSV for download."""

from __future__ import annotations

import datetime as dt
import functools

from markupsafe import Markup, escape

from generator import formatting as fmt
from generator.data import periods
from generator.data.models import Column, Table
from generator.views import charts


def csv_cell(value):
    """Text a spreadsheet would run as a formula ('=', '+', '-', '@' first) gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def open_number(value) -> int | float | None:
    """A number as the open data give it, in every file: a whole number as one (1603, not
    1603.0), others to six decimals; None when missing."""
    if charts.missing(value):
        return None
    return int(value) if float(value).is_integer() else round(float(value), 6)


def csv_number(value) -> str:
    """A number cell as CSV text (open_number): '1603', '2.79'; empty when missing."""
    number = open_number(value)
    return "" if number is None else str(number)


def csv_text(table: Table) -> str:
    """The table as CSV, its headers the data's column keys, months as YYYY-MM, whole numbers
    without '.0' (as the site-wide tal.csv.gz writes them)."""
    df = table.frame.copy()
    for c in table.columns:
        if c.type == "number":
            df[c.key] = df[c.key].map(csv_number)
        elif c.type == "period":
            df[c.key] = df[c.key].map(lambda v: v.strftime("%Y-%m") if isinstance(v, dt.date) else v)
        elif c.type == "text":
            df[c.key] = df[c.key].map(csv_cell)
    df.columns = [csv_cell(str(k)) for k in df.columns]  # the headers are the data's column keys
    return df.to_csv(index=False, lineterminator="\n")


def cell(value, column, decimals: int | None = None) -> str:
    """A cell's text; decimals: a number column's decimals, where the column does not set them."""
    if column.type == "period":
        return fmt.month(value) if isinstance(value, dt.date) else ""
    if column.type == "number":
        return "" if charts.missing(value) else fmt.number(value, column.decimals if column.decimals is not None else decimals)
    return "" if value is None else month_text(str(value))


@functools.lru_cache(maxsize=4096)
def month_text(text: str) -> str:
    """A text cell that is a month and nothing else, as the data stage reads months ('Dec 2013',
    'okt-12'), in the site's one style ('dec. 2013'); any other text as it is."""
    if not text or not text[-1].isdigit() or not periods.is_month_label(text):
        return text
    return fmt.month(periods.parse_month_label(text))


def column_decimals(columns: list[Column], rows: list[dict]) -> dict[str, int | None]:
    """Each number column's decimals: the column's own, or the same for every value of the column
    (fmt.decimals_shown: '31,0' beside '27,8', never '31' beside '27,8'); whole-number columns
    stay whole."""
    return {
        c.key: c.decimals if c.decimals is not None else fmt.decimals_shown(r[c.key] for r in rows)
        for c in columns
        if c.type == "number"
    }


def table_html(table: Table, caption: str | None = None, anchor: str | None = None) -> Markup:
    """A data table as HTML (written in Python, as tables are most of a document page's HTML and
    a template took longer). Every text is escaped, as the templates' autoescape does. Body cells
    are numbers unless marked jc-text (jc-table--num): most are numbers, and a class on each
    was a twentieth of a revision page."""
    text = escape
    shown, rows = table_view(table)
    head_kinds = [' class="jc-num"' if c.type == "number" else "" for c in shown]
    kinds = ["" if c.type == "number" else ' class="jc-text"' for c in shown]
    table_id = f' id="{text(anchor)}"' if anchor else ""
    out = [
        f'<div class="jc-table-wrap" role="region" aria-label="{text(caption or table.title)}" tabindex="0">\n'
        f'<table class="jc-table jc-table--num"{table_id}>\n'
    ]
    if caption:
        out.append(f"<caption>{text(caption)}</caption>")
    out.append("<thead><tr>")
    out.extend(f'<th scope="col"{k}>{text(c.label)}</th>' for c, k in zip(shown, head_kinds))
    out.append("</tr></thead>\n<tbody data-pagefind-ignore>\n")
    emphasis = table.emphasis_column
    decimals = column_decimals(shown, rows)
    for row in rows:
        out.append('<tr class="jc-sum">' if emphasis and row[emphasis] else "<tr>")
        for i, (c, k) in enumerate(zip(shown, kinds)):
            value = text(cell(row[c.key], c, decimals.get(c.key)))
            out.append(f'<th scope="row">{value}</th>' if i == 0 else f"<td{k}>{value}</td>")
        out.append("</tr>\n")
    out.append("</tbody>\n</table>\n</div>\n")
    return Markup("".join(out))


def table_view(table: Table) -> tuple[list[Column], list[dict]]:
    """The columns and rows a table is shown with. A wide table is shown wide again, as in the
    document: one column per value of wide.column (fx 'okt. 2012'), in the CSV's order."""
    shown = [c for c in table.columns if c.show]
    records = table.records
    if not table.wide:
        return shown, records
    spread_col, value_col = table.column(table.wide.column), table.column(table.wide.value)
    spread = list(dict.fromkeys(r[spread_col.key] for r in records))
    if not spread:
        return shown, records
    fixed = [c for c in shown if c.key not in (spread_col.key, value_col.key)]
    columns = fixed + [value_col.model_copy(update={"key": f"_{i}", "label": cell(v, spread_col)}) for i, v in enumerate(spread)]
    rows = []
    for start in range(0, len(records), len(spread)):
        chunk = records[start : start + len(spread)]  # the loader writes one CSV row's cells together
        rows.append({**chunk[0], **{f"_{i}": r[value_col.key] for i, r in enumerate(chunk)}})
    return columns, rows
