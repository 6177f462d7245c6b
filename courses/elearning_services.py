"""Rules about e-learning (SCORM) packages: importing a package's files, who may open them,
what the module page launches, and committing a learner's runtime data, which completes
the module through the course's own completion rule (courses.services.complete_module).

Kept apart from courses/services.py so that the e-learning rules read as one story; the
completion rule itself is not repeated here."""

import re
import uuid
from decimal import Decimal
from urllib.parse import quote, unquote

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone

from cms import roles
from cms.locking import lock
from courses import cmi, scorm
from courses.models import ELearningAttempt, Enrolment, ModulePage

MAX_SESSIONS = 1000  # sessions remembered per attempt (each only a key, a number, a time)
SESSION_KEY = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
EARLIER = "~earlier"  # the folded time of sessions too old to remember one by one
ACCESS_CACHE_SECONDS = 60


class ELearningError(Exception):
    """A rule refused the action; the message is written for the learner."""


# --- importing ---------------------------------------------------------------------------

def store_package(package, archive, members, manifest, by=None):
    """Extract a checked package (courses.scorm.read_package) into default storage under a
    fresh folder and record what its manifest says. Replacing a package's zip keeps its
    address and attempts; the old files are deleted once the new ones are saved."""
    old_prefix = package.storage_prefix
    prefix = f"elearning/{uuid.uuid4().hex}"
    limit = scorm.Limits.from_settings().max_total_bytes
    written = []
    total = 0
    try:
        for info, path in members:
            data = scorm.read_member(archive, info, limit=max(limit - total, 0))
            total += len(data)
            written.append(default_storage.save(f"{prefix}/{path}", ContentFile(data)))
    except Exception:
        _delete_files(written)
        raise
    package.storage_prefix = prefix
    package.version = manifest.version
    package.edition = manifest.edition
    package.launch_path = manifest.launch_path
    package.items = manifest.as_json()
    package.mastery_score = manifest.mastery_score
    package.file_count = len(written)
    package.total_bytes = total
    package.uploaded_at = timezone.now()
    package.uploaded_by = by if by is not None and by.is_authenticated else None
    if not package.title:
        package.title = manifest.title[:255] or "E-learning package"
    package.save()
    if old_prefix and old_prefix != prefix:
        transaction.on_commit(lambda: delete_package_files(old_prefix))
    return package


def _delete_files(paths):
    for name in paths:
        try:
            default_storage.delete(name)
        except OSError:
            pass


def delete_package_files(prefix):
    """Remove a package's folder from storage (every storage backend can list and delete)."""
    if not prefix.startswith("elearning/"):
        return
    try:
        directories, files = default_storage.listdir(prefix)
    except (FileNotFoundError, NotADirectoryError):
        return
    _delete_files(f"{prefix}/{name}" for name in files)
    for directory in directories:
        delete_package_files(f"{prefix}/{directory}")


def delete_package(package):
    """Delete a package and, after the transaction, its files. Attempts at it stay (with
    the package's title) since they are records of learning."""
    prefix = package.storage_prefix
    package.delete()
    if prefix:
        transaction.on_commit(lambda: delete_package_files(prefix))


# --- who may open a package --------------------------------------------------------------

def modules_using(package):
    """The live modules whose body chooses this package (from Wagtail's reference index,
    which every page save keeps up to date)."""
    from wagtail.models import ReferenceIndex

    page_ids = ReferenceIndex.get_references_to(package).filter(
        base_content_type__model="page").values_list("object_id", flat=True)
    ids = [int(i) for i in page_ids if str(i).isdigit()]
    return ModulePage.objects.live().filter(pk__in=ids)


def can_open_package(user, package):
    """Enrolled learners (active or completed) of a course with a live module that uses the
    package may open its files; so may staff who can reach the admin (previews). The answer
    is kept for a minute: a package page loads many files."""
    if not user.is_authenticated:
        return False
    if roles.can_access_admin(user):
        return True
    key = f"elearning-access:{user.pk}:{package.pk}"
    allowed = cache.get(key)
    if allowed is None:
        course_paths = {m.path[:-4] for m in modules_using(package).only("path")}
        allowed = bool(course_paths) and Enrolment.objects.filter(
            user=user, course__path__in=course_paths,
            status__in=[Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED],
        ).exists()
        cache.set(key, allowed, ACCESS_CACHE_SECONDS)
    return allowed


# --- the module page ---------------------------------------------------------------------

def elearning_blocks(module):
    """The e-learning blocks in a module, as (block id, value), packages that still exist."""
    return [(b.id, b.value) for b in module.body
            if b.block_type == "elearning" and b.value.get("package") is not None]


def _satisfied(attempt, complete_when):
    if attempt is None:
        return False
    if complete_when == "passed":
        return attempt.success_status == ELearningAttempt.Success.PASSED
    return (attempt.completion_status == ELearningAttempt.Completion.COMPLETED
            or attempt.success_status == ELearningAttempt.Success.PASSED)


def _attempts_by_item(enrolment, block_id, package):
    if enrolment is None or package is None:
        return {}
    return {a.sco_identifier: a for a in ELearningAttempt.objects.filter(
        enrolment=enrolment, block_id=block_id, package=package)}


