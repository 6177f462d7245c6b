"""Thin views over the rules in services. Every object a view guards is reached through
a `_get_x_for_user` helper, so other people's things are a 404."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from cms import exports, limits, roles
from cms.access import staff_mfa_required
from cms.models import Team, User
from cms.page_cache import shared_fragment
from courses import reports, services
from courses.certificates import certificate_pdf as build_certificate_pdf
from courses.certificates import cpd_pdf as build_cpd_pdf
from courses.forms import AssignmentForm, CPDEntryForm, ReflectionForm
from courses.models import Certificate, CourseIndexPage, CoursePage, CPDEntry, ModulePage


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
        messages.success(request, f"You have completed {certificate.course_title}. "
                                  "Your certificate is ready.")
        return redirect("courses:my_learning")
    return None


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
    context = reports.my_learning(request.user)
    context["catalogue_url"] = shared_fragment("catalogue-url", _catalogue_url)
    return render(request, "courses/my_learning.html", context)


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
    certificate = get_object_or_404(Certificate, public_id=public_id)
    return render(request, "courses/certificate.html", {
        "certificate": certificate, "status": certificate.status(),
        "is_holder": request.user.is_authenticated and certificate.user_id == request.user.pk,
    })


@staff_mfa_required
def certificate_pdf(request, public_id):
    certificate = _get_certificate_for_user(request.user, public_id)
    response = HttpResponse(build_certificate_pdf(certificate), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="certificate-{certificate.public_id}.pdf"')
    return response


# --- CPD record --------------------------------------------------------------------------

def _selected_year(request):
    current = services.registration_year(timezone.localdate())
    try:
        year = int(request.GET.get("year", current))
    except ValueError:
        year = current
    if not limits.EARLIEST_YEAR <= year <= current + 1:
        year = current
    return year, current


def _year_label(year):
    start, end = services.registration_year_bounds(year)
    return f"{start:%-d %B %Y} to {end:%-d %B %Y}"


def _cpd_entries(user, year):
    start, end = services.registration_year_bounds(year)
    return list(CPDEntry.objects.filter(user=user, date__range=(start, end)))


@login_required
def cpd(request):
    year, current = _selected_year(request)
    entries = _cpd_entries(request.user, year)
    first = CPDEntry.objects.filter(user=request.user).order_by("date").values_list(
        "date", flat=True).first()
    # A row dated before the earliest year (entered before dates were checked) must not
    # stretch the list of years back to year 1, whose bounds are not dates.
    first_year = max(services.registration_year(first) if first else current,
                     limits.EARLIEST_YEAR)
    years = [(y, _year_label(y)) for y in range(current, min(first_year, current) - 1, -1)]
    return render(request, "courses/cpd.html", {
        "entries": entries, "year": year, "year_label": _year_label(year), "years": years,
        "warnings": services.cpd_warnings(entries) if year == current else [],
        "total_hours": sum(e.hours for e in entries),
    })


def _get_cpd_entry_for_user(user, pk):
    return get_object_or_404(CPDEntry, pk=pk, user=user)


@login_required
def cpd_edit(request, pk=None):
    entry = _get_cpd_entry_for_user(request.user, pk) if pk else None
    form = CPDEntryForm(request.POST or None, instance=entry,
                        initial=None if entry else {"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        entry = form.save(commit=False)
        entry.user = request.user
        entry.save()
        messages.success(request, "Your CPD entry is saved.")
        return redirect(f"{_cpd_url()}?year={services.registration_year(entry.date)}")
    return render(request, "courses/cpd_entry_form.html", {"form": form, "entry": entry})


def _cpd_url():
    from django.urls import reverse

    return reverse("courses:cpd")


@login_required
@require_POST
def cpd_delete(request, pk):
    entry = _get_cpd_entry_for_user(request.user, pk)
    entry.delete()
    messages.success(request, "The CPD entry is deleted.")
    return redirect("courses:cpd")


CSV_FIELDS = [("date", "Date"), ("kind", "Type"), ("title", "Activity"),
              ("provider", "Provider"), ("hours", "Hours"), ("what_learnt", "What I learnt"),
              ("impact_on_practice", "Impact on my practice"),
              ("impact_on_people", "Impact on the people I work with"),
              ("peer_reflection", "Peer reflection"), ("peer_role", "Role of the peer"),
              ("standards", "Standards evidenced")]


@login_required
def cpd_csv(request):
    year, _ = _selected_year(request)
    entries = _cpd_entries(request.user, year)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="cpd-record-{year}.csv"'
    writer = exports.csv_writer(response)
    writer.writerow([label for _, label in CSV_FIELDS])
    for entry in entries:
        row = []
        for field, _ in CSV_FIELDS:
            value = getattr(entry, field)
            if field == "kind":
                value = entry.get_kind_display()
            elif isinstance(value, datetime.date):
                value = value.strftime("%d/%m/%Y")
            row.append(value)
        writer.writerow(row)
    return response


@login_required
def cpd_pdf(request):
    year, _ = _selected_year(request)
    pdf = build_cpd_pdf(request.user, _cpd_entries(request.user, year), _year_label(year))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="cpd-record-{year}.pdf"'
    return response


# --- team training -----------------------------------------------------------------------

MATRIX_COURSES_PER_PAGE = 25


def _teams_for_user(user):
    if roles.is_centre_staff(user):
        return Team.objects.order_by("name")
    return Team.objects.filter(managers=user).order_by("name")


def _get_team_for_user(user, team_id):
    teams = _teams_for_user(user)
    if team_id:
        try:
            return get_object_or_404(teams, pk=int(team_id))
        except ValueError:
            raise Http404 from None
    team = teams.first()
    if team is None:
        raise Http404
    return team


@staff_mfa_required
def team_matrix(request):
    team = _get_team_for_user(request.user, request.GET.get("team"))
    members = User.objects.filter(team=team, is_active=True).order_by("full_name", "email")
    # Live courses, then those no longer offered that someone completed (matrix_courses).
    courses = reports.matrix_courses()
    # A page of courses at a time: 20 people x 200 courses is 4,000 cells, too much to
    # read (or send) at once.
    courses_page = Paginator(courses, MATRIX_COURSES_PER_PAGE).get_page(
        request.GET.get("page"))
    return render(request, "courses/team_matrix.html", {
        "team": team, "teams": _teams_for_user(request.user),
        "matrix": reports.training_matrix(members, courses_page.object_list),
        "page_obj": courses_page,
    })


@staff_mfa_required
def assign(request):
    team = _get_team_for_user(request.user, request.GET.get("team") or request.POST.get("team"))
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
    from django.urls import reverse

    return reverse("courses:team_matrix")
