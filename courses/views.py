"""Thin views over the rules in services. Every object a view guards is reached through
a `_get_x_for_user` helper, so other people's things are a 404."""

import functools
import hashlib
import pickle

from allauth.core import ratelimit
from csp.decorators import csp_replace
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from cms import roles
from cms.access import staff_mfa_required
from cms.models import Team, User
from cms.page_cache import people_fragment, personal_fragment, shared_fragment
from courses import credentials, reports, services
from courses.certificates import certificate_pdf as build_certificate_pdf
from courses.forms import AssignmentForm, CertificateCheckForm, ReflectionForm
from courses.models import Certificate, CourseIndexPage, CoursePage, ModulePage
from cpd import services as cpd_services
from cpd.models import CPDEntry


def _get_course(course_id):
    if course_id >= 2**31:  # beyond any page id: the lookup would overflow, not miss
        raise Http404
    return get_object_or_404(CoursePage.objects.live(), pk=course_id)


def _get_module(module_id):
    if module_id >= 2**31:  # beyond any page id: the lookup would overflow, not miss
        raise Http404
    return get_object_or_404(ModulePage.objects.live(), pk=module_id)


def _back(request, fallback):
    return redirect(fallback)


@login_required
@require_POST
def enrol(request, course_id):
    course = _get_course(course_id)
    try:
        services.enrol(request.user, course)
    except services.LearningError as error:
        messages.error(request, str(error))
        return redirect(course.url)
    messages.success(request, f"You are enrolled on {course.title}.")
    first = course.get_modules().first()
    return redirect(first.url if first else course.url)


@login_required
@require_POST
def unenrol(request, course_id):
    course = _get_course(course_id)
    try:
        services.unenrol(request.user, course)
    except services.LearningError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"You have left {course.title}. Your completed work is kept.")
    return redirect(course.url)


def _after_module_action(request, module, certificate):
    if certificate is not None:
        if certificate.course_id:
            return redirect("courses:course_completed", certificate.course_id)
        return redirect("courses:my_learning")
    return None


@login_required
def framework_profile(request):
    """The statements of each framework (the version in force) the person's completed
    courses evidence, and those they do not yet, with courses that would."""
    from courses import frameworks

    profile = frameworks.profile_for(request.user)
    missing = [s.pk for _, _, rows in profile for s, done in rows if not done]
    courses_for = frameworks.live_courses_for_statements(missing)
    return render(request, "courses/framework_profile.html", {
        "profile": [(framework, version, [(s, done, courses_for.get(s.pk, []))
                                          for s, done in rows])
                    for framework, version, rows in profile],
    })


@login_required
def course_completed(request, course_id):
    """The page a learner reaches on finishing a course: the certificate, a prompt to
    reflect for their CPD record, and what to take next."""
    course = _get_course(course_id)
    certificate = (Certificate.objects.filter(user=request.user, course=course)
                   .order_by("-issued_on", "-pk").first())
    if certificate is None:
        return redirect(course.url)
    cpd_entry = CPDEntry.objects.filter(user=request.user, source_type="certificate",
                                        source_id=certificate.pk).first()
    return render(request, "courses/course_completed.html", {
        "course": course, "certificate": certificate, "cpd_entry": cpd_entry,
        "next_courses": services.courses_to_take_next(request.user, course),
    })


@login_required
@require_POST
def complete_module(request, module_id):
    module = _get_module(module_id)
    try:
        certificate = services.complete_module(request.user, module)
    except services.LearningError as error:
        messages.error(request, str(error))
        return redirect(module.url)
    done = _after_module_action(request, module, certificate)
    if done:
        return done
    messages.success(request, f"{module.title} is complete.")
    following = module.get_next_siblings().live().first()
    return redirect(following.url if following else module.get_parent().url)


