"""Load the municipality list from a CSV file (by default the one in `data/`).

The file is the starting list; administrators correct it in the admin. A load
creates or updates rows by code and never touches `in_network`, which is the
network's own decision. The whole file is checked before anything is written,
so a malformed file changes nothing.
"""

import csv
import re
from dataclasses import dataclass, fields
from pathlib import Path

from django.db import transaction

from municipalities.models import Municipality

DATA_FILE = Path(__file__).resolve().parent / "data" / "municipalities.csv"
COLUMNS = (
    "code",
    "name_fi",
    "name_sv",
    "population_2020",
    "area",
    "wellbeing_county_fi",
)
CODE = re.compile(r"^[0-9]{3}$")
AREAS = set(Municipality.Area.values)


class MalformedFile(ValueError):
    """The file cannot be loaded; the message names the line and the problem."""


@dataclass(frozen=True)
class MunicipalityRow:
    """One municipality as the file describes it, in the model's field names."""

    code: str
    name_fi: str
    name_sv: str
    population: int | None
    area: str
    wellbeing_county: str


@dataclass(frozen=True)
class LoadCounts:
    created: int
    updated: int
    unchanged: int


def _max_length(name: str) -> int:
    return Municipality._meta.get_field(name).max_length


def _parse_row(row: dict[str, str]) -> MunicipalityRow:
    values = {key: (row.get(key) or "").strip() for key in COLUMNS}
    if not CODE.match(values["code"]):
        raise ValueError(f"code {values['code']!r} is not three digits")
    if not values["name_fi"]:
        raise ValueError("name_fi is empty")
    if values["area"] not in AREAS:
        raise ValueError(
            f"area {values['area']!r} is not one of {', '.join(sorted(AREAS))}"
        )
    population = values["population_2020"]
    if population and not population.isdigit():
        raise ValueError(f"population_2020 {population!r} is not a whole number")
    parsed = MunicipalityRow(
        code=values["code"],
        name_fi=values["name_fi"],
        name_sv=values["name_sv"],
        population=int(population) if population else None,
        area=values["area"],
        wellbeing_county=values["wellbeing_county_fi"],
    )
    for name in ("name_fi", "name_sv", "wellbeing_county"):
        if len(getattr(parsed, name)) > _max_length(name):
            raise ValueError(f"{name} is longer than {_max_length(name)} characters")
    return parsed


def read_municipalities(path: Path = DATA_FILE) -> list[MunicipalityRow]:
    """Every row of the file, checked; MalformedFile names the first bad line."""
    try:
        with open(path, encoding="utf-8", newline="") as file:
            reader = csv.DictReader(file)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise MalformedFile(
                    f"{path}, line 1: missing columns: {', '.join(missing)}"
                )
            rows: dict[str, MunicipalityRow] = {}
            for row in reader:
                try:
                    if None in row:
                        raise ValueError("more fields than the header has")
                    parsed = _parse_row(row)
                    if parsed.code in rows:
                        raise ValueError(f"code {parsed.code} appears twice")
                except ValueError as error:
                    raise MalformedFile(
                        f"{path}, line {reader.line_num}: {error}"
                    ) from error
                rows[parsed.code] = parsed
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise MalformedFile(f"{path}: {error}") from error
    if not rows:
        raise MalformedFile(f"{path}: no municipalities in the file")
    return list(rows.values())


@transaction.atomic
def load_municipalities(
    *, path: Path = DATA_FILE, codes: set[str] | None = None
) -> LoadCounts:
    """Create or update the file's municipalities (only `codes`, if given)."""
    rows = [r for r in read_municipalities(path) if codes is None or r.code in codes]
    existing = Municipality.objects.in_bulk([r.code for r in rows], field_name="code")
    names = [f.name for f in fields(MunicipalityRow) if f.name != "code"]
    new, changed = [], []
    for row in rows:
        municipality = existing.get(row.code)
        if municipality is None:
            new.append(
                Municipality(code=row.code, **{n: getattr(row, n) for n in names})
            )
            continue
        if any(getattr(municipality, n) != getattr(row, n) for n in names):
            for name in names:
                setattr(municipality, name, getattr(row, name))
            changed.append(municipality)
    Municipality.objects.bulk_create(new)
    Municipality.objects.bulk_update(changed, names)
    return LoadCounts(len(new), len(changed), len(rows) - len(new) - len(changed))
