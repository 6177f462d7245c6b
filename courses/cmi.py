"""The SCORM run-time data model (CMI) as the server accepts it from the runtime.

A commit is a flat {"cmi.element": value} map (scorm-again's "flattened" format). Elements
a SCO may write are checked against their SCORM type (vocabulary, length, number range,
time format); elements the LMS owns (learner id, entry, total time...) are dropped, since the
server decides those; anything else is refused. What is kept is what the runtime is given
back when the learner returns, plus the few values the server tracks in columns."""

import re
from decimal import Decimal, InvalidOperation

SCORM_12 = "1.2"
SCORM_2004 = "2004"

MAX_ELEMENTS = 3000
MAX_INDEX = 500


class CMIError(ValueError):
    """A commit the server refuses; the message names the element and why."""


def _string(limit):
    def check(value):
        if len(value) > limit:
            raise CMIError(f"is longer than {limit} characters")
        return value
    return check


def _vocabulary(*words):
    allowed = set(words)

    def check(value):
        if value not in allowed:
            raise CMIError(f"must be one of {', '.join(sorted(repr(w) for w in allowed))}")
        return value
    return check


def _decimal(low=None, high=None, blank=True):
    def check(value):
        if value == "" and blank:
            return value
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise CMIError("is not a number") from None
        if not number.is_finite() or (low is not None and number < low) or (
                high is not None and number > high):
            raise CMIError(f"is not between {low} and {high}")
        return value
    return check


TIMESPAN_12 = re.compile(r"^(\d{2,4}):(\d{2}):(\d{2})(\.\d{1,2})?$")
DURATION_2004 = re.compile(
    r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?)?$")


def _timespan_12(value):
    if not TIMESPAN_12.match(value):
        raise CMIError("is not a time span (HHHH:MM:SS.SS)")
    return value


def _duration_2004(value):
    if not DURATION_2004.match(value) or value in ("P", "PT") or value.endswith("T"):
        raise CMIError("is not a duration (e.g. PT1H30M5S)")
    return value


def seconds_of(version, value):
    """A session or total time as seconds."""
    if not value:
        return Decimal(0)
    if version == SCORM_12:
        match = TIMESPAN_12.match(value)
        if not match:
            return Decimal(0)
        hours, minutes, seconds, fraction = match.groups()
        return (Decimal(hours) * 3600 + Decimal(minutes) * 60 + Decimal(seconds)
                + Decimal(fraction or 0))
    match = DURATION_2004.match(value)
    if not match:
        return Decimal(0)
    years, months, days, hours, minutes, seconds = (Decimal(g or 0) for g in match.groups())
    return ((years * 365 + months * 30 + days) * 86400 + hours * 3600 + minutes * 60
            + seconds)


def time_of(version, seconds):
    """Seconds as the version's time type (total time given back to the runtime)."""
    seconds = Decimal(seconds).quantize(Decimal("0.01"))
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    fraction = seconds - whole
    if version == SCORM_12:
        return f"{min(hours, 9999):04d}:{minutes:02d}:{secs:02d}.{int(fraction * 100):02d}"
    return f"PT{hours}H{minutes}M{secs + fraction}S"


ANY = _string(4000)
N = r"\d+"