@login_required
@require_POST
def submit_check(request, module_id, check_id):
    module = _get_module(module_id)
    answers = {key[2:]: request.POST.getlist(key)[:50] for key in request.POST
               if key.startswith("q-")}
    value = dict(module.knowledge_checks()).get(check_id)
    if value is not None:
        errors = services.knowledge_check_errors(services.questions_of(value), answers)
        if errors:
            # GOV.UK's error pattern: the page again, with the answers given, an error at
            # each question and a summary linking to them.
            request.posted_checks = {check_id: {"answers": answers, "errors": errors}}
            response = module.serve(request)
            response.status_code = 200
            return response
    try:
        attempt = services.submit_knowledge_check(request.user, module, check_id, answers)
    except services.LearningError as error:
        messages.error(request, str(error))
        return redirect(f"{module.url}#check-{check_id}")
    certificate = getattr(attempt.enrolment, "certificate", None) if attempt.passed else None
    certificate = certificate or Certificate.objects.filter(enrolment=attempt.enrolment).first()
    if certificate is not None:
        return _after_module_action(request, module, certificate)
    if attempt.passed:
        messages.success(request, f"You passed with {attempt.score}%.")
    else:
        messages.warning(request, f"You scored {attempt.score}%. You need {attempt.pass_mark}% "
                                  "to pass. Read the feedback and try again.")
    return redirect(f"{module.url}#check-{check_id}")


@login_required
@require_POST
def save_reflection(request, module_id, prompt_id):
    module = _get_module(module_id)
    form = ReflectionForm(request.POST)
    try:
        if not form.is_valid():
            raise services.LearningError("Write your reflection before saving it.")
        services.save_reflection(request.user, module, prompt_id, form.cleaned_data["text"])
    except services.LearningError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Your reflection is saved. Only you can read it.")
    return redirect(f"{module.url}#reflection-{prompt_id}")


@login_required
def my_learning(request):
    # Read only when the person's page is not already kept for them ({% personal %} in the
    # template, cms.page_cache path 4).
    learning = functools.cache(lambda: reports.my_learning(request.user))
    return render(request, "courses/my_learning.html", {
        "learning": learning,
        "catalogue_url": lambda: shared_fragment("catalogue-url", _catalogue_url)})


def _catalogue_url():
    catalogue = CourseIndexPage.objects.live().first()
    return catalogue.url if catalogue else ""


# --- certificates ------------------------------------------------------------------------

def _get_certificate_for_user(user, public_id):
    certificate = get_object_or_404(Certificate, public_id=public_id)
    if certificate.user_id != user.pk and not roles.is_centre_staff(user):
        raise Http404
    return certificate


def certificate_verify(request, public_id):
    """Public: anyone holding the link (or the QR code) can check a certificate."""
    certificate = get_object_or_404(Certificate.objects.select_related("superseded_by"),
                                    public_id=public_id)
    return render(request, "courses/certificate.html", {
        "certificate": certificate, "status": certificate.status(),
        "is_holder": request.user.is_authenticated and certificate.user_id == request.user.pk,
    })


def certificate_check(request):
    """Public: an employer types a certificate number and is told plainly whether it is
    valid, expired, revoked or replaced by a renewal. Each look-up (a POST) counts against
    the address's rate limit, so numbers cannot be walked; a number tells nothing about
    any other certificate."""
    form = CertificateCheckForm(request.POST or None)
    certificate = None
    if request.method == "POST":
        if not ratelimit.consume(request, action="check_certificate"):
            return render(request, "courses/certificate_check.html",
                          {"form": CertificateCheckForm(), "limited": True}, status=429)
        if form.is_valid():
            certificate = (Certificate.objects.select_related("superseded_by")
                           .filter(number=form.cleaned_data["number"]).first())
            if certificate is None:
                form.add_error("number", "No certificate has this number. Check it against "
                                         "the certificate and try again")
    return render(request, "courses/certificate_check.html", {
        "form": form, "certificate": certificate,
        "status": certificate.status() if certificate else None,
    })


