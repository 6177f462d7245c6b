"""Rules about learning: enrolment, module completion, knowledge checks, completion,
certificates and assignments (a completed course joins the CPD record through cpd.services). Views, admin, commands, other apps and tests
all call these functions; each keeps one rule and says which in its docstring."""

import calendar
import datetime
import random
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from cms import audit, limits
from cms.locking import lock
from cms.notify import notify
from cms.page_cache import shared_fragment
from courses.models import (
    Assignment,
    Certificate,
    CoursePage,
    Enrolment,
    KnowledgeCheckAttempt,
    ModuleCompletion,
    ModulePage,
    Reflection,
    TrainingReminder,
)
from cpd.models import CPDEntry
from cpd.services import record_cpd_activity


class LearningError(Exception):
    """A rule refused the action; the message is written for the learner."""


# --- reading state -----------------------------------------------------------------------

def _stable_id(list_child, index):
    """A list item's stored id. Items saved without one (old-format data) would get a fresh
    random id on every load, so they fall back to their position instead."""
    return str(getattr(list_child, "original_id", None) or index)


def _questions(check_value):
    """The questions of a knowledge check as plain dicts keyed by their stable ids."""
    questions = []
    for q_index, q_child in enumerate(check_value["questions"].bound_blocks):
        q = q_child.value
        answers = []
        for a_index, a_child in enumerate(q["answers"].bound_blocks):
            a = a_child.value
            answers.append({
                "id": _stable_id(a_child, a_index), "text": a["text"], "correct": bool(a["correct"]),
                "explanation": a["explanation"] or "",
            })
        questions.append({
            "id": _stable_id(q_child, q_index), "number": q_index + 1, "text": q["question"],
            "multiple": bool(q["multiple"]), "explanation": q["explanation"] or "",
            "answers": answers,
        })
    return questions


questions_of = _questions


def score_knowledge_check(check_value, answers):
    """Score answers ({question id: [answer ids]}) on the server. A question is right when
    the chosen answers are exactly its correct answers. Returns (score %, results)."""
    questions = _questions(check_value)
    results = []
    right = 0
    for q in questions:
        chosen = set(answers.get(q["id"], []))
        correct_ids = {a["id"] for a in q["answers"] if a["correct"]}
        is_right = chosen == correct_ids
        right += is_right
        feedback = [a["explanation"] for a in q["answers"]
                    if a["id"] in chosen and not a["correct"] and a["explanation"]]
        if not is_right and q["explanation"]:
            feedback.append(q["explanation"])
        results.append({**q, "chosen": chosen, "is_right": is_right, "feedback": feedback})
    score = round(100 * right / len(questions)) if questions else 100
    return score, results


def active_enrolment(user, course):
    if not user.is_authenticated:
        return None
    return Enrolment.objects.filter(user=user, course=course,
                                    status=Enrolment.Status.ACTIVE).first()


def missing_prerequisites(user, course, prerequisites=None):
    """The prerequisite courses the user has not completed (`prerequisites`: the course's,
    when the caller has them already)."""
    if prerequisites is None:
        prerequisites = list(course.prerequisites.all())
    if not prerequisites:
        return []
    done = set(Enrolment.objects.filter(
        user=user, course__in=prerequisites, status=Enrolment.Status.COMPLETED
    ).values_list("course_id", flat=True))
    return [p for p in prerequisites if p.pk not in done]


def course_states_for(user, course_ids):
    """The learner's own state of each course on a catalogue page: {course id: state}."""
    if not user.is_authenticated or not course_ids:
        return {}
    states = {}
    for enrolment in Enrolment.objects.filter(
        user=user, course_id__in=course_ids
    ).exclude(status=Enrolment.Status.WITHDRAWN).order_by("enrolled_at"):
        if enrolment.status == Enrolment.Status.ACTIVE:
            states[enrolment.course_id] = ("In progress", "yellow")
        else:
            states.setdefault(enrolment.course_id, ("Completed", "green"))
            if states[enrolment.course_id][0] != "In progress":
                states[enrolment.course_id] = ("Completed", "green")
    return states


