"""Calendar reference vectors for `corridor::Period` from Python's standard library.

Python's `datetime` implements the proleptic Gregorian calendar and ISO 8601 week
dates (`date.isocalendar`, `date.fromisocalendar`); `calendar.monthrange` gives month
lengths. Writes tests/data/reference/calendar.json.

Run: python3 -I tests/reference-scripts/calendar_reference.py
"""
import calendar
import datetime as dt
import json
import platform
import random
from pathlib import Path

YEARS = [1, 4, 100, 400, 1582, 1600, 1700, 1800, 1900, 1999, 2000, 2004, 2015, 2020, 2021, 2022,
         2023, 2024, 2025, 2026, 2027, 2032, 2100, 2400, 9998, 9999]

def iso(d):
    return d.isoformat()

years = []
for y in YEARS:
    start, end = dt.date(y, 1, 1), dt.date(y, 12, 31)
    weeks = dt.date(y, 12, 28).isocalendar()[1]  # 28 December is always in the ISO year's last week
    years.append({
        "year": y,
        "days": (end - start).days + 1,
        "leap": calendar.isleap(y),
        "iso_weeks": weeks,
        "months": [calendar.monthrange(y, m)[1] for m in range(1, 13)],
        "quarters": [sum(calendar.monthrange(y, m)[1] for m in range(3 * q - 2, 3 * q + 1)) for q in range(1, 5)],
    })

weeks = []
for y in YEARS:
    if y >= 9999:
        continue  # 9999-W52 ends in year 10000, beyond Python's date range
    n = dt.date(y, 12, 28).isocalendar()[1]
    for w in sorted({1, 2, 26, n - 1, n}):
        weeks.append({"year": y, "week": w, "start": iso(dt.date.fromisocalendar(y, w, 1)),
                      "end": iso(dt.date.fromisocalendar(y, w, 7))})

rng = random.Random(20260101)
days = []
for _ in range(400):
    d = dt.date.fromordinal(rng.randint(1, dt.date(9999, 12, 24).toordinal()))
    y, w, wd = d.isocalendar()
    days.append({"date": iso(d), "iso_year": y, "iso_week": w, "weekday": wd,
                 "quarter": (d.month - 1) // 3 + 1})

out = {
    "description": "proleptic Gregorian calendar and ISO 8601 week dates from Python datetime/calendar",
    "versions": {"python": platform.python_version(), "module": "datetime, calendar (standard library)"},
    "years": years,
    "weeks": weeks,
    "days": days,
}
path = Path(__file__).resolve().parents[1] / "data" / "reference" / "calendar.json"
path.write_text(json.dumps(out, indent=1) + "\n")
print(f"wrote {path}")