@staff_mfa_required
def certificate_pdf(request, public_id):
    certificate = _get_certificate_for_user(request.user, public_id)
    response = HttpResponse(build_certificate_pdf(certificate), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="certificate-{certificate.public_id}.pdf"')
    return response


# --- Open Badges 3.0 credentials (courses/credentials.py) ---------------------------------

def _public_json(data, content_type="application/json"):
    response = JsonResponse(data, content_type=content_type, json_dumps_params={"indent": 2})
    # Verifiers and wallets fetch these from their own pages.
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=60"
    return response


def certificate_credential(request, public_id, kind):
    """Public, like the certificate's page: its Open Badges 3.0 credential, as the VC-JWT
    (.jwt) or the same wrapped in JSON (.json), to add to a wallet or send to an employer."""
    if kind not in ("jwt", "json"):
        raise Http404
    certificate = get_object_or_404(Certificate.objects.select_related("course"),
                                    public_id=public_id)
    token = credentials.signed_credential(certificate)
    filename = f"certificate-{certificate.number}.{kind}"
    if kind == "jwt":
        response = HttpResponse(token, content_type="application/vc+jwt")
    else:
        response = _public_json(credentials.enveloped_credential(token))
        response["Cache-Control"] = "no-store"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def credential_issuer(request):
    return _public_json(credentials.issuer_profile(), "application/ld+json")


def credential_jwks(request):
    return _public_json(credentials.published_keys(), "application/jwk-set+json")


def credential_key(request, thumbprint):
    """One published key, at the URL that is its kid."""
    key = credentials.published_key(thumbprint)
    if key is None:
        raise Http404
    return _public_json(key, "application/jwk+json")


def credential_status_list(request):
    response = HttpResponse(credentials.signed_status_list(),
                            content_type="application/vc+jwt")
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=60"
    return response


# --- team training -----------------------------------------------------------------------

MATRIX_COURSES_PER_PAGE = 25




MATRIX_PEOPLE_PER_PAGE = 30
MATRIX_FILTERS = {
    "": "Everyone",
    "overdue": "Overdue",
    "due_soon": "Due in the next two weeks",
    "expiring": "Certificate expiring",
}


def _team_members(team):
    """The people of a team, without its managers (shown separately: a manager is not
    one of the people they manage)."""
    return (User.objects.filter(team=team, is_active=True)
            .exclude(pk__in=team.managers.values("pk")).order_by("full_name", "email"))


def _matrix_people(member_ids, show, query):
    people = User.objects.filter(pk__in=member_ids).order_by("full_name", "email")
    if query:
        people = people.filter(Q(full_name__icontains=query) | Q(email__icontains=query))
    narrowing = {"overdue": services.outstanding_assignments,
                 "due_soon": services.due_soon_assignments,
                 "expiring": services.expiring_certificates}.get(show)
    if narrowing is not None:
        # The team's own records only: asking "who among everyone is overdue?" first
        # made the query walk every assignment on the platform.
        people = people.filter(pk__in=narrowing().filter(user_id__in=member_ids)
                               .values("user_id"))
    return people


def _course_totals(people, courses):
    """{course id: {"overdue": n, "due_soon": n, "expiring": n}} over all the people shown
    (every page of them): three grouped counts."""
    ids = [c.pk for c in courses if c.pk is not None]
    # The people's ids as a list: each count probes the person-first indexes.
    people_ids = list(people.values_list("pk", flat=True))
    totals = {pk: {"overdue": 0, "due_soon": 0, "expiring": 0} for pk in ids}
    for key, records in (("overdue", services.outstanding_assignments()),
                         ("due_soon", services.due_soon_assignments()),
                         ("expiring", services.expiring_certificates())):
        # Grouped over all the people's courses, the page's picked out here: with the
        # courses in the query too, SQLite walked each course's records of everyone.
        grouped = (records.filter(user_id__in=people_ids, course_id__isnull=False).order_by()
                   .values("course_id").annotate(n=Count("pk")).values_list("course_id", "n"))
        for course_id, n in grouped:
            if course_id in totals:
                totals[course_id][key] = n
    return totals


def _matrix_export(team, people, file_format):
    from cms.exports import spreadsheet_response

    courses = reports.matrix_courses()
    matrix = reports.training_matrix(people, courses)
    headings = ["Name", "Email", *[c.column_label for c in matrix["courses"]]]
    rows = [[row["user"].get_full_name(), row["user"].email,
             *[f"{cell['label']}: {cell['detail']}" if cell["detail"] else cell["label"]
               for cell in row["cells"]]] for row in matrix["rows"]]
    filename = f"team-training-{slugify(team.name)}-{timezone.localdate():%Y-%m-%d}"
    return spreadsheet_response(filename, headings, rows, file_format)


@staff_mfa_required
def team_matrix(request):
    team, member_ids, manager_ids = _matrix_team(request.user, request.GET.get("team"))
    show = request.GET.get("show", "")
    show = show if show in MATRIX_FILTERS else ""
    query = request.GET.get("q", "").strip()[:100]
    if request.GET.get("format") in ("csv", "xlsx"):
        return _matrix_export(team, _matrix_people(member_ids, show, query),
                              request.GET["format"])

    def build():
        people = _matrix_people(member_ids, show, query)
        # Live courses, then those no longer offered that someone completed (matrix_courses).
        courses = reports.matrix_courses()
        # A page of courses and a page of people at a time: 20 people x 200 courses is
        # 4,000 cells, too much to read (or send) at once; a page's queries do not grow
        # with the team or its history.
        courses_page = Paginator(courses, MATRIX_COURSES_PER_PAGE).get_page(
            request.GET.get("page"))
        people_page = Paginator(people, MATRIX_PEOPLE_PER_PAGE).get_page(
            request.GET.get("people"))
        matrix = reports.training_matrix(people_page.object_list, courses_page.object_list)
        totals = _course_totals(people, matrix["courses"])
        for course in matrix["courses"]:
            course.totals = totals.get(course.pk)
        return render_to_string("courses/includes/team_matrix_page.html", {
            "team": team, "teams": roles.teams_for_user(request.user),
            "managers": team.managers.order_by("full_name"),
            "show": show, "query": query, "filters": MATRIX_FILTERS,
            "matrix": matrix, "page_obj": courses_page, "people_page": people_page,
            "overdue_people": services.outstanding_assignments().filter(
                user_id__in=member_ids).values("user_id").distinct().count(),
        }, request)

    # The page is the same until a record of the viewer, the team's managers or its
    # members changes (cms.page_cache, path 4: the members' under the team's generation),
    # or a team, who manages it or who belongs to it (path 1): kept for this view of it.
    view = hashlib.sha256(
        f"{team.pk}|{show}|{query}|{request.GET.get('page')}|{request.GET.get('people')}"
        .encode()).hexdigest()
    content = people_fragment([request.user.pk, *manager_ids], f"team-matrix:{view}", build,
                              teams=[team.pk])
    return render(request, "courses/team_matrix.html",
                  {"team": team, "content_html": mark_safe(content)})


def _matrix_team(user, team_id):
    """The team this person may see (roles.get_team_for_user: a 404 otherwise) with the ids
    of its members and managers: the narrowing and the overdue count start from them rather
    than from everyone's records, and the page is kept under the managers' generations. Kept
    for the viewer until the content (teams, who manages and who belongs to them: path 1),
    their roles or their own records change, so a repeat view asks the database nothing."""
    def build():
        team = roles.get_team_for_user(user, team_id)
        return pickle.dumps((team, *_team_people(team)), pickle.HIGHEST_PROTOCOL)

    return pickle.loads(personal_fragment(user, f"matrix-team:{team_id or ''}", build))


def _team_people(team):
    """The ids of a team's members (its active people, managers aside: a manager is not
    one of the people they manage) and of its managers, in one statement on two indexed
    columns. Plain SQL: on every view of the matrix, building the two ORM queries cost
    more than running them."""
    through, users = Team.managers.through._meta, User._meta
    quote = connection.ops.quote_name
    sql = (f"SELECT {quote(through.get_field('user').column)}, 1 FROM {quote(through.db_table)} "
           f"WHERE {quote(through.get_field('team').column)} = %s "
           f"UNION ALL SELECT {quote(users.pk.column)}, 0 FROM {quote(users.db_table)} "
           f"WHERE {quote(users.get_field('team').column)} = %s "
           f"AND {quote(users.get_field('is_active').column)} = %s")
    with connection.cursor() as cursor:
        cursor.execute(sql, [team.pk, team.pk, True])
        rows = cursor.fetchall()
    managers = {pk for pk, manages in rows if manages}
    members = {pk for pk, manages in rows if not manages} - managers
    return sorted(members), sorted(managers)


def _get_member_for_user(user, user_id):
    """The one way a view reaches a person's training record: Centre staff reach anyone;
    a manager reaches the people of the teams they manage (others are a 404)."""
    people = User.objects.filter(is_active=True).select_related("team", "organisation")
    if not roles.is_centre_staff(user):
        people = people.filter(team__managers=user)
    return get_object_or_404(people, pk=user_id)


@staff_mfa_required
def person(request, user_id):
    """A person's record for their manager and Centre staff: training, certificates,
    CPD readiness and bookings, with a reminder for what is overdue."""
    from cms import registry

    member = _get_member_for_user(request.user, user_id)
    learning = reports.my_learning(member)
    return render(request, "courses/person.html", {
        "member": member, **learning,
        "overdue": [row for row in learning["assigned"] if row["overdue"]],
        "bookings": registry.person_bookings(member),
        # Counts against the registration rule only, never the entries' text.
        "cpd_readiness": cpd_services.renewal_progress(member),
        "reminded_today": services.reminded_today(member),
    })


@staff_mfa_required
def remind(request):
    """Send a reminder to one person (?person=) or to everyone overdue in a team (?team=):
    a confirmation page first, then the POST that sends (services.send_training_reminder:
    at most one a person a day)."""
    data = request.POST if request.method == "POST" else request.GET
    person_id = data.get("person", "")
    if person_id:
        if not person_id.isdigit():
            raise Http404
        member = _get_member_for_user(request.user, int(person_id))
        team, people = member.team, User.objects.filter(pk=member.pk)
    else:
        member = None
        team = roles.get_team_for_user(request.user, data.get("team"))
        people = _team_members(team)
    overdue = list(services.outstanding_assignments().filter(user__in=people)
                   .select_related("user").order_by("user__full_name", "due_on"))
    back = reverse("courses:person", args=[member.pk]) if member else \
        f"{_team_url()}?team={team.pk}"
    if request.method == "POST":
        try:
            if member is not None:
                sent = services.send_training_reminder(member, request.user)
                if sent is None:
                    messages.info(request, f"{member.get_full_name()} was already reminded "
                                           "today. You can remind them again tomorrow.")
                else:
                    messages.success(request, f"Reminder sent to {member.get_full_name()}.")
            else:
                sent, skipped = services.remind_everyone_overdue(people, request.user)
                text = f"Reminders sent to {sent} {'person' if sent == 1 else 'people'}."
                if skipped:
                    text += (f" {skipped} already reminded today "
                             f"{'was' if skipped == 1 else 'were'} not sent another.")
                messages.success(request, text)
        except services.LearningError as error:
            messages.error(request, str(error))
        return redirect(back)
    names = sorted({a.user.get_full_name() for a in overdue})
    return render(request, "courses/remind_confirm.html", {
        "member": member, "team": team, "overdue": overdue, "names": names, "back": back,
        "already": [p for p in people.filter(training_reminders__sent_at__gte=timezone.localtime()
                    .replace(hour=0, minute=0, second=0, microsecond=0)).distinct()],
    })


@staff_mfa_required
def assign(request):
    team = roles.get_team_for_user(request.user, request.GET.get("team") or request.POST.get("team"))
    members = User.objects.filter(team=team, is_active=True).order_by("full_name", "email")
    form = AssignmentForm(request.POST or None, members=members)
    if request.method == "POST" and form.is_valid():
        try:
            services.assign_course(form.cleaned_data["course"], form.cleaned_data["members"],
                                   form.cleaned_data["due_on"], request.user)
        except services.LearningError as error:
            form.add_error("due_on", str(error))
        else:
            messages.success(request, f"{form.cleaned_data['course'].title} is assigned. "
                                      "Each person has been emailed.")
            return redirect(f"{_team_url()}?team={team.pk}")
    return render(request, "courses/assignment_form.html", {"form": form, "team": team})


def _team_url():
    return reverse("courses:team_matrix")


# --- e-learning packages -----------------------------------------------------------------

# What a package's own pages need to run: packages are written with inline scripts, inline
# styles, eval (many authoring tools' players) and blob/data media. This policy is given
# only to files served from /elearning/, and only the platform's own pages may frame them.
ELEARNING_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "media-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8", ".htm": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8", ".json": "application/json",
    ".xml": "application/xml", ".xsd": "application/xml", ".svg": "image/svg+xml",
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
    ".webp": "image/webp", ".ico": "image/x-icon", ".mp4": "video/mp4",
    ".webm": "video/webm", ".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".ogg": "audio/ogg",
    ".wav": "audio/wav", ".vtt": "text/vtt; charset=utf-8", ".woff": "font/woff",
    ".woff2": "font/woff2", ".ttf": "font/ttf", ".otf": "font/otf", ".pdf": "application/pdf",
    ".txt": "text/plain; charset=utf-8", ".swf": "application/octet-stream",
}