def _percent(done, total):
    return round(100 * done / total) if total else 0


def next_module_to_take(modules, done_ids):
    """Where "Continue" goes: the first required module not done, else the first module
    not done, else the first module."""
    for candidates in ([m for m in modules if m.required], modules):
        for module in candidates:
            if module.pk not in done_ids:
                return module
    return modules[0] if modules else None


def courses_to_take_next(user, course, limit=3):
    """After finishing a course: the courses it opens (those that need it first), then
    others in its programme, leaving out any the person has finished or is taking."""
    taken = set(Enrolment.objects.filter(user=user).exclude(
        status=Enrolment.Status.WITHDRAWN).values_list("course_id", flat=True))
    live = CoursePage.objects.live().exclude(pk__in=taken | {course.pk})
    opened = list(live.filter(prerequisites=course).order_by("title")[:limit])
    others = []
    if course.programme_id and len(opened) < limit:
        others = list(live.filter(programme_id=course.programme_id)
                      .exclude(pk__in=[c.pk for c in opened])
                      .order_by("title")[:limit - len(opened)])
    if len(opened) + len(others) < limit:
        others += list(live.exclude(pk__in=[c.pk for c in opened + others])
                       .order_by("title")[:limit - len(opened) - len(others)])
    return opened + others


def course_progress_for(user, course, modules, prerequisites=None):
    """What the course page shows a learner about themselves."""
    required = [m for m in modules if m.required]
    state = {"enrolment": None, "completed_ids": set(), "percent": 0, "certificate": None,
             "can_enrol": False, "refusal": "", "assignment": None, "latest_completed": None,
             "required_count": len(required), "done_count": 0, "overdue": False,
             "next_module": None}
    if not course.enrolment_open:
        state["refusal"] = "Enrolment on this course is closed."
    if course.pk is None:
        # A new course previewed in the admin before its first save: nobody can enrol yet.
        state["refusal"] = "Learners can enrol once this course is published."
        return state
    if not user.is_authenticated:
        return state
    enrolments = list(Enrolment.objects.filter(user=user, course=course)
                      .exclude(status=Enrolment.Status.WITHDRAWN)
                      .select_related("certificate").order_by("-enrolled_at"))
    active = next((e for e in enrolments if e.status == Enrolment.Status.ACTIVE), None)
    completed = next((e for e in enrolments if e.status == Enrolment.Status.COMPLETED), None)
    state["latest_completed"] = completed
    if completed is not None:
        state["certificate"] = getattr(completed, "certificate", None)
    assignment = Assignment.objects.filter(user=user, course=course).first()
    if assignment is not None and not completed_assignment_ids([assignment]):
        state["assignment"] = assignment
        state["overdue"] = assignment.due_on < timezone.localdate()
    if active is not None:
        state["enrolment"] = active
        done = set(ModuleCompletion.objects.filter(enrolment=active)
                   .values_list("module_id", flat=True))
        state["completed_ids"] = done
        state["done_count"] = len([m for m in required if m.pk in done])
        state["percent"] = _percent(state["done_count"], len(required))
        state["next_module"] = next_module_to_take(modules, done)
    elif course.enrolment_open:
        missing = missing_prerequisites(user, course, prerequisites)
        if missing:
            names = ", ".join(p.title for p in missing)
            state["refusal"] = f"Complete {names} before you enrol on this course."
        else:
            state["can_enrol"] = True
    return state