def block_done(enrolment, block_id, value, attempts=None):
    """An e-learning block is done when every tracked item (SCO) of its package has
    reported what the block asks: completed (or passed), or passed."""
    package = value["package"]
    if attempts is None:
        attempts = _attempts_by_item(enrolment, block_id, package)
    return all(_satisfied(attempts.get(item["identifier"]), value["complete_when"])
               for item in package.tracked_items())


def outstanding_packages(enrolment, module):
    """The titles of the module's packages not yet done in this enrolment (the part of the
    module-completion rule that e-learning adds)."""
    return [value["package"].title for block_id, value in elearning_blocks(module)
            if not block_done(enrolment, block_id, value)]


def _learner_name(user):
    name = (user.full_name or user.email).strip()
    first, _, last = name.rpartition(" ")
    return f"{last}, {first}" if first else name


def initial_cmi(user, package, item, attempt):
    """What the runtime starts with: the learner, the mastery score, the total time so far,
    whether this is a resume, and every element the SCO stored last time."""
    version = package.version
    stored = cmi.resume_data(version, attempt.cmi) if attempt is not None else {}
    exit_value = attempt.exit if attempt is not None else ""
    mastery = item.get("mastery_score")
    total = cmi.time_of(version, attempt.total_seconds if attempt is not None else 0)
    if version == cmi.SCORM_12:
        entry = "resume" if exit_value == "suspend" else ("" if attempt else "ab-initio")
        data = {"cmi.core.student_id": str(user.pk), "cmi.core.student_name":
                _learner_name(user)[:255], "cmi.core.entry": entry,
                "cmi.core.credit": "credit", "cmi.core.lesson_mode": "normal",
                "cmi.core.total_time": total}
        if mastery is not None:
            data["cmi.student_data.mastery_score"] = mastery
        if "cmi.core.lesson_status" not in stored:
            data["cmi.core.lesson_status"] = "not attempted"
    else:
        entry = "resume" if exit_value == "suspend" else ("" if attempt else "ab-initio")
        data = {"cmi.learner_id": str(user.pk), "cmi.learner_name": _learner_name(user)[:255],
                "cmi.entry": entry, "cmi.credit": "credit", "cmi.mode": "normal",
                "cmi.total_time": total}
        if mastery is not None:
            data["cmi.scaled_passing_score"] = str(float(mastery) / 100)
    data.update(stored)
    return data


def launch_url(package, href):
    """The address of a file of the package, from an href in its manifest."""
    path, mark, query = href.partition("?")
    return f"/elearning/{package.key}/{quote(unquote(path))}{mark}{query}"


def launch_for(user, module, block_id, value, enrolment, requested_item=None, preview=False):
    """What the module page shows for an e-learning block: the package's items with the
    learner's state of each, the item to launch, and the runtime's settings."""
    package = value["package"]
    attempts = _attempts_by_item(enrolment, block_id, package)
    items = []
    for item in package.items:
        attempt = attempts.get(item["identifier"])
        items.append({**item, "attempt": attempt,
                      "done": _satisfied(attempt, value["complete_when"])})
    tracked = {i["identifier"] for i in package.tracked_items()}
    chosen = next((i for i in items if i["identifier"] == requested_item), None)
    if chosen is None:
        chosen = next((i for i in items if i["identifier"] in tracked and not i["done"]),
                      items[0] if items else None)
    can_launch = enrolment is not None or preview
    runtime = None
    if chosen is not None and can_launch:
        runtime = {
            "version": package.version,
            "item": chosen["identifier"],
            "tracked": enrolment is not None,
            "launch_url": launch_url(package, chosen["href"]),
            "cmi": initial_cmi(user, package, chosen, chosen["attempt"]),
        }
    return {
        "block_id": block_id, "package": package, "complete_when": value["complete_when"],
        "items": items, "chosen": chosen, "runtime": runtime, "can_launch": can_launch,
        "tracked": bool(tracked),
        "done": bool(tracked) and enrolment is not None and block_done(
            enrolment, block_id, value, attempts),
        "multi": len(items) > 1,
    }


# --- committing runtime data -------------------------------------------------------------

def _block(module, block_id):
    for candidate_id, value in elearning_blocks(module):
        if candidate_id == block_id:
            return value
    raise ELearningError("That e-learning package is not in this module.")


def _attempt_for(enrolment, module, block_id, package, item):
    lookup = {"enrolment": enrolment, "block_id": block_id, "package": package,
              "sco_identifier": item["identifier"]}
    try:
        with transaction.atomic():
            attempt, _ = ELearningAttempt.objects.get_or_create(**lookup, defaults={
                "module": module, "module_title": module.title,
                "package_title": package.title, "version": package.version})
    except IntegrityError:  # the first commits of two tabs at once
        pass
    return ELearningAttempt.objects.select_for_update().get(**lookup)