WRITABLE_12 = [
    (r"cmi\.core\.lesson_location", _string(255)),
    (r"cmi\.core\.lesson_status", _vocabulary(
        "passed", "completed", "failed", "incomplete", "browsed", "not attempted")),
    (r"cmi\.core\.score\.(raw|min|max)", _decimal(0, 100)),
    (r"cmi\.core\.exit", _vocabulary("time-out", "suspend", "logout", "")),
    (r"cmi\.core\.session_time", _timespan_12),
    # SCORM 1.2 says 4,096 characters, but packages from common authoring tools write
    # more, and LMSs keep it: refusing would lose the learner's place. 2004's limit holds.
    (r"cmi\.suspend_data", _string(64000)),
    (r"cmi\.comments", _string(4096)),
    (rf"cmi\.objectives\.{N}\.id", _string(255)),
    (rf"cmi\.objectives\.{N}\.score\.(raw|min|max)", _decimal(0, 100)),
    (rf"cmi\.objectives\.{N}\.status", _vocabulary(
        "passed", "completed", "failed", "incomplete", "browsed", "not attempted")),
    (rf"cmi\.interactions\.{N}\.(id|time|type|weighting|student_response|result|latency)",
     ANY),
    (rf"cmi\.interactions\.{N}\.objectives\.{N}\.id", _string(255)),
    (rf"cmi\.interactions\.{N}\.correct_responses\.{N}\.pattern", ANY),
    (r"cmi\.student_preference\.(audio|language|speed|text)", _string(255)),
]
LMS_OWNED_12 = [
    r"cmi\.core\.(student_id|student_name|credit|entry|total_time|lesson_mode)",
    r"cmi\.(launch_data|comments_from_lms)",
    r"cmi\.student_data\..*",
]

WRITABLE_2004 = [
    (r"cmi\.location", _string(1000)),
    (r"cmi\.completion_status", _vocabulary("completed", "incomplete", "not attempted",
                                            "unknown")),
    (r"cmi\.success_status", _vocabulary("passed", "failed", "unknown")),
    (r"cmi\.exit", _vocabulary("timeout", "suspend", "logout", "normal", "")),
    (r"cmi\.session_time", _duration_2004),
    (r"cmi\.score\.scaled", _decimal(-1, 1)),
    (r"cmi\.score\.(raw|min|max)", _decimal()),
    (r"cmi\.progress_measure", _decimal(0, 1)),
    (r"cmi\.suspend_data", _string(64000)),
    (rf"cmi\.comments_from_learner\.{N}\.(comment|location|timestamp)", ANY),
    (rf"cmi\.objectives\.{N}\.(id|description)", _string(4000)),
    (rf"cmi\.objectives\.{N}\.score\.scaled", _decimal(-1, 1)),
    (rf"cmi\.objectives\.{N}\.score\.(raw|min|max)", _decimal()),
    (rf"cmi\.objectives\.{N}\.success_status", _vocabulary("passed", "failed", "unknown")),
    (rf"cmi\.objectives\.{N}\.completion_status", _vocabulary(
        "completed", "incomplete", "not attempted", "unknown")),
    (rf"cmi\.objectives\.{N}\.progress_measure", _decimal(0, 1)),
    (rf"cmi\.interactions\.{N}\.(id|type|timestamp|weighting|learner_response|result|"
     r"latency|description)", ANY),
    (rf"cmi\.interactions\.{N}\.objectives\.{N}\.id", _string(4000)),
    (rf"cmi\.interactions\.{N}\.correct_responses\.{N}\.pattern", ANY),
    (r"cmi\.learner_preference\.(audio_level|language|delivery_speed|audio_captioning)",
     _string(255)),
]
LMS_OWNED_2004 = [
    r"cmi\.(learner_id|learner_name|credit|entry|mode|total_time|launch_data|"
    r"completion_threshold|scaled_passing_score|max_time_allowed|time_limit_action)",
    r"cmi\.comments_from_lms\..*",
    r"adl\..*",  # navigation requests and shared data: sequencing is not run on the server
]


def _compile(rules):
    return [(re.compile(f"^{pattern}$"), check) for pattern, check in rules]


RULES = {
    SCORM_12: (_compile(WRITABLE_12), [re.compile(f"^{p}$") for p in LMS_OWNED_12]),
    SCORM_2004: (_compile(WRITABLE_2004), [re.compile(f"^{p}$") for p in LMS_OWNED_2004]),
}
INDEX = re.compile(r"\.(\d+)(?=\.)")
META = re.compile(r"\._(children|count|version)$")