def module_context_for(user, module, posted=None):
    """Everything a module page shows: where it sits in its course, the learner's
    progress, their latest attempt at each knowledge check and their own reflections."""
    course = shared_fragment(
        f"course-of-module:{module.pk}",
        lambda: CoursePage.objects.filter(pk=module.get_parent().pk).first(),
    ) if module.depth > 1 else None
    modules = course.get_module_list() if course else []
    ids = [m.pk for m in modules]
    index = ids.index(module.pk) if module.pk in ids else -1
    previous_module = modules[index - 1] if index > 0 else None
    next_module = modules[index + 1] if 0 <= index < len(modules) - 1 else None
    # A new module previewed in the admin before its first save has nothing recorded
    # against it, and no forms can post to it yet: show it as a visitor would see it.
    saved = module.pk is not None
    enrolment = active_enrolment(user, course) if course and saved else None
    done = set()
    latest = {}
    attempts = {}
    reflections = {}
    if enrolment is not None:
        done = set(ModuleCompletion.objects.filter(enrolment=enrolment)
                   .values_list("module_id", flat=True))
        for attempt in KnowledgeCheckAttempt.objects.filter(enrolment=enrolment, module=module):
            latest.setdefault(attempt.check_id, attempt)
            attempts[attempt.check_id] = attempts.get(attempt.check_id, 0) + 1
    if user.is_authenticated and saved:
        reflections = {r.prompt_id: r.text for r in Reflection.objects.filter(
            user=user, module=module)}
    checks = []
    posted = posted or {}
    for check_id, value in module.knowledge_checks():
        attempt = latest.get(check_id)
        results = None
        if attempt is not None:
            _, results = score_knowledge_check(value, attempt.answers)
        # The answers shown ticked: those just posted (when they had errors), else those of
        # the last attempt, so a learner who failed changes only what was wrong.
        if check_id in posted:
            chosen = posted[check_id]["answers"]
        elif attempt is not None and not attempt.passed:
            chosen = attempt.answers
        else:
            chosen = {}
        seed = f"{enrolment.pk if enrolment else 0}:{check_id}:{attempts.get(check_id, 0)}"
        questions = shuffled_answers(_questions(value), seed)
        by_id = {r["id"]: r for r in results or []}
        errors = posted.get(check_id, {}).get("errors", {})
        for q in questions:
            q["chosen"] = set(chosen.get(q["id"], []))
            q["error"] = errors.get(q["id"], "")
            q["result"] = by_id.get(q["id"])
        checks.append({"id": check_id, "value": value, "questions": questions,
                       "attempt": attempt, "results": results, "errors": errors})
    required = [m for m in modules if m.required]
    done_required = len([m for m in required if m.pk in done])
    checks_by_id = {c["id"]: c for c in checks}
    body_items = [{"block": b, "check": checks_by_id.get(b.id),
                   "reflection": reflections.get(b.id, "")} for b in module.body]
    return {
        "body_items": body_items,
        "course": course, "modules": modules, "previous_module": previous_module,
        "next_module": next_module, "enrolment": enrolment,
        "module_done": module.pk in done, "completed_ids": done,
        "percent": _percent(done_required, len(required)),
        "checks": checks,
        "reflections": reflections, "position": index + 1,
    }


# --- changing state ----------------------------------------------------------------------

def _history(enrolment, action, from_status, by=None, note=""):
    """One entry in the enrolment's audit trail (cms.audit)."""
    audit.record(enrolment, action, actor=by, from_status=from_status,
                 to_status=enrolment.status, reason=note)


def enrol(user, course, by=None):
    """Enrol a learner once: refused while enrolment is closed or a prerequisite is
    incomplete; enrolling again while enrolled returns the enrolment already there;
    enrolling after completing starts a refresher that will renew the certificate."""
    with transaction.atomic():
        existing = active_enrolment(user, course)
        if existing is not None:
            return existing
        if not course.enrolment_open:
            raise LearningError("Enrolment on this course is closed.")
        missing = missing_prerequisites(user, course)
        if missing:
            names = ", ".join(p.title for p in missing)
            raise LearningError(f"Complete {names} before you enrol on this course.")
        try:
            with transaction.atomic():
                enrolment = Enrolment.objects.create(user=user, course=course,
                                                     course_title=course.title)
        except IntegrityError:  # a double submit got there first
            return active_enrolment(user, course)
        _history(enrolment, "courses.enrolment.created", "", by=by or user)
        return enrolment