def _fold_oldest_session(attempt):
    """Forget the oldest session's key (a commit from it is long over), keeping its time."""
    oldest = next(key for key in attempt.sessions if key != EARLIER)
    earlier = attempt.sessions.pop(EARLIER, {"seq": 0, "seconds": "0"})
    folded = Decimal(earlier["seconds"]) + Decimal(attempt.sessions.pop(oldest)["seconds"])
    attempt.sessions = {EARLIER: {"seq": 0, "seconds": str(folded)}, **attempt.sessions}


def _enrolment_for_commits(user, module):
    """The enrolment a commit belongs to: the active one, else the latest completed one (a
    package's last commits, such as the one LMSFinish sends, may arrive just after an
    earlier commit completed the course; they still count for the record)."""
    from courses import services

    course = module.get_parent()
    enrolment = services.active_enrolment(user, course) or Enrolment.objects.filter(
        user=user, course_id=course.pk, status=Enrolment.Status.COMPLETED
    ).order_by("-completed_at", "-pk").first()
    if enrolment is None:
        raise ELearningError("Enrol on the course first.")
    return enrolment


def commit_runtime(user, module, block_id, item_id, session, seq, elements):
    """Keep a learner's runtime data for one item of a package. Idempotent: each launch
    has a session key and numbers its commits, and a commit whose number is not above the
    last one applied for that session changes nothing (a retry, or a late duplicate). Total
    time is the sum of each session's latest session time. When the block is then done,
    the module is completed through the course's completion rule, which locks the
    enrolment and completes it once. Returns (attempt, module completed now)."""
    from courses import services

    value = _block(module, block_id)
    package = value["package"]
    item = package.item(item_id)
    if item is None:
        raise ELearningError("That item is not in this package.")
    if not isinstance(session, str) or not SESSION_KEY.match(session):
        raise ELearningError("The commit has no session key.")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
        raise ELearningError("The commit has no sequence number.")
    clean = cmi.clean_commit(package.version, elements)  # raises cmi.CMIError
    enrolment = _enrolment_for_commits(user, module)
    completed_now = False
    with transaction.atomic():
        # The enrolment's lock (the one completion takes) first: two items of a package
        # committed at once then see each other's result, so the second completes the
        # module rather than both deciding that the other is unfinished.
        enrolment = lock(enrolment)
        attempt = _attempt_for(enrolment, module, block_id, package, item)
        seen = attempt.sessions.get(session)
        if seen is not None and seq <= seen["seq"]:
            return attempt, False
        while seen is None and len(attempt.sessions) >= MAX_SESSIONS:
            _fold_oldest_session(attempt)
        version = package.version
        session_key = "cmi.core.session_time" if version == cmi.SCORM_12 else "cmi.session_time"
        exit_key = "cmi.core.exit" if version == cmi.SCORM_12 else "cmi.exit"
        session_seconds = cmi.seconds_of(version, clean.get(session_key, ""))
        if seen is not None and not clean.get(session_key):
            session_seconds = Decimal(seen["seconds"])
        attempt.sessions[session] = {"seq": seq, "seconds": str(session_seconds)}
        attempt.cmi = {**attempt.cmi, **clean}
        for key, summary_value in cmi.summarise(version, attempt.cmi,
                                                item.get("mastery_score")).items():
            setattr(attempt, key, summary_value)
        if exit_key in clean:
            attempt.exit = clean[exit_key]
        attempt.session_seconds = session_seconds
        attempt.total_seconds = sum(
            (Decimal(s["seconds"]) for s in attempt.sessions.values()),
            start=Decimal(0))
        attempt.updated_at = timezone.now()
        satisfied = _satisfied(attempt, value["complete_when"])
        if satisfied and attempt.satisfied_at is None:
            attempt.satisfied_at = attempt.updated_at
        attempt.save()
        if (satisfied and enrolment.status == Enrolment.Status.ACTIVE
                and block_done(enrolment, block_id, value)):
            already = enrolment.module_completions.filter(module=module).exists()
            try:
                services.complete_module(user, module)
            except services.LearningError:
                pass  # e.g. a knowledge check still to pass: passing it completes the module
            completed_now = not already and enrolment.module_completions.filter(
                module=module).exists()
    return attempt, completed_now


def add_launches(request, module, context):
    """Give each e-learning block of the module page's body its launch (see launch_for).
    One block runs at a time: the one asked for (?elearning=<block id>), else the first."""
    items = [item for item in context.get("body_items", [])
             if item["block"].block_type == "elearning"
             and item["block"].value.get("package") is not None]
    if not items:
        return
    requested = request.GET.get("elearning", "")
    active = next((i for i in items if i["block"].id == requested), items[0])
    # Staff see (and can run, untracked) a package in a preview or on the live page.
    preview = bool(getattr(request, "is_preview", False)) or roles.can_access_admin(
        request.user)
    enrolment = context.get("enrolment")
    for item in items:
        block = item["block"]
        launch = launch_for(request.user, module, block.id, block.value, enrolment,
                            requested_item=request.GET.get("item") if item is active else None,
                            preview=preview)
        if item is not active:
            launch["runtime"] = None
        item["elearning"] = launch
    context["elearning_unfinished"] = any(
        i["elearning"]["tracked"] and not i["elearning"]["done"] for i in items)
