"""Hostile and random input to every form (hypothesis): never a server error, nothing stored
half-written, and whatever is stored comes back escaped on the pages that show it.

The world is built once for the module; each example runs in a savepoint that is rolled
back, so examples cannot see each other's rows."""

import pytest
from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cms import audit
from courses.models import Certificate, Enrolment, Reflection
from cpd.models import CPDEntry
from events.models import EventBooking, EventFeedback
from secondments import services as secondment_services
from secondments.models import MentoringBooking, SecondmentApplication

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"
HOSTILE = [
    SCRIPT, f'"><img src=x onerror=alert(1)>{SCRIPT}', "\x00", "a\x00b", "\x1b[31mred",
    "\u202eevil", "' OR 1=1 --", "{{ request }}", "{% debug %}", "%(x)s %s", "A" * 100_000,
    "\r\nX-Injected: 1", "😀" * 400, "", " ", "-1", "0", "1e309", "NaN", "Infinity",
    "99999999999999999999999999", "-99999999999999999999", "9999-12-31", "10000-01-01",
    "0000-00-00", "0001-01-01", "1900-02-30", "2026-13-45", "31/12/9999", "null", "[]",
    "true", "javascript:alert(1)", "x" * 256, "x@y", "a@b.c" + "d" * 300,
]
hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=200),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=20),  # control characters
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.dates().map(str),
    st.builds(lambda a, b: a + SCRIPT + b, st.text(max_size=10), st.text(max_size=10)),
)
# A field is absent, sent once, or sent several times.
field_value = st.one_of(hostile_text, st.lists(hostile_text, min_size=2, max_size=3))

BIG_IDS = [0, 2**31, 2**63 - 1, 2**63, 10**30]

SETTINGS = settings(max_examples=25, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow,
                                           HealthCheck.data_too_large])


def form_data(fields, valid=None):
    """Some of the form's fields (or none) with hostile values, sometimes over a valid
    baseline so that the hostile value reaches the database, plus unexpected fields."""
    keys = st.sampled_from([*fields, "id", "user", "status", "pk", "csrfmiddlewaretoken"])
    junk = st.dictionaries(keys, field_value, max_size=len(fields) + 2)
    if valid is None:
        return junk
    return st.one_of(junk, junk.map(lambda d: {**valid, **d}),
                     st.sampled_from(fields).flatmap(
                         lambda f: hostile_text.map(lambda v: {**valid, f: v})))


def _no_raw_script(response, where):
    body = response.content.decode("utf-8", "replace")
    assert SCRIPT not in body, f"unescaped script in {where}"
    assert "<img src=x onerror" not in body, f"unescaped markup in {where}"


def _max_pks():
    return {model: model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            for model in (EventBooking, Enrolment, Certificate, SecondmentApplication,
                          MentoringBooking, CPDEntry, Reflection, EventFeedback)}


def _assert_consistent(before):
    """Rows created by the example are whole: each state change has its history row,
    each completion its certificate and CPD entry, and no text holds a NUL."""
    new = {model: model.objects.filter(pk__gt=pk) for model, pk in before.items()}
    for booking in new[EventBooking]:
        assert audit.history_of(booking).exists(), booking
    for enrolment in new[Enrolment]:
        assert audit.history_of(enrolment).exists(), enrolment
    for application in new[SecondmentApplication]:
        assert audit.history_of(application).exists(), application
        assert application.sponsor_email and "\x00" not in application.experience
    for booking in new[MentoringBooking]:
        assert audit.history_of(booking).exists(), booking
    for completed in Enrolment.objects.filter(status=Enrolment.Status.COMPLETED):
        assert Certificate.objects.filter(enrolment=completed).count() == 1
    for entry in new[CPDEntry]:
        assert "\x00" not in entry.title + entry.what_learnt
        assert entry.hours is None or 0 <= entry.hours < 10_000
    for reflection in new[Reflection]:
        assert reflection.text.strip() and "\x00" not in reflection.text


def attempt(world, persona, method_url, data, show=(), show_as=None):
    """POST `data` as `persona` in a savepoint that is rolled back, then GET the page the
    form redirected to and the pages in `show` (as `show_as` where given)."""
    before = _max_pks()
    with transaction.atomic():
        client = Client()
        if persona:
            client.force_login(getattr(world, persona))
        response = client.post(method_url, data)
        assert response.status_code < 500, (method_url, response.status_code)
        _no_raw_script(response, method_url)
        pages = []
        location = response.get("Location", "")
        if response.status_code == 302 and location.startswith("/") \
                and not location.startswith("/accounts/login"):
            pages.append((client, location))
        for who, url in ((show_as, url) for url in show):
            viewer = client
            if who:
                viewer = Client()
                viewer.force_login(getattr(world, who))
            pages.append((viewer, url))
        for viewer, url in pages:
            shown = viewer.get(url)
            assert shown.status_code < 500, (url, shown.status_code)
            _no_raw_script(shown, url)
        _assert_consistent(before)
        transaction.set_rollback(True)
    return response