def unenrol(user, course):
    """Withdraw from a course in progress. Completed work stays on record."""
    with transaction.atomic():
        enrolment = active_enrolment(user, course)
        if enrolment is None:
            raise LearningError("You are not enrolled on this course.")
        enrolment = lock(enrolment)
        if enrolment.status != Enrolment.Status.ACTIVE:
            raise LearningError("You are not enrolled on this course.")
        enrolment.status = Enrolment.Status.WITHDRAWN
        enrolment.withdrawn_at = timezone.now()
        enrolment.save(update_fields=["status", "withdrawn_at"])
        _history(enrolment, "courses.enrolment.withdrawn", Enrolment.Status.ACTIVE, by=user)
        return enrolment


def _course_of(module):
    return CoursePage.objects.get(pk=module.get_parent().pk)


def _enrolment_for(user, module):
    course = _course_of(module)
    enrolment = active_enrolment(user, course)
    if enrolment is None:
        raise LearningError("Enrol on the course first.")
    return enrolment


def _passed_checks(enrolment, module):
    return set(KnowledgeCheckAttempt.objects.filter(
        enrolment=enrolment, module=module, passed=True).values_list("check_id", flat=True))


def _unfinished_elearning(enrolment, module):
    """The module's e-learning packages not yet completed (or passed) in this enrolment."""
    from courses.elearning_services import outstanding_packages

    return outstanding_packages(enrolment, module)


def _mark_module_done(enrolment, module, by_attendance=False):
    try:
        with transaction.atomic():
            ModuleCompletion.objects.get_or_create(
                enrolment=enrolment, module=module,
                defaults={"module_title": module.title, "by_attendance": by_attendance})
    except IntegrityError:
        pass


def complete_module(user, module, by=None, notify=True):
    """Mark a module complete for the learner. Refused until every knowledge check in it
    is passed. Then runs the completion rule; returns the certificate if one was issued.
    `notify=False` (the demo's back-dated history) issues the certificate without email."""
    enrolment = _enrolment_for(user, module)
    with transaction.atomic():
        enrolment = lock(enrolment)
        if enrolment.status != Enrolment.Status.ACTIVE:
            return getattr(enrolment, "certificate", None)
        passed = _passed_checks(enrolment, module)
        if any(check_id not in passed for check_id, _ in module.knowledge_checks()):
            raise LearningError("Pass the knowledge check in this module before you mark "
                                "it as complete.")
        unfinished = _unfinished_elearning(enrolment, module)
        if unfinished:
            raise LearningError(f"Finish {unfinished[0]} in this module to complete it.")
        _mark_module_done(enrolment, module)
        return _complete_if_done(enrolment, by=by or user, notify=notify)


def knowledge_check_errors(questions, answers):
    """What stops an attempt being scored, per question id: a question left unanswered,
    or more than one answer to a single-choice question."""
    errors = {}
    for q in questions:
        valid = {a["id"] for a in q["answers"]}
        chosen = [a for a in answers.get(q["id"], []) if a in valid]
        if not chosen:
            errors[q["id"]] = f"Answer question {q['number']}: choose " + (
                "at least one answer." if q["multiple"] else "an answer.")
        elif not q["multiple"] and len(chosen) > 1:
            errors[q["id"]] = f"Choose one answer for question {q['number']}."
    return errors


def shuffled_answers(questions, seed):
    """Each question's answers in an order of their own for one attempt: the same on every
    load of the page until the learner submits, different for the next attempt."""
    rng = random.Random(seed)
    return [{**q, "answers": rng.sample(q["answers"], len(q["answers"]))} for q in questions]