# Write-only elements: kept for the record of this session, not given back on resume.
WRITE_ONLY = {
    SCORM_12: re.compile(r"^cmi\.core\.(exit|session_time)$|^cmi\.interactions\."),
    SCORM_2004: re.compile(r"^cmi\.(exit|session_time)$"),
}


def clean_commit(version, elements):
    """Validate a flattened commit. Returns {element: value} of the elements a SCO may
    write; raises CMIError for an unknown element or an invalid value."""
    if not isinstance(elements, dict):
        raise CMIError("The runtime data must be an object of element: value pairs.")
    if len(elements) > MAX_ELEMENTS:
        raise CMIError(f"A commit may hold at most {MAX_ELEMENTS} elements.")
    writable, lms_owned = RULES[version]
    clean = {}
    for element, value in elements.items():
        if not isinstance(element, str) or len(element) > 255:
            raise CMIError("An element name is not valid.")
        if META.search(element) or any(p.match(element) for p in lms_owned):
            continue
        if value == {} or value == []:
            continue  # an empty list of objectives or interactions, as the runtime sends it
        if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
            raise CMIError(f"{element} must be a string or a number.")
        value = str(value)
        if any(int(i) >= MAX_INDEX for i in INDEX.findall(element)):
            raise CMIError(f"{element}: at most {MAX_INDEX} entries are kept.")
        for pattern, check in writable:
            if pattern.match(element):
                try:
                    clean[element] = check(value)
                except CMIError as error:
                    raise CMIError(f"{element} {error}.") from None
                break
        else:
            raise CMIError(f"{element} is not a SCORM {version} element a SCO may set.")
    return clean


def resume_data(version, stored):
    """The stored elements the runtime is given back (write-only ones left out)."""
    write_only = WRITE_ONLY[version]
    return {k: v for k, v in stored.items() if not write_only.search(k)}


def _number(value):
    if value in (None, ""):
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def summarise(version, cmi, mastery_score=None):
    """The values the server tracks, from the SCO's stored elements: location, suspend
    data, statuses and score. `mastery_score` (0-100, from the manifest) decides success
    when the SCO reports a score, as SCORM 1.2's masteryscore and 2004's
    minNormalizedMeasure (scaled_passing_score) say the LMS should."""
    mastery = _number(mastery_score)
    if version == SCORM_12:
        status = cmi.get("cmi.core.lesson_status", "")
        completion, success = {
            "passed": ("completed", "passed"),
            "completed": ("completed", "unknown"),
            "failed": ("completed", "failed"),
            "incomplete": ("incomplete", "unknown"),
            "browsed": ("incomplete", "unknown"),
        }.get(status, ("not attempted", "unknown"))
        raw = _number(cmi.get("cmi.core.score.raw"))
        if mastery is not None and raw is not None and completion == "completed":
            success = "passed" if raw >= mastery else "failed"
        return {
            "location": cmi.get("cmi.core.lesson_location", ""),
            "suspend_data": cmi.get("cmi.suspend_data", ""),
            "lesson_status": status,
            "completion_status": completion, "success_status": success,
            "score_raw": raw,
            "score_min": _number(cmi.get("cmi.core.score.min")),
            "score_max": _number(cmi.get("cmi.core.score.max")),
            "score_scaled": None,
        }
    completion = cmi.get("cmi.completion_status") or "not attempted"
    success = cmi.get("cmi.success_status") or "unknown"
    scaled = _number(cmi.get("cmi.score.scaled"))
    if mastery is not None and scaled is not None:
        success = "passed" if scaled * 100 >= mastery else "failed"
    return {
        "location": cmi.get("cmi.location", ""),
        "suspend_data": cmi.get("cmi.suspend_data", ""),
        "lesson_status": "",
        "completion_status": completion, "success_status": success,
        "score_raw": _number(cmi.get("cmi.score.raw")),
        "score_min": _number(cmi.get("cmi.score.min")),
        "score_max": _number(cmi.get("cmi.score.max")),
        "score_scaled": scaled,
    }