def url_or_404(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return f"/{name.replace(':', '/')}/{args[0]}/"  # not routable: the resolver 404s


# --- accounts --------------------------------------------------------------------------

@SETTINGS
@given(data=form_data(["email", "full_name", "job_title", "organisation", "password1",
                       "password2"],
                      valid={"email": "new@example.org", "full_name": "New Person",
                             "job_title": "Social worker", "password1": "Tr1cky-pass-word!",
                             "password2": "Tr1cky-pass-word!"}),
       org=st.sampled_from(["host", "partner", None]))
def test_sign_up(module_world, data, org):
    if org and "organisation" not in data:
        data = {**data, "organisation": getattr(module_world, org).pk}
    attempt(module_world, None, reverse("account_signup"), data)


@SETTINGS
@given(data=form_data(["full_name", "job_title", "organisation", "team"]),
       org=st.sampled_from(["host", "partner", None]))
def test_profile(module_world, data, org):
    if org and "organisation" not in data:
        data = {**data, "organisation": getattr(module_world, org).pk,
                "full_name": data.get("full_name", "Alice Adams")}
    attempt(module_world, "alice", reverse("profile"), data, show=[reverse("profile"),
                                                                   "/learning/"])


# --- learning --------------------------------------------------------------------------

@SETTINGS
@given(data=form_data(["course", "confirm"]),
       target=st.sampled_from(["open_course", "course", "catalogue", "home", *BIG_IDS]),
       action=st.sampled_from(["courses:enrol", "courses:unenrol"]))
def test_enrol(module_world, data, target, action):
    pk = target if isinstance(target, int) else getattr(module_world, target).pk
    attempt(module_world, "bob", reverse(action, args=[pk]), data,
            show=[reverse("courses:my_learning")])


@SETTINGS
@given(data=form_data(["q-q1", "q-q2", "q-q3", "q-"]),
       module=st.sampled_from([1, 0, "other", 10**30]),
       check_id=st.one_of(st.sampled_from(["check-1", "check-0"]),
                          st.text(alphabet="abc-<>\"'%", min_size=1, max_size=20)))
def test_knowledge_check(module_world, data, module, check_id):
    w = module_world
    pk = {1: w.modules[1].pk, 0: w.modules[0].pk, "other": w.open_modules[0].pk}.get(
        module, module)
    attempt(w, "bob", url_or_404("courses:submit_check", pk, check_id), data,
            show=[w.modules[1].url, reverse("courses:my_learning")])


@SETTINGS
@given(data=form_data(["text"], valid={"text": "I noticed the family led."}),
       prompt=st.one_of(st.just("reflect-0"), st.text(alphabet="r-0<>x", min_size=1,
                                                      max_size=12)))
def test_reflection(module_world, data, prompt):
    w = module_world
    attempt(w, "bob", url_or_404("courses:save_reflection", w.modules[0].pk, prompt), data,
            show=[w.modules[0].url])


@SETTINGS
@given(data=form_data(["number"], valid={"number": "rpc 7k4m 9qxd"}))
def test_certificate_check(module_world, data):
    """Anyone may type anything into Check a certificate: an answer or a form error (or,
    past the rate limit, a 429), never a 500."""
    attempt(module_world, None, reverse("courses:certificate_check"), data)


CPD_FIELDS = ["kind", "title", "provider", "date", "hours", "what_learnt",
              "impact_on_practice", "impact_on_people", "peer_reflection", "peer_role",
              "standards"]
CPD_VALID = {"kind": "reading", "title": "Read about FGC", "provider": "Library",
             "date": "2026-05-01", "hours": "1.5", "what_learnt": "Family time matters."}


@SETTINGS
@given(data=form_data(CPD_FIELDS, valid=CPD_VALID),
       target=st.sampled_from(["add", "own", "other", 10**30]))
def test_cpd_entry(module_world, data, target):
    w = module_world
    if target == "add":
        url = reverse("cpd:add")
    else:
        pk = {"own": w.cpd_entry.pk, "other": w.bob_cpd_entry.pk}.get(target, target)
        url = reverse("cpd:edit", args=[pk])
    response = attempt(w, "alice", url, data,
                       show=[reverse("cpd:record"), reverse("cpd:record") + "?year=2026"])
    if target == "other":
        assert response.status_code == 404


# --- events ----------------------------------------------------------------------------

@SETTINGS
@given(data=form_data(["access_requirements"], valid={"access_requirements": "Loop"}),
       target=st.sampled_from(["event", "past_event", "home", *BIG_IDS]))
def test_event_booking(module_world, data, target):
    w = module_world
    pk = target if isinstance(target, int) else getattr(w, target).pk
    attempt(w, "bob", reverse("events:book", args=[pk]), data,
            show=[reverse("events:my_bookings"), reverse("events_admin:capacity",
                                                         args=[w.event.pk])],
            show_as="staff")


@SETTINGS
@given(data=form_data(["reason", "reference"]),
       target=st.one_of(st.sampled_from(["own", "other"]),
                        st.text(alphabet="ABC123-<>'\"%", min_size=1, max_size=30)),
       action=st.sampled_from(["events:accept_offer", "events:leave_waitlist",
                               "events:cancel"]))
def test_waitlist_accept(module_world, data, target, action):
    w = module_world
    reference = {"own": w.bob_offer.reference, "other": w.booking.reference}.get(target,
                                                                                 target)
    response = attempt(w, "bob", url_or_404(action, reference), data,
                       show=[reverse("events:my_bookings")])
    if target == "other":
        assert response.status_code == 404
    w.booking.refresh_from_db()
    assert w.booking.status == EventBooking.Status.CONFIRMED


@SETTINGS
@given(data=form_data(["rating", "most_useful", "do_differently"],
                      valid={"rating": "4", "most_useful": "Circles"}),
       persona=st.sampled_from(["alice", "alice", "bob"]))
def test_event_feedback(module_world, data, persona):
    w = module_world
    response = attempt(w, persona, reverse("events:feedback", args=[w.attended.reference]),
                       data, show=[reverse("events:my_bookings")])
    if persona == "bob":
        assert response.status_code == 404


# --- secondments and mentoring ---------------------------------------------------------

# Staff decide on an application in the admin.
DECIDE = "wagtailsnippets_secondments_secondmentapplication:decide"
APPLICATION_FIELDS = ["current_role", "experience", "learning_goals", "sponsor_name",
                      "sponsor_email"]
APPLICATION_VALID = {"current_role": "Team manager", "experience": "Ten years",
                     "learning_goals": "RES", "sponsor_name": "Sally",
                     "sponsor_email": "sally@example.org"}


@SETTINGS
@given(data=form_data(APPLICATION_FIELDS, valid=APPLICATION_VALID),
       target=st.sampled_from(["opportunity", "sec_index", *BIG_IDS]))
def test_secondment_application(module_world, data, target):
    w = module_world
    pk = target if isinstance(target, int) else getattr(w, target).pk
    attempt(w, "bob", reverse("secondments:apply", args=[pk]), data,
            show=[reverse("secondments:my_applications")])


@SETTINGS
@given(data=form_data(["decision", "comment"], valid={"decision": "endorse"}),
       token=st.one_of(st.just("valid"), hostile_text.filter(lambda t: "/" not in t
                                                              and t.strip())))
def test_sponsor_endorsement(module_world, data, token):
    w = module_world
    if token == "valid":
        token = secondment_services.sponsor_token(w.application)
    attempt(w, None, url_or_404("secondments:sponsor", token), data,
            show=[reverse(DECIDE, args=[w.application.pk])],
            show_as="staff")


@SETTINGS
@given(data=form_data(["goals"], valid={"goals": "Leading a team"}),
       target=st.sampled_from(["free_slot", "booked_slot", "past_slot", *BIG_IDS]))
def test_mentoring_booking(module_world, data, target):
    w = module_world
    pk = target if isinstance(target, int) else getattr(w, target).pk
    attempt(w, "bob", reverse("secondments:book", args=[pk]), data,
            show=[reverse("secondments:mentor_dashboard")], show_as="mentor")


@SETTINGS
@given(data=form_data(["held", "notes"], valid={"held": "yes", "notes": "Went well"}),
       persona=st.sampled_from(["mentor", "mentor", "leader", "bob"]),
       target=st.sampled_from(["past_session", "session", *BIG_IDS]))
def test_session_notes(module_world, data, persona, target):
    w = module_world
    pk = target if isinstance(target, int) else getattr(w, target).pk
    attempt(w, persona, reverse("secondments:booking_outcome", args=[pk]), data,
            show=[reverse("secondments:booking_detail", args=[w.past_session.pk])],
            show_as="mentor")
    w.past_session.refresh_from_db()
    assert w.past_session.mentor_notes.startswith("Mentor private notes")


@SETTINGS
@given(data=form_data(["mentee_feedback", "goals_progress"],
                      valid={"mentee_feedback": "Useful", "goals_progress": "Clearer"}),
       persona=st.sampled_from(["leader", "leader", "mentor"]))
def test_mentoring_feedback(module_world, data, persona):
    w = module_world
    response = attempt(w, persona, reverse("secondments:booking_feedback",
                                           args=[w.past_session.pk]), data,
                       show=[reverse("secondments:booking_detail", args=[w.past_session.pk]),
                             reverse("cpd:record")])
    if persona == "mentor":
        assert response.status_code == 404


def test_markup_is_stored_as_typed_and_shown_escaped_wherever_it_appears(module_world):
    """The properties above could pass by refusing everything: here each form takes a
    script tag, keeps it as typed, and every page that shows it escapes it. (Its changes
    are rolled back with the test's savepoint.)"""
    w = module_world
    escaped = "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"

    def as_(persona):
        client = Client()
        client.force_login(getattr(w, persona))
        return client

    def shows_escaped(client, url):
        body = client.get(url).content.decode()
        assert SCRIPT not in body and escaped in body, url

    alice, bob, leader, mentor, staff = (as_(p) for p in
                                         ("alice", "bob", "leader", "mentor", "staff"))
    assert alice.post(reverse("cpd:add"), {**CPD_VALID, "title": SCRIPT}).status_code \
        == 302
    assert CPDEntry.objects.filter(title=SCRIPT).exists()
    shows_escaped(alice, reverse("cpd:record") + "?year=2026")
    assert bob.post(reverse("courses:save_reflection", args=[w.modules[0].pk, "reflect-0"]),
                    {"text": SCRIPT}).status_code == 302
    assert Reflection.objects.get(user=w.bob, prompt_id="reflect-0").text == SCRIPT
    shows_escaped(bob, w.modules[0].url)
    assert bob.post(reverse("events:book", args=[w.event.pk]),
                    {"access_requirements": SCRIPT}).status_code == 302
    shows_escaped(staff, reverse("events_admin:capacity", args=[w.event.pk]))
    assert bob.post(reverse("secondments:apply", args=[w.opportunity.pk]),
                    {**APPLICATION_VALID, "experience": SCRIPT}).status_code == 302
    application = SecondmentApplication.objects.get(applicant=w.bob)
    shows_escaped(bob, reverse("secondments:application_detail", args=[application.pk]))
    shows_escaped(staff, reverse(DECIDE, args=[application.pk]))
    assert bob.post(reverse("secondments:book", args=[w.free_slot.pk]),
                    {"goals": SCRIPT}).status_code == 302
    session = MentoringBooking.objects.get(slot=w.free_slot)
    shows_escaped(mentor, reverse("secondments:booking_detail", args=[session.pk]))
    assert mentor.post(reverse("secondments:booking_outcome", args=[w.past_session.pk]),
                       {"held": "yes", "notes": SCRIPT}).status_code == 302
    shows_escaped(mentor, reverse("secondments:booking_detail", args=[w.past_session.pk]))
    assert leader.post(reverse("secondments:booking_feedback", args=[w.past_session.pk]),
                       {"mentee_feedback": SCRIPT, "goals_progress": SCRIPT}).status_code \
        == 302
    # The session joins the leader's CPD record as an entry to write, started from their
    # own words: the form that writes it shows them.
    entry = CPDEntry.objects.get(user=w.leader, source_type="mentoring_booking",
                                 source_id=w.past_session.pk)
    shows_escaped(leader, reverse("cpd:edit", args=[entry.pk]))
    assert alice.post(reverse("events:feedback", args=[w.attended.reference]),
                      {"rating": "4", "most_useful": SCRIPT}).status_code == 302
    assert EventFeedback.objects.get(booking=w.attended).most_useful == SCRIPT
    assert alice.post(reverse("profile"), {"full_name": SCRIPT, "job_title": SCRIPT,
                                           "organisation": w.host.pk}).status_code == 302
    shows_escaped(alice, reverse("profile"))
    shows_escaped(staff, reverse("events_admin:capacity", args=[w.event.pk]))