def _content_type(path):
    import mimetypes
    import posixpath

    extension = posixpath.splitext(path)[1].lower()
    return (CONTENT_TYPES.get(extension) or mimetypes.guess_type(path)[0]
            or "application/octet-stream")


def _get_package_for_user(user, key):
    from courses import elearning_services
    from courses.models import ELearningPackage

    package = ELearningPackage.objects.filter(key=key).first()
    if package is None or not package.storage_prefix or not elearning_services.can_open_package(
            user, package):
        raise Http404
    return package


@csp_replace(ELEARNING_CSP)
@xframe_options_sameorigin
@login_required
@staff_mfa_required
def elearning_file(request, key, path):
    """A file of a package, to learners enrolled on a course that uses it and to staff."""
    from django.core.files.storage import default_storage
    from django.http import FileResponse

    from courses.scorm import safe_member_path

    package = _get_package_for_user(request.user, key)
    path = safe_member_path(path)
    if path is None or path.endswith("/"):
        raise Http404
    name = package.storage_path(path)
    try:
        handle = default_storage.open(name, "rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(handle, content_type=_content_type(path))
    response["Cache-Control"] = "private, max-age=3600"
    return response


COMMIT_MAX_BYTES = 256 * 1024


@login_required
@require_POST
def elearning_commit(request, module_id, block_id):
    """The runtime's commit: JSON {item, session, seq, cmi: {element: value}}. CSRF-checked
    (the runtime sends the token in a header), size-limited, and idempotent by session and
    sequence number. Answers in the shape scorm-again expects: {result, errorCode}."""
    import json

    from django.http import JsonResponse

    from courses import cmi, elearning_services

    def refuse(message, status=400):
        return JsonResponse({"result": "false", "errorCode": 101, "message": message},
                            status=status)

    module = _get_module(module_id)
    if int(request.headers.get("Content-Length") or 0) > COMMIT_MAX_BYTES:
        return refuse("The runtime data is too large.", status=413)
    body = request.read(COMMIT_MAX_BYTES + 1)
    if len(body) > COMMIT_MAX_BYTES:
        return refuse("The runtime data is too large.", status=413)
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return refuse("The runtime data is not JSON.")
    if not isinstance(payload, dict):
        return refuse("The runtime data is not a JSON object.")
    try:
        attempt, completed_now = elearning_services.commit_runtime(
            request.user, module, block_id, payload.get("item"), payload.get("session"),
            payload.get("seq"), payload.get("cmi"))
    except (elearning_services.ELearningError, cmi.CMIError) as error:
        return refuse(str(error))
    return JsonResponse({
        "result": "true", "errorCode": 0,
        "completion_status": attempt.completion_status,
        "success_status": attempt.success_status,
        "module_complete": attempt.enrolment.module_completions.filter(
            module=module).exists(),
        "completed_now": completed_now,
    })
