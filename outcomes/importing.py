"""Importing a return of figures from a CSV file: read and check every row first (the
preview), then save the good rows in one transaction once staff confirm.

The policy, and why: the preview lists every row with its errors and nothing is saved until
staff press "Import the N valid rows", which names how many will be saved. A quarterly
return gathers figures from seven clusters, and each row is one independent figure
(cluster, measure, period), so one cluster's mistake should not hold back the others'; the
refused rows are listed with their reasons to be corrected and imported on their own. What
is never partial: the rows confirmed are saved all together or not at all (one transaction;
if anything changed since the preview, such as a figure added by someone else, the whole
import is refused and nothing is written).

A file whose columns look like personal identifiers (names, dates of birth, NHS numbers,
UPNs, addresses...) is refused whole: it is not an aggregate return. A cell whose value
looks like an identifier refuses its row, and the preview does not show that row's values.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.core import signing
from django.db import IntegrityError, transaction

from outcomes.models import Figure, Measure, clusters
from outcomes.periods import BadPeriod, parse_period
from outcomes.services import base_problem, period_problem, rounded, value_problem

COLUMNS = ["cluster", "measure", "period", "value", "base"]
REQUIRED = ["cluster", "measure", "period", "value"]
MAX_BYTES = 1024 * 1024
MAX_ROWS = 5000
SIGNING_SALT = "outcomes.import"
PREVIEW_MAX_AGE = 60 * 60  # seconds a preview may be confirmed in

# Column headings (lower case, letters and digits only) that name a person or a child.
IDENTIFIER_COLUMNS = {
    "name", "names", "firstname", "forename", "forenames", "givenname", "surname",
    "lastname", "familyname", "fullname", "childname", "childsname", "preferredname",
    "dob", "dateofbirth", "birthdate", "birthday", "nhs", "nhsno", "nhsnumber", "upn",
    "uniquepupilnumber", "uln", "address", "postcode", "postalcode", "zip", "childid",
    "childref", "childreference", "personid", "personref", "pupilid", "pupilref", "caseid",
    "caseref", "casenumber", "mosaicid", "lcsid", "email", "emailaddress", "phone",
    "telephone", "mobile", "ninumber", "nationalinsurancenumber",
}
IDENTIFIER_PARTS = ("birth", "nhs", "postcode", "address", "surname", "forename", "pupil",
                    "childid", "personid", "email")

# Cell values that look like a person's identifier rather than an aggregate figure.
IDENTIFIER_VALUES = [
    ("an NHS number", re.compile(r"^\d{3}[\s-]?\d{3}[\s-]?\d{4}$")),
    ("a unique pupil number", re.compile(r"^[A-Z]\d{11}[0-9A-Z]$", re.IGNORECASE)),
    ("a postcode", re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$", re.IGNORECASE)),
    ("an email address", re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")),
    ("a date of birth", re.compile(r"^(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})$")),
]
NUMBER = re.compile(r"^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


class ImportRefused(Exception):
    """The import cannot go ahead; the message says why. Nothing was saved."""


def _heading(text):
    return re.sub(r"[^a-z0-9]", "", (text or "").lower())


def identifier_heading(text):
    heading = _heading(text)
    return heading in IDENTIFIER_COLUMNS or any(part in heading for part in IDENTIFIER_PARTS)


def identifier_kind(value):
    value = (value or "").strip()
    for kind, pattern in IDENTIFIER_VALUES:
        if pattern.match(value):
            return kind
    return None


def _key(text):
    """Names compared without case, spacing or '&' versus 'and'."""
    text = (text or "").lower().replace("&", " and ")
    return " ".join(text.split())


@dataclass
class ImportRow:
    number: int  # the line in the file (the heading is line 1)
    cells: dict  # column -> text as given
    errors: list = field(default_factory=list)
    hidden: bool = False  # values not shown: they look like personal data
    team: object = None
    measure: object = None
    period: object = None
    value: Decimal | None = None
    base: Decimal | None = None
    existing: Figure | None = None
    replaced_value: Decimal | None = None

    @property
    def is_valid(self):
        return not self.errors

    @property
    def key(self):
        return (self.team.pk, self.measure.pk, self.period.start) if (
            self.team and self.measure and self.period) else None

    def raw(self):
        return [self.cells.get(c, "") for c in COLUMNS]


@dataclass
class Preview:
    rows: list = field(default_factory=list)
    file_errors: list = field(default_factory=list)
    replace_existing: bool = False

    @property
    def valid_rows(self):
        return [] if self.file_errors else [r for r in self.rows if r.is_valid]

    @property
    def refused_rows(self):
        return [r for r in self.rows if not r.is_valid]

    @property
    def can_import(self):
        return bool(self.valid_rows)

    def token(self):
        """The valid rows, signed, for the confirming form: the same rows are checked again
        and saved, and no others (the refused ones never go back to the browser)."""
        return signing.dumps({"rows": [r.raw() for r in self.valid_rows],
                              "replace": self.replace_existing},
                             salt=SIGNING_SALT, compress=True)


def _decode(data):
    if len(data) > MAX_BYTES:
        raise ImportRefused("The file is larger than 1 MB; a return of figures is far "
                            "smaller. Check that you chose the right file.")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportRefused("The file is not a CSV file we can read: save it as CSV (UTF-8).")


def read_csv(data, *, replace_existing=False):
    """Check every row of the CSV `data` (bytes) and say what importing it would do. Saves
    nothing."""
    preview = Preview(replace_existing=replace_existing)
    try:
        text = _decode(data)
        reader = csv.reader(io.StringIO(text, newline=""))
        headings = next(reader, None)
    except (ImportRefused, csv.Error) as error:
        preview.file_errors.append(str(error) if isinstance(error, ImportRefused)
                                   else "The file is not a CSV file we can read.")
        return preview
    if not headings or not any(h.strip() for h in headings):
        preview.file_errors.append("The file is empty: the first line should be the "
                                   "headings cluster, measure, period, value, base.")
        return preview
    identifying = [h.strip() for h in headings if identifier_heading(h)]
    if identifying:
        preview.file_errors.append(
            "The file has columns that look like personal details ("
            + ", ".join(identifying) + "). Only aggregate figures per cluster may be "
            "imported: remove those columns and any child-level rows, then try again.")
        return preview
    names = [_heading(h) for h in headings]
    unknown = [h.strip() for h, n in zip(headings, names, strict=True) if n not in COLUMNS]
    missing = [c for c in REQUIRED if c not in names]
    if unknown or missing or len(set(names)) != len(names):
        preview.file_errors.append(
            "The headings must be cluster, measure, period, value and (for rates, "
            "percentages and averages) base."
            + (f" Unknown: {', '.join(unknown)}." if unknown else "")
            + (f" Missing: {', '.join(missing)}." if missing else ""))
        return preview
    try:
        for number, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                continue
            if len(preview.rows) >= MAX_ROWS:
                preview.file_errors.append(f"The file has more than {MAX_ROWS} rows.")
                return preview
            row = ImportRow(number, {n: (cells[i].strip() if i < len(cells) else "")
                                     for i, n in enumerate(names)})
            if len(cells) > len(names) and any(c.strip() for c in cells[len(names):]):
                row.errors.append("The row has more cells than there are headings.")
            preview.rows.append(row)
    except csv.Error:
        preview.file_errors.append("The file is not a CSV file we can read.")
        return preview
    check_rows(preview.rows, replace_existing=replace_existing)
    return preview


def check_rows(rows, *, replace_existing):
    """Fill in each row's figure, or its errors: identifiers, unknown cluster or measure,
    bad period, non-numeric or out-of-range value, duplicates, figures already held."""
    cluster_names = {}
    for team in clusters():
        for name in {_key(team.cluster), _key(team.name)}:
            cluster_names.setdefault(name, []).append(team)
    measures = {}
    for measure in Measure.objects.all():
        measures[_key(measure.code)] = measure
        measures[_key(measure.name)] = measure

    for row in rows:
        suspicious = [(column, kind) for column in COLUMNS
                      if (kind := identifier_kind(row.cells.get(column)))]
        if suspicious:
            row.hidden = True
            row.errors.extend(f"The {column} looks like {kind}: only aggregate figures may "
                              "be imported." for column, kind in suspicious)
            continue
        _check_row(row, cluster_names, measures)

    by_key = {}
    for row in rows:
        if row.key:
            by_key.setdefault(row.key, []).append(row)
    for same in by_key.values():
        if len(same) > 1:
            lines = ", ".join(str(r.number) for r in same)
            for row in same:
                row.errors.append(f"Duplicate: rows {lines} give the same cluster, measure "
                                  "and period. Keep one.")

    keyed = [r for r in rows if r.key and r.is_valid]
    existing = {}
    if keyed:
        for figure in Figure.objects.filter(
                measure__in={r.measure.pk for r in keyed}, team__in={r.team.pk for r in keyed},
                period_start__in={r.period.start for r in keyed}):
            existing[figure.team_id, figure.measure_id, figure.period_start] = figure
    for row in keyed:
        row.existing = existing.get(row.key)
        if row.existing and not replace_existing:
            row.errors.append(
                f"There is already a figure for this cluster, measure and period "
                f"({row.existing.formatted}). Choose “replace” to correct it.")


def _check_row(row, cluster_names, measures):
    cells = row.cells
    teams = cluster_names.get(_key(cells["cluster"]), [])
    if not cells["cluster"]:
        row.errors.append("The cluster is missing.")
    elif not teams:
        row.errors.append(f"Unknown cluster “{cells['cluster']}”.")
    elif len(teams) > 1:
        row.errors.append(f"“{cells['cluster']}” matches more than one team: give the "
                          "team's name.")
    else:
        row.team = teams[0]
    row.measure = measures.get(_key(cells["measure"]))
    if not cells["measure"]:
        row.errors.append("The measure is missing.")
    elif row.measure is None:
        row.errors.append(f"Unknown measure “{cells['measure']}”.")
    if row.measure:
        try:
            row.period = parse_period(cells["period"], row.measure.frequency)
        except BadPeriod as error:
            row.errors.append(f"Bad period: {error}")
        else:
            if problem := period_problem(row.measure, row.period.start):
                row.errors.append(f"Bad period {cells['period']}: {problem}")
                row.period = None
    row.value = _number(row, "value", required=True)
    row.base = _number(row, "base", required=False)
    if row.measure and row.value is not None:
        if problem := value_problem(row.measure, row.value):
            row.errors.append(problem)
        if problem := base_problem(row.measure, row.base):
            row.errors.append(problem)


def _number(row, column, required):
    text = row.cells.get(column, "")
    if text.endswith("%") and column == "value" and row.measure and \
            row.measure.unit == Measure.Unit.PERCENTAGE:
        text = text[:-1].strip()
    if not text:
        if required:
            row.errors.append(f"The {column} is missing.")
        return None
    if not NUMBER.match(text):
        row.errors.append(f"The {column} “{text}” is not a number.")
        return None
    return rounded(Decimal(text.replace(",", "")))


def rows_from_token(token):
    try:
        payload = signing.loads(token, salt=SIGNING_SALT, max_age=PREVIEW_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ImportRefused("The preview is more than an hour old: upload the file again."
                            ) from error
    except signing.BadSignature as error:
        raise ImportRefused("The preview could not be read: upload the file again.") from error
    columns = COLUMNS
    rows = [ImportRow(i, dict(zip(columns, cells, strict=True)))
            for i, cells in enumerate(payload["rows"], start=1)]
    return rows, bool(payload["replace"])


def import_confirmed(token, user):
    """Save the rows of a confirmed preview, all of them or none: they are checked again
    inside the transaction, and any row that has become invalid refuses the whole import.
    Returns the number of figures saved."""
    from cms.page_cache import invalidate_pages

    rows, replace = rows_from_token(token)
    if not rows:
        raise ImportRefused("There are no valid rows to import.")
    try:
        with transaction.atomic():
            check_rows(rows, replace_existing=replace)
            bad = [r for r in rows if not r.is_valid]
            if bad:
                raise ImportRefused(
                    f"{len(bad)} of the rows are no longer valid ({bad[0].errors[0]}) "
                    "so nothing was imported. Upload the file again to see why.")
            published_changed = _save(rows, user)
            _log(user, rows)
    except IntegrityError as error:
        raise ImportRefused("Someone saved figures for the same clusters and periods at "
                            "the same moment, so nothing was imported. Upload the file "
                            "again.") from error
    if published_changed:
        invalidate_pages()
    return len(rows)


def _save(rows, user):
    published_changed = False
    for row in rows:
        if row.existing:
            row.replaced_value = row.existing.value
            published_changed |= row.existing.published
            row.existing.value, row.existing.base = row.value, row.base
            row.existing.entered_by = user
            row.existing.save(update_fields=["value", "base", "entered_by", "updated_at"])
        else:
            Figure.objects.create(measure=row.measure, team=row.team,
                                  period_start=row.period.start, value=row.value,
                                  base=row.base, entered_by=user)
    return published_changed


def _log(user, rows):
    from wagtail.log_actions import log

    # What a correction overwrote, so the audit trail can say what a figure was before.
    replaced = [[r.measure.code, r.team.name, r.period.code, str(r.replaced_value),
                 str(r.value)] for r in rows if r.existing]
    first = Figure.objects.filter(measure=rows[0].measure, team=rows[0].team,
                                  period_start=rows[0].period.start).first()
    if first is not None:
        log(first, "outcomes.figures.imported", user=user,
            data={"figures": len(rows), "replaced": replaced})