def submit_knowledge_check(user, module, check_id, answers, notify=True):
    """Score an attempt on the server and store it, every attempt kept. Passing the last
    check of a module completes the module (and perhaps the course)."""
    checks = dict(module.knowledge_checks())
    if check_id not in checks:
        raise LearningError("That knowledge check is not in this module.")
    value = checks[check_id]
    questions = _questions(value)
    errors = knowledge_check_errors(questions, answers)
    if errors:
        raise LearningError(next(iter(errors.values())))
    clean = {q["id"]: sorted({a for a in answers.get(q["id"], [])
                              if a in {x["id"] for x in q["answers"]}}) for q in questions}
    score, _ = score_knowledge_check(value, clean)
    enrolment = _enrolment_for(user, module)
    with transaction.atomic():
        enrolment = lock(enrolment)
        if enrolment.status != Enrolment.Status.ACTIVE:
            raise LearningError("You have already completed this course.")
        pass_mark = int(value["pass_mark"] or 0)
        attempt = KnowledgeCheckAttempt.objects.create(
            enrolment=enrolment, module=module, module_title=module.title, check_id=check_id,
            answers=clean, score=score, pass_mark=pass_mark, passed=score >= pass_mark,
        )
        if attempt.passed:
            passed = _passed_checks(enrolment, module)
            if all(cid in passed for cid in checks) and not _unfinished_elearning(
                    enrolment, module):
                _mark_module_done(enrolment, module)
                _complete_if_done(enrolment, by=user, notify=notify)
        return attempt


def save_reflection(user, module, prompt_id, text):
    """Keep the learner's private answer to a prompt (one per prompt, edited in place)."""
    prompts = dict(module.reflection_prompts())
    if prompt_id not in prompts:
        raise LearningError("That reflection prompt is not in this module.")
    text = text.strip()
    if not text:
        raise LearningError("Write your reflection before saving it.")
    reflection, _ = Reflection.objects.update_or_create(
        user=user, module=module, prompt_id=prompt_id,
        defaults={"text": text[:20000], "prompt": prompts[prompt_id]["prompt"],
                  "module_title": module.title},
    )
    return reflection


def own_reflections_on(user, course):
    """The learner's own answers to the course's reflection prompts, module by module: the
    start of "What I learnt" in the CPD entry the course adds (never the course's own
    description, which says nothing of what this person learnt). Blank if they wrote none."""
    reflections = (Reflection.objects.filter(user=user, module__in=course.get_modules())
                   .order_by("module__path", "pk").only("module_title", "text"))
    return "\n\n".join(f"{r.module_title}: {r.text}" for r in reflections)


def requirements_met(enrolment):
    """The completion rule: every live required module of the course is complete and
    every knowledge check in those modules has a passed attempt in this enrolment."""
    course = enrolment.course
    if course is None:
        return False
    required = list(course.get_modules().filter(required=True))
    done = set(ModuleCompletion.objects.filter(enrolment=enrolment)
               .values_list("module_id", flat=True))
    passed = set(KnowledgeCheckAttempt.objects.filter(enrolment=enrolment, passed=True)
                 .values_list("module_id", "check_id"))
    for module in required:
        if module.pk not in done:
            return False
        if any((module.pk, cid) not in passed for cid, _ in module.knowledge_checks()):
            return False
    return True


def add_months(date, months):
    month = date.month - 1 + months
    year = date.year + month // 12
    month = month % 12 + 1
    return datetime.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))


