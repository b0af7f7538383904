"""``isaf-dates``: the event date of each ISAF press release ("yesterday", "Tuesday"...) vs the gold date.

The publication date is the release's dateline ("KABUL, Afghanistan (Jan. 25, 2013)"), with the year taken
from the release number ("2010-09-CA-005") when the dateline has none. Herald's event date is the first
day-precise date after the dateline; when there is none, the publication date (reported separately).
dateparser is run on the same expression with RELATIVE_BASE = the dateline date.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from ...inputs import ArticleInput
from ...pipeline import load, make_doc
from ...stages.s1_times.lexicon import lexicon
from ..core import Dataset, Report, register
from ._isaf import releases
from ._metrics import add_share
from ._times_common import dateparser_value

_RELEASE = re.compile(r"\b(20\d\d)-(\d\d)-[A-Z]{1,3}[-–]\d+")


def dateline(text: str) -> tuple[date, int] | None:
    """The publication date and the offset where the dateline ends, from the first 400 characters."""
    months = lexicon().months
    head = text[:400]
    rx = re.compile(r"\b([A-Z][a-z]{2,8})\.? (\d{1,2})(?:, (\d{4}))?")
    release = _RELEASE.search(head)
    for m in rx.finditer(head):
        month = months.get(m.group(1).lower())
        if month is None:
            continue
        year = int(m.group(3)) if m.group(3) else int(release.group(1)) if release else None
        if year is None:
            continue
        try:
            return date(year, month, int(m.group(2))), m.end()
        except ValueError:
            continue
    return None


def search_first(text: str, published: date) -> str | None:
    """Plain dateparser end to end: the first date ``search_dates`` finds (English, RELATIVE_BASE set)."""
    from dateparser.search import search_dates

    base = datetime(published.year, published.month, published.day)
    found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base})
    return found[0][1].date().isoformat() if found else None


@register
class IsafDates(Dataset):
    name = "isaf-dates"
    folder = "isaf-press-releases"
    description = (
        "ISAF press releases: event date from 'yesterday'/weekdays vs gold start_date (+ dateparser)"
    )
    tasks = ("times",)

    def evaluate(self, path: Path, report: Report, *, limit: int | None = None) -> None:
        records = [r for r in releases(path, every_file=True) if (r.get("gold") or {}).get("start_date")][
            :limit
        ]
        nlp = load()
        rows = []
        no_dateline = 0
        for r in records:
            found = dateline(r["text"])
            if found is None:
                no_dateline += 1
                continue
            rows.append((r, found))
        docs = (make_doc(nlp, ArticleInput(text=r["text"], published=d.isoformat())) for r, (d, _) in rows)
        n = ok = ok_dp = ok_pub = with_time = ok_with_time = dp_with_time = ok_search = 0
        for (r, (pub, end)), doc in zip(rows, nlp.pipe(docs, batch_size=16), strict=True):
            gold = r["gold"]["start_date"]
            n += 1
            # Day-precise dates after the dateline, without repeats of the dateline ("Update, Feb. 21, 2011").
            cands = [
                t
                for t in doc._.herald_times or []
                if t.start >= end
                and t.value
                and (
                    (t.type == "date" and t.granularity == "day")
                    or (t.type == "time" and re.fullmatch(r"\d{4}-\d{2}-\d{2}T(MO|AF|EV|NI)", t.value))
                )
                and not (t.anchor == "absolute" and t.value == pub.isoformat())
            ]
            # A part of the day ("last night": 2011-02-20TNI) dates the event by its day.
            cands = [t.model_copy(update={"value": t.value[:10]}) if t.value else t for t in cands]
            ok_pub += pub.isoformat() == gold
            ok_search += (search_first(r["text"][end:], pub) or pub.isoformat()) == gold
            if cands:
                t = cands[0]
                with_time += 1
                hit = t.value == gold
                dp = dateparser_value(t.text, pub) == gold
                ok_with_time += hit
                dp_with_time += dp
                ok += hit
                ok_dp += dp
                if not hit and len(report.errors) < 40:
                    report.errors.append(
                        {
                            "line": r["source_line"],
                            "gold": gold,
                            "published": pub.isoformat(),
                            "text": t.text,
                            "herald": t.value,
                            "rule": t.rule,
                        }
                    )
            else:
                ok += pub.isoformat() == gold
                ok_dp += pub.isoformat() == gold
        report.documents = n
        add_share(
            report,
            "event-date",
            "accuracy",
            ok,
            n,
            note="first day-precise date after the dateline, else the publication date",
        )
        add_share(
            report,
            "event-date",
            "accuracy",
            ok_dp,
            n,
            system="dateparser",
            note="dateparser on the same expression, else the publication date",
        )
        add_share(report, "event-date", "accuracy", ok_pub, n, system="publication-date")
        add_share(
            report,
            "event-date",
            "accuracy",
            ok_search,
            n,
            system="dateparser-search",
            note="dateparser.search.search_dates on the text after the dateline: its first date",
        )
        add_share(
            report,
            "event-date-from-text",
            "accuracy",
            ok_with_time,
            with_time,
            note="releases where a date expression was found",
        )
        add_share(report, "event-date-from-text", "accuracy", dp_with_time, with_time, system="dateparser")
        if no_dateline:
            report.notes.append(f"{no_dateline} releases without a readable dateline were skipped.")