def _complete_if_done(enrolment, by=None, notify=True):
    """Called with the enrolment row locked: complete it exactly once and issue its
    certificate and CPD entry. Returns the certificate, or None if not yet done."""
    if enrolment.status != Enrolment.Status.ACTIVE:
        return getattr(enrolment, "certificate", None)
    if not requirements_met(enrolment):
        return None
    now = timezone.now()
    today = timezone.localdate(now)
    course = enrolment.course
    enrolment.status = Enrolment.Status.COMPLETED
    enrolment.completed_at = now
    enrolment.save(update_fields=["status", "completed_at"])
    _history(enrolment, "courses.enrolment.completed", Enrolment.Status.ACTIVE, by=by)
    certificate = Certificate.objects.create(
        enrolment=enrolment, user=enrolment.user, course=course,
        learner_name=enrolment.user.full_name or enrolment.user.email,
        course_title=course.title, cpd_hours=course.cpd_hours or Decimal(0),
        competencies=[[c.code, c.statement] for c in course.competencies_in_force(today)],
        issued_on=today,
        expires_on=add_months(today, course.validity_months) if course.validity_months
        else None,
    )
    # A renewal replaces the person's earlier certificates for the course: they now read
    # "Superseded", never "Expiring soon", and the check page points to the renewal.
    Certificate.objects.filter(
        user=enrolment.user, course=course, revoked_at__isnull=True,
        superseded_by__isnull=True,
    ).exclude(pk=certificate.pk).update(superseded_by=certificate)
    record_cpd_activity(
        enrolment.user, source_type="certificate", source_id=certificate.pk,
        kind=CPDEntry.Kind.COURSE, title=course.title, date=today, hours=course.cpd_hours,
        provider="Centre for Excellence in Restorative Practice and Leadership",
        what_learnt=own_reflections_on(enrolment.user, course),
    )
    from courses.tasks import email_certificate

    if notify:
        transaction.on_commit(lambda: email_certificate.enqueue(certificate.pk))
    return certificate


def complete_module_for_attendance(user, module_page, by=None):
    """Blended learning: attending a linked session completes its module. Enrols the
    person if needed (prerequisites are not asked again: they were at the event), marks the
    module complete and runs the completion rule. Returns the certificate if issued.

    The person's row is locked first, so two attendance marks at once (two sessions of one
    course) enrol them once; a unique-constraint clash is read as "already enrolled"."""
    module_page = module_page.specific
    course = _course_of(module_page)
    with transaction.atomic():
        lock(user)
        enrolment = active_enrolment(user, course)
        if enrolment is None:
            if Enrolment.objects.filter(user=user, course=course,
                                        status=Enrolment.Status.COMPLETED).exists():
                return None  # already completed; attendance changes nothing
            try:
                with transaction.atomic():
                    enrolment = Enrolment.objects.create(user=user, course=course,
                                                         course_title=course.title)
            except IntegrityError:
                enrolment = active_enrolment(user, course)
            else:
                _history(enrolment, "courses.enrolment.created", "", by=by,
                         note="Enrolled by attendance")
        enrolment = lock(enrolment)
        if enrolment.status != Enrolment.Status.ACTIVE:
            return getattr(enrolment, "certificate", None)
        _mark_module_done(enrolment, module_page, by_attendance=True)
        return _complete_if_done(enrolment, by=by)


def withdraw_module_for_attendance(user, module_page, by=None):
    """Attendance taken back (marked a no-show): the module completion that attending
    created goes, if the course is still in progress. A completion the learner earned
    themselves stays, and so does a course already completed (its certificate issued).
    Returns whether a completion was taken back."""
    course = _course_of(module_page.specific)
    with transaction.atomic():
        enrolment = active_enrolment(user, course)
        if enrolment is None:
            return False
        enrolment = lock(enrolment)
        if enrolment.status != Enrolment.Status.ACTIVE:
            return False
        deleted, _ = ModuleCompletion.objects.filter(
            enrolment=enrolment, module=module_page, by_attendance=True).delete()
        if deleted:
            _history(enrolment, "courses.module.completion_withdrawn", enrolment.status,
                     by=by, note=f"{module_page.title}: attendance taken back")
        return bool(deleted)


def on_attendance_marked(sender, user, module_id, attended, by=None, **kwargs):
    """Listens to cms.signals.attendance_marked (sent by events inside its transaction)."""
    if not module_id:
        return
    module = ModulePage.objects.filter(pk=module_id).first()
    if module is None:
        return
    if attended:
        complete_module_for_attendance(user, module, by=by)
    else:
        withdraw_module_for_attendance(user, module, by=by)


def revoke_certificate(certificate, by, reason):
    """Centre staff (those allowed to revoke) revoke a certificate with a reason; the
    verification page, the check page and the credential status list then say so."""
    if not by.has_perm("courses.revoke_certificate"):
        raise LearningError("Only Centre staff can revoke a certificate.")
    reason = (reason or "").strip()
    if not reason:
        raise LearningError("Give a reason for revoking the certificate.")
    with transaction.atomic():
        certificate = lock(certificate)
        if certificate.revoked_at:
            raise LearningError("This certificate is already revoked.")
        certificate.revoked_at = timezone.now()
        certificate.revoked_reason = reason[:300]
        certificate.revoked_by = by
        certificate.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
        # A revoked renewal replaces nothing: the certificate it superseded stands again.
        Certificate.objects.filter(superseded_by=certificate).update(superseded_by=None)
        return certificate


# --- assignments and reminders ------------------------------------------------------------

def assign_course(course, users, due_on, by):
    """A manager assigns a course to members of their team with a due date; each member is
    emailed. Assigning again moves the due date."""
    if due_on < timezone.localdate():
        raise LearningError("The due date must be today or in the future.")
    assignments = []
    with transaction.atomic():
        for user in users:
            assignment, created = Assignment.objects.update_or_create(
                user=user, course=course,
                defaults={"course_title": course.title, "due_on": due_on, "assigned_by": by},
            )
            if not created:
                assignment.assigned_at = timezone.now()
                assignment.last_reminded_at = None
                assignment.save(update_fields=["assigned_at", "last_reminded_at"])
            assignments.append(assignment)
            notify(user.email, "courses-assigned", {
                "user": user, "course": course, "assignment": assignment, "by": by,
                "course_url": course.full_url or "",
            })
    return assignments


def completed_assignment_ids(assignments):
    """Assignments done: the course completed on or after the day it was assigned."""
    assignments = list(assignments)
    if not assignments:
        return set()
    condition = Q()
    for a in assignments:
        condition |= Q(user_id=a.user_id, course_id=a.course_id,
                       completed_at__gte=a.assigned_at)
    done_pairs = set(Enrolment.objects.filter(condition, status=Enrolment.Status.COMPLETED)
                     .values_list("user_id", "course_id", "completed_at"))
    done = set()
    for a in assignments:
        if any(u == a.user_id and c == a.course_id and at >= a.assigned_at
               for u, c, at in done_pairs):
            done.add(a.pk)
    return done


def open_assignments():
    """Assignments not done (the course not completed since it was assigned), whatever
    their due date: the rule of completed_assignment_ids as one SQL condition, for lists
    that must not load every assignment."""
    from django.db.models import Exists, OuterRef

    done = Enrolment.objects.filter(user_id=OuterRef("user_id"),
                                    course_id=OuterRef("course_id"),
                                    status=Enrolment.Status.COMPLETED,
                                    completed_at__gte=OuterRef("assigned_at"))
    return Assignment.objects.filter(course__isnull=False, user__is_active=True).exclude(
        Exists(done))


def outstanding_assignments(today=None):
    """Open assignments past their due date: what is overdue."""
    return open_assignments().filter(due_on__lt=today or timezone.localdate())


DUE_SOON_DAYS = 14


def due_soon_assignments(today=None):
    """Open assignments due today or in the next DUE_SOON_DAYS days."""
    today = today or timezone.localdate()
    return open_assignments().filter(
        due_on__gte=today, due_on__lte=today + datetime.timedelta(days=DUE_SOON_DAYS))


def expiring_certificates(today=None):
    """Valid certificates that expire within EXPIRY_NOTICE_DAYS and have not been renewed
    (no later certificate for the same course)."""
    from django.db.models import Exists, OuterRef

    today = today or timezone.localdate()
    newer = Certificate.objects.filter(user_id=OuterRef("user_id"),
                                       course_id=OuterRef("course_id"),
                                       issued_on__gt=OuterRef("issued_on"),
                                       revoked_at__isnull=True)
    return Certificate.objects.filter(
        revoked_at__isnull=True, course__isnull=False, expires_on__gte=today,
        expires_on__lte=today + datetime.timedelta(days=EXPIRY_NOTICE_DAYS),
        user__is_active=True).exclude(Exists(newer))


def _start_of_day(now):
    local = timezone.localtime(now)
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def reminded_today(user, now=None):
    now = now or timezone.now()
    return TrainingReminder.objects.filter(user=user, sent_at__gte=_start_of_day(now)).exists()


def send_training_reminder(member, by, now=None):
    """A manager (or Centre staff) reminds one person of their overdue courses: one email
    naming them all, at most once a person a day whoever asks (the person's row is locked,
    so two managers pressing at once send one). Returns the reminder, or None when the
    person was already reminded today; LearningError when nothing is overdue."""
    now = now or timezone.now()
    with transaction.atomic():
        member = lock(member)
        if reminded_today(member, now):
            return None
        overdue = list(outstanding_assignments(timezone.localdate(now))
                       .filter(user=member).select_related("course").order_by("due_on"))
        if not overdue:
            raise LearningError(f"{member.get_full_name()} has no overdue training.")
        reminder = TrainingReminder.objects.create(
            user=member, sent_by=by, sent_at=now,
            courses="; ".join(a.course_title for a in overdue)[:limits.TEXT])
        Assignment.objects.filter(pk__in=[a.pk for a in overdue]).update(last_reminded_at=now)
        notify(member.email, "courses-reminder", {
            "user": member, "assignments": overdue, "by": by,
        })
    return reminder


def remind_everyone_overdue(members, by, now=None):
    """Remind each of `members` who has overdue training (send_training_reminder for
    each): (number reminded, number already reminded today)."""
    now = now or timezone.now()
    people = members.filter(pk__in=outstanding_assignments(timezone.localdate(now))
                            .values("user_id"))
    sent = skipped = 0
    for person in people:
        if send_training_reminder(person, by, now) is None:
            skipped += 1
        else:
            sent += 1
    return sent, skipped


REMINDER_INTERVAL = datetime.timedelta(days=7)
EXPIRY_NOTICE_DAYS = 30


def send_course_reminders(now=None):
    """Email overdue assignments once a week until done, and certificates 30 days before
    they expire (once). Safe to run as often as you like: each send is recorded."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    overdue = list(Assignment.objects.filter(due_on__lt=today, course__isnull=False)
                   .filter(Q(last_reminded_at__isnull=True)
                           | Q(last_reminded_at__lte=now - REMINDER_INTERVAL))
                   .select_related("user", "course"))
    done = completed_assignment_ids(overdue)
    sent_overdue = 0
    for assignment in overdue:
        if assignment.pk in done:
            continue
        with transaction.atomic():
            updated = Assignment.objects.filter(pk=assignment.pk).filter(
                Q(last_reminded_at__isnull=True)
                | Q(last_reminded_at__lte=now - REMINDER_INTERVAL)
            ).update(last_reminded_at=now)
            if updated:
                notify(assignment.user.email, "courses-overdue", {
                    "user": assignment.user, "assignment": assignment,
                    "course_url": assignment.course.full_url or "",
                })
                sent_overdue += 1
    expiring = Certificate.objects.filter(
        revoked_at__isnull=True, superseded_by__isnull=True,
        expiry_reminder_sent_at__isnull=True,
        expires_on__isnull=False, expires_on__gte=today,
        expires_on__lte=today + datetime.timedelta(days=EXPIRY_NOTICE_DAYS),
    ).select_related("user", "course")
    sent_expiry = 0
    for certificate in expiring:
        newer = Certificate.objects.filter(user=certificate.user_id,
                                           course=certificate.course_id,
                                           issued_on__gt=certificate.issued_on,
                                           revoked_at__isnull=True).exists()
        with transaction.atomic():
            updated = Certificate.objects.filter(
                pk=certificate.pk, expiry_reminder_sent_at__isnull=True
            ).update(expiry_reminder_sent_at=now)
            if updated and not newer:
                notify(certificate.user.email, "courses-expiring", {
                    "user": certificate.user, "certificate": certificate,
                    "course_url": certificate.course.full_url if certificate.course else "",
                })
                sent_expiry += 1
    return {"overdue": sent_overdue, "expiring": sent_expiry}
