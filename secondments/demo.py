"""Demo content for secondments and mentoring; called by `seed_demo` after the Centre's
pages and people. Creates only what is missing, so a second run changes nothing."""

import datetime
import random

from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms import audit, roles
from cms.bank_holidays import working_day_on_or_after
from cms.demo import DEFAULT_PASSWORD, _child, _ensure_user, centre_day_on_or_after, rich
from secondments import services
from secondments.models import (
    ExpertiseArea,
    MentoringBooking,
    MentoringSlot,
    MentorProfile,
    SecondmentApplication,
    SecondmentIndexPage,
    SecondmentOpportunityPage,
)

Status = SecondmentApplication.Status

EXPERTISE = [
    "Leading restorative practice",
    "Family Group Conferences",
    "Motivational Interviewing",
    "Outcomes Based Accountability",
    "Leading a Front Door",
    "Improvement after an Ofsted inspection",
    "Early help and RES teams",
    "Adolescent services and edge of care",
    "Outcome Focused Supervision",
    "Rethink Formulation",
]

MENTORS = [
    # email, name, role, expertise, coaching, mentoring, biography
    ("mentor@example.org", "Margaret Holt", "Director of Children and Families",
     ["Leading restorative practice", "Improvement after an Ofsted inspection",
      "Outcome Focused Supervision"], True, True,
     "Margaret has led children's services through the council's improvement journey from "
     "a 2010 inadequate judgement to outstanding. She mentors aspiring directors and "
     "assistant directors on leading whole-system change with families at its heart."),
    ("chief.officer@example.org", "Daniel Osei", "Chief Officer, Children's Social Work Service",
     ["Leading a Front Door", "Improvement after an Ofsted inspection"], False, True,
     "Daniel runs social work across the city, including the Front Door and its duty and "
     "advice team. He supports leaders building a front door that has good conversations "
     "with families instead of passing them on."),
    ("sdm.east@example.org", "Rachel Green", "Service Delivery Manager, East North East",
     ["Early help and RES teams", "Rethink Formulation"], True, True,
     "Rachel manages the RES teams in the East North East, where the model began in the "
     "2gether cluster. She coaches managers joining up cluster early help and statutory "
     "social work."),
    ("sdm.south@example.org", "Imran Malik", "Service Delivery Manager, South",
     ["Early help and RES teams", "Outcomes Based Accountability"], False, True,
     "Imran leads social work and RES teams in the South (JESS and BCM/Morley) and uses "
     "Outcomes Based Accountability to keep services focused on attend, achieve and attain."),
    ("head.rp@example.org", "Joanne Carter", "Head of Restorative Practice",
     ["Leading restorative practice", "Family Group Conferences"], True, True,
     "Joanne leads the Family Group Conference service and the Centre's restorative practice "
     "programme: working with families, not doing to them or for them."),
    ("mi.coach@example.org", "Owen Hughes", "Motivational Interviewing coach",
     ["Motivational Interviewing"], True, False,
     "Owen trains and coaches practitioners and managers in Motivational Interviewing, with "
     "recorded practice and feedback."),
]

def _opportunities(today):
    start = today + datetime.timedelta(days=70)
    return [
        dict(
            slug="2gether-res-team", title="Restorative Early Support in the 2gether cluster",
            host_service="2gether RES team",
            summary="Work alongside the RES team where the model began: social workers, family "
                    "intervention workers and a restorative practice worker with the cluster's "
                    "schools.",
            what_you_will_do=rich(
                "Join the team's group supervision, where every Rethink Formulation and family "
                "plan is discussed; shadow conversations with schools and the Targeted Services "
                "Leader; take part in restorative meetings and a Family Group Conference."),
            what_you_will_learn=rich(
                "How a RES team brings social work closer to schools, works without a waiting "
                "list and reviews goals with families weekly; how it helps divert families "
                "away from statutory interventions."),
            start_date=start, end_date=start + datetime.timedelta(weeks=12),
            places=2, application_deadline=today + datetime.timedelta(days=35),
            eligibility=rich("Team managers and above in children's services in another "
                             "local authority, with their manager's endorsement."),
            location="2gether cluster, East North East Leeds",
            time_commitment="Two days a week for twelve weeks",
            contact_name="Rachel Green", contact_email="centre@example.org",
        ),
        dict(
            slug="restorative-adolescent-service",
            title="The Restorative Adolescent Service",
            host_service="Restorative Adolescent Service",
            summary="See how one holistic service supports adolescents across social work, "
                    "targeted services and learning, with Multi-Systemic Therapy and edge of "
                    "care work.",
            what_you_will_do=rich(
                "Spend time with the MST, edge of care and out of hours outreach teams, and "
                "with the clinical psychologists and speech and language therapists."),
            what_you_will_learn=rich(
                "How the service works with children's social work to support statutory "
                "duties, and how it reduces the number of adolescents needing to be looked "
                "after."),
            start_date=start + datetime.timedelta(days=14),
            end_date=start + datetime.timedelta(days=14, weeks=8),
            places=2, application_deadline=today + datetime.timedelta(days=42),
            eligibility=rich("Managers of adolescent, edge of care or youth services."),
            location="Leeds city centre and outreach across the city",
            time_commitment="Three days a week for eight weeks",
            contact_name="Sam Porter", contact_email="centre@example.org",
        ),
        dict(
            slug="front-door-duty-and-advice",
            title="The Front Door: duty and advice",
            host_service="Front Door duty and advice team",
            summary="Join the duty and advice team at the Front Door and see how conversations "
                    "with referrers lead to the right support at the right time.",
            what_you_will_do=rich(
                "Sit with duty and advice social workers, attend allocations panel and follow "
                "step-down conversations with the RES Team Managers."),
            what_you_will_learn=rich(
                "How the Front Door reduces re-referrals and repeated assessments, and how it "
                "refers directly to RES teams."),
            start_date=start, end_date=start + datetime.timedelta(weeks=6),
            places=1, application_deadline=today + datetime.timedelta(days=28),
            eligibility=rich("Front door, MASH or duty managers."),
            location="Merrion House, Leeds",
            time_commitment="Two days a week for six weeks",
            contact_name="Daniel Osei", contact_email="centre@example.org",
        ),
        dict(
            slug="rethink-formulation-practice",
            title="Rethink Formulation in practice",
            host_service="Rethink Team",
            summary="Learn the Leeds Practice Model's Rethink Formulation with the Rethink "
                    "Team and the RES teams who use it with every family.",
            what_you_will_do=rich(
                "Co-facilitate formulation sessions and group supervision; review how goals "
                "agreed with families become the plan."),
            what_you_will_learn=rich(
                "How to introduce formulation and Outcome Focused Supervision in your own "
                "authority."),
            start_date=today - datetime.timedelta(days=120),
            end_date=today - datetime.timedelta(days=36),
            places=3, application_deadline=today - datetime.timedelta(days=150),
            eligibility=rich("Practice leads and principal social workers."),
            location="Leeds, with some sessions online",
            time_commitment="One day a week for twelve weeks",
            contact_name="Sam Porter", contact_email="centre@example.org",
        ),
        dict(
            slug="centre-leadership-team", title="The Centre's leadership team",
            host_service="Centre for Excellence team",
            summary="Work with the Centre's leadership team on the improvement partner offer "
                    "to authorities judged inadequate or requiring improvement.",
            what_you_will_do=rich(
                "Take part in diagnostic visits, priority-setting with partner authorities and "
                "the programme's monitoring and evaluation."),
            what_you_will_learn=rich(
                "How sector-led improvement is agreed and delivered, and what it takes to "
                "lead it."),
            start_date=start + datetime.timedelta(days=30),
            end_date=start + datetime.timedelta(days=30, weeks=16),
            places=1, application_deadline=today + datetime.timedelta(days=56),
            eligibility=rich("Heads of service and assistant directors."),
            location="Leeds and partner authorities",
            time_commitment="One day a week for sixteen weeks",
            contact_name="Margaret Holt", contact_email="centre@example.org",
        ),
        dict(
            slug="2gether-res-team-spring-cohort",
            title="Restorative Early Support in the 2gether cluster (first cohort)",
            host_service="2gether RES team",
            summary="The first cohort of the RES team secondment, in the cluster where the "
                    "model began.",
            what_you_will_do=rich(
                "Join the team's group supervision; shadow conversations with schools and "
                "the Targeted Services Leader; co-work a family from first conversation to "
                "review."),
            what_you_will_learn=rich(
                "How referrals by conversation and weekly review of family goals work in "
                "practice, and what it takes to set up a RES team."),
            start_date=_working(today, -560), end_date=_working(today, -476),
            places=2, application_deadline=_working(today, -600),
            eligibility=rich("Team managers and above in children's services in another "
                             "local authority, with their manager's endorsement."),
            location="2gether cluster, East North East Leeds",
            time_commitment="Two days a week for twelve weeks",
            contact_name="Rachel Green", contact_email="centre@example.org",
        ),
        dict(
            slug="restorative-adolescent-service-first-cohort",
            title="The Restorative Adolescent Service (first cohort)",
            host_service="Restorative Adolescent Service",
            summary="The first cohort of the adolescent service secondment: MST, edge of care "
                    "and out of hours outreach.",
            what_you_will_do=rich(
                "Spend time with the MST and edge of care teams and join an out of hours "
                "outreach shift."),
            what_you_will_learn=rich(
                "How one holistic service for adolescents works alongside children's social "
                "work."),
            start_date=_working(today, -430), end_date=_working(today, -374),
            places=2, application_deadline=_working(today, -470),
            eligibility=rich("Managers of adolescent, edge of care or youth services."),
            location="Leeds city centre and outreach across the city",
            time_commitment="Three days a week for eight weeks",
            contact_name="Sophie Marsh", contact_email="centre@example.org",
        ),
    ]


def _working(today, days):
    return working_day_on_or_after(today + datetime.timedelta(days=days))


# opportunity slug, applicant email, final status, sponsor endorsed (None: not yet),
# days before the deadline they applied, what they wrote, the reasons given on the way.
APPLICATIONS = [
    ("2gether-res-team-spring-cohort", "leader10@example.org", Status.DECLINED, True, 15),
    ("2gether-res-team-spring-cohort", "leader6@example.org", Status.COMPLETED, True, 12),
    ("2gether-res-team-spring-cohort", "leader8@example.org", Status.COMPLETED, True, 5),
    ("2gether-res-team-spring-cohort", "leader3@example.org", Status.REJECTED, True, 9),
    ("restorative-adolescent-service-first-cohort", "leader4@example.org", Status.COMPLETED,
     True, 8),
    ("restorative-adolescent-service-first-cohort", "leader9@example.org", Status.WITHDRAWN,
     True, 20),
    ("rethink-formulation-practice", "leader5@example.org", Status.COMPLETED, True, 10),
    ("rethink-formulation-practice", "leader11@example.org", Status.DECLINED, True, 4),
    ("2gether-res-team", "leader2@example.org", Status.ACCEPTED, True, 30),
    ("2gether-res-team", "leader3@example.org", Status.OFFERED, True, 26),
    ("2gether-res-team", "leader7@example.org", Status.SUBMITTED, None, 22),
    ("restorative-adolescent-service", "leader5@example.org", Status.SHORTLISTED, True, 36),
    ("restorative-adolescent-service", "leader10@example.org", Status.SUBMITTED, True, 33),
    ("front-door-duty-and-advice", "leader9@example.org", Status.REJECTED, False, 20),
    ("front-door-duty-and-advice", "leader7@example.org", Status.WITHDRAWN, None, 24),
    ("centre-leadership-team", "leader@example.org", Status.SUBMITTED, None, 50),
]

# The path each demo application took to its state.
PATHS = {
    Status.SUBMITTED: [],
    Status.SHORTLISTED: [Status.SHORTLISTED],
    Status.OFFERED: [Status.SHORTLISTED, Status.OFFERED],
    Status.ACCEPTED: [Status.SHORTLISTED, Status.OFFERED, Status.ACCEPTED],
    Status.DECLINED: [Status.OFFERED, Status.DECLINED],
    Status.COMPLETED: [Status.SHORTLISTED, Status.OFFERED, Status.ACCEPTED, Status.COMPLETED],
    Status.REJECTED: [Status.REJECTED],
    Status.WITHDRAWN: [Status.WITHDRAWN],
}

# What each applicant wrote: (experience, learning goals, sponsor's name).
APPLICANT_TEXT = {
    "leader2@example.org": (
        "I manage an early help team of eight in a locality with high re-referral rates. We "
        "have started group supervision but it has become a case list.",
        "How a RES team works with schools without a referral form, and how weekly review of "
        "family goals is kept up.", "Janet Morris, Head of Early Help"),
    "leader3@example.org": (
        "Head of service for children in need since our Ofsted re-inspection. I lead four "
        "teams and our step-down arrangements with early help.",
        "How step-down from social work to RES teams works without families repeating their "
        "story.", "Andrew Collins, Assistant Director"),
    "leader4@example.org": (
        "Practice lead in our adolescent service; we have an edge of care team but no MST.",
        "How MST, edge of care and out of hours outreach fit together for adolescents.",
        "Sarah Bennett, Head of Service, Adolescents"),
    "leader5@example.org": (
        "Service manager for our front door. We are redesigning how schools contact us.",
        "How formulation and supervision could change the conversations our front door has "
        "with schools and families.", "Michael Turner, Assistant Director"),
    "leader6@example.org": (
        "Principal social worker, responsible for our practice framework after an inadequate "
        "judgement.",
        "What it takes to introduce a practice model across a whole workforce.",
        "Helen Baxter, Director of Children's Services"),
    "leader7@example.org": (
        "Interim assistant director covering early help and the front door.",
        "How Leeds agrees improvement priorities and builds leadership capacity.",
        "Robert Hill, Director of Children's Services"),
    "leader8@example.org": (
        "Head of early help; our clusters are new and schools are unsure of them.",
        "How clusters and RES teams share work, and how schools come to trust them.",
        "Karen Lloyd, Assistant Director, Early Help"),
    "leader9@example.org": (
        "Service manager for children looked after, leading our edge of care review.",
        "How the adolescent service keeps young people safely at home.",
        "David Shaw, Head of Service"),
    "leader10@example.org": (
        "Team manager in assessment; I want to move into early help management.",
        "How a social work Team Manager leads a multi-disciplinary RES team.",
        "Angela Price, Service Manager"),
    "leader11@example.org": (
        "Assistant director for early help in an authority judged requiring improvement.",
        "How Rethink Formulation is supported across teams and kept consistent.",
        "Paul Edwards, Director of Children's Services"),
    "leader@example.org": (
        "Aspiring service manager; I lead a locality team and our restorative practice "
        "champions group.",
        "How sector-led improvement is agreed and led, ahead of our own improvement work.",
        "Sally Sponsor, Head of Service"),
}

REASONS = {
    Status.SHORTLISTED: ["Clear learning goals and strong sponsor support.",
                         "Shortlisted: relevant leadership experience and a clear plan for "
                         "using the learning.",
                         "Good fit with the host team's work this term."],
    Status.OFFERED: ["Panel agreed an offer after interview.",
                     "Offered: strongest application for the adolescent service places.",
                     "Offer agreed with the host team manager.",
                     "Offered after a conversation with the sponsor about release time."],
    Status.ACCEPTED: ["Happy to accept; my director has agreed the release.",
                      "Accepted, thank you.", "Accepting: looking forward to starting."],
    Status.DECLINED: ["Our re-inspection has been announced and I cannot be released.",
                      "Declining with regret: a restructure at home means I am needed."],
    Status.REJECTED: ["This secondment needs front door management experience; please apply "
                      "for the RES secondment next round.",
                      "Places went to applicants with more direct early help experience; "
                      "we would welcome an application to the next cohort."],
    Status.WITHDRAWN: ["Could not be released by my authority this year.",
                       "Withdrawing: I have moved to a new post."],
}

OUTCOMES = {
    "leader6@example.org": "Completed all twelve weeks; introduced group supervision of "
                           "formulations in two teams at home.",
    "leader8@example.org": "Completed; has set up referral conversations between three "
                           "schools and their early help team.",
    "leader4@example.org": "Completed eight weeks; drafted a business case for an edge of "
                           "care outreach service.",
    "leader5@example.org": "Completed twelve weeks; the front door now uses a one-page "
                           "formulation for step-down conversations.",
}


def seed(stdout, context):
    home = context["home"]
    people = context["people"]
    today = timezone.localdate()
    index = _child(
        home, SecondmentIndexPage, "secondments",
        title="Secondments and mentoring",
        show_in_menus=True,
        introduction="Leadership development for aspiring leaders from other local "
                     "authorities: come to Leeds for a secondment, and book coaching and "
                     "mentoring with our senior officers.",
    )
    opportunities = {}
    for fields in _opportunities(today):
        for name in ("start_date", "end_date", "application_deadline"):
            fields[name] = centre_day_on_or_after(fields[name])
        created = not SecondmentOpportunityPage.objects.filter(slug=fields["slug"]).exists()
        opportunities[fields["slug"]] = _child(
            index, SecondmentOpportunityPage, fields["slug"],
            **{k: v for k, v in fields.items() if k != "slug"},
        )
        if created and fields["end_date"] < today:
            # A finished cohort is kept (its applications refer to it) but not listed.
            opportunities[fields["slug"]].unpublish()
    staff = people["staff@example.org"]
    for slug, email, status, endorsed, days_before in APPLICATIONS:
        _seed_application(opportunities[slug], people[email], status, endorsed, days_before,
                          staff, today)
    mentors = _seed_mentors(context)
    _seed_slots_and_bookings(mentors, people)
    stdout.write(f"Secondments: {len(opportunities)} opportunities, {len(mentors)} mentors.\n")


def _seed_application(opportunity, applicant, status, endorsed, days_before, staff, today):
    """Apply and move the application along its path through the rules in
    `secondments.services`, then date each step back to when it happened."""
    if SecondmentApplication.objects.filter(opportunity=opportunity, applicant=applicant).exists():
        return
    experience, goals, sponsor = APPLICANT_TEXT[applicant.email]
    deadline = opportunity.application_deadline
    applied_on = min(deadline - datetime.timedelta(days=days_before),
                     today - datetime.timedelta(days=3))
    application = services.submit_application(
        opportunity, applicant, current_role=applicant.job_title, experience=experience,
        learning_goals=goals, sponsor_name=sponsor,
        sponsor_email=f"{sponsor.split(',')[0].lower().replace(' ', '.')}@partner.example.org",
        today=applied_on)
    rng = random.Random(applicant.email + opportunity.slug)
    if endorsed is not None:
        services.record_sponsor_decision(
            application, endorsed=endorsed,
            comment="I fully support this; the learning matters to our improvement plan."
            if endorsed else "Not this year: we cannot release a manager during our "
                             "re-inspection.")
    for step in PATHS[status]:
        actor = applicant if step in (Status.ACCEPTED, Status.DECLINED, Status.WITHDRAWN) \
            else staff
        reason = rng.choice(REASONS.get(step, [""]))
        if step == Status.COMPLETED:
            services.complete_secondment(application, staff, OUTCOMES[applicant.email])
        elif step == Status.OFFERED:
            # Offered once the closing date had passed (the demo dates it back so); staff
            # confirmed any warning the rule gives.
            decided = min(max(deadline, applied_on) + datetime.timedelta(days=3), today)
            services.offer_place(application, staff, reason, confirmed=True, today=decided)
        else:
            action = {Status.SHORTLISTED: services.shortlist_application,
                      Status.ACCEPTED: services.accept_offer,
                      Status.DECLINED: services.decline_offer,
                      Status.REJECTED: services.reject_application,
                      Status.WITHDRAWN: services.withdraw_application}[step]
            action(application, actor, reason)
    _date_back(application, opportunity, applied_on, status, today)


def _date_back(application, opportunity, applied_on, status, today):
    """Submitted on `applied_on`; the sponsor answered two days later; decisions came after
    the deadline, a week apart; a completed secondment ended on its end date."""
    tz = timezone.get_current_timezone()

    def at(day, hour):
        day = min(working_day_on_or_after(day), today)
        return datetime.datetime.combine(day, datetime.time(hour, 15 + application.pk % 40),
                                         tz)

    submitted = at(applied_on, 10)
    decisions = max(opportunity.application_deadline, applied_on) + datetime.timedelta(days=3)
    history = list(audit.history_of(application).order_by("pk"))
    step = 0
    last = submitted
    for row in history:
        if row.data.get("to_status") == Status.SUBMITTED:
            when = submitted
        elif row.action.startswith("secondments.application.sponsor_"):
            when = at(applied_on + datetime.timedelta(days=2), 16)
            SecondmentApplication.objects.filter(pk=application.pk).update(
                sponsor_decided_at=when)
        elif row.data.get("to_status") == Status.COMPLETED:
            when = at(opportunity.end_date, 15)
        else:
            when = at(min(decisions + datetime.timedelta(days=7 * step),
                          today - datetime.timedelta(days=1)), 11)
            step += 1
        ModelLogEntry.objects.filter(pk=row.pk).update(timestamp=when)
        last = max(last, when)
    SecondmentApplication.objects.filter(pk=application.pk).update(
        created_at=submitted, updated_at=last)


def _seed_mentors(context):
    host = context["host"]
    areas = {}
    for name in EXPERTISE:
        from django.utils.text import slugify

        areas[name], _ = ExpertiseArea.objects.get_or_create(
            slug=slugify(name), defaults={"name": name}
        )
    profiles = []
    for email, name, role, expertise, coaching, mentoring, biography in MENTORS:
        user = context["people"].get(email)
        if user is None:
            user, _ = _ensure_user(email, name, role, host, None,
                                   [roles.PRACTITIONERS, roles.MENTORS], DEFAULT_PASSWORD)
        profile, created = MentorProfile.objects.get_or_create(
            user=user,
            defaults={"role": role, "biography": biography, "offers_coaching": coaching,
                      "offers_mentoring": mentoring},
        )
        if created:
            profile.expertise.add(*[areas[a] for a in expertise])
        profiles.append(profile)
    return profiles



# Each mentor's usual slot: (weekday, hour, minute, minutes long).
MENTOR_HOURS = [(1, 10, 0, 60), (3, 14, 0, 60), (0, 9, 30, 60), (2, 15, 0, 45),
                (4, 10, 30, 60), (1, 13, 0, 90)]

# What mentees wanted from sessions, per mentee; they come back to the same themes.
GOALS = {
    "leader2@example.org": ["Plan how to turn our group supervision back into a discussion "
                            "of formulations.",
                            "Talk through resistance from two experienced social workers.",
                            "Prepare for my RES secondment: what to look for."],
    "leader3@example.org": ["How to make step-down feel seamless for families.",
                            "Preparing my service for a focused visit."],
    "leader4@example.org": ["Build the case for edge of care outreach at home.",
                            "Working with our youth justice service on exploitation."],
    "leader5@example.org": ["Redesigning how schools contact our front door.",
                            "Introducing one-page formulations at the front door."],
    "leader6@example.org": ["Introducing a practice model after an inadequate judgement.",
                            "Keeping practice improvement going when leaders change."],
    "leader7@example.org": ["Setting improvement priorities in my first 100 days.",
                            "Working with the DfE adviser."],
    "leader8@example.org": ["Getting head teachers to trust our new clusters.",
                            "Measuring whether anyone is better off in early help."],
    "leader9@example.org": ["Safely reducing the number of teenagers coming into care."],
    "leader10@example.org": ["Moving from assessment into early help management."],
    "leader11@example.org": ["Using OBA to agree priorities with partners.",
                             "Supporting managers to lead restorative practice."],
}

# What mentees said afterwards: (feedback, progress towards my goals). Each used once.
FEEDBACK = [
    ("Margaret asked what I would stop doing, not only start. Nobody has asked me that.",
     "Stopped the weekly performance meeting; replaced it with a fortnightly group "
     "supervision pilot."),
    ("Very practical on how to brief elected members about a practice model.",
     "Briefed our lead member; she has asked to sit in on group supervision."),
    ("Helpful challenge about whether my plan was about the workforce or about children.",
     "Rewrote the plan's measures as 'is anyone better off' measures."),
    ("We went through my actual diary. Uncomfortable and useful.",
     "Blocked two afternoons a month for practice observation."),
    ("Good advice on how to handle a sceptical head teachers' forum.",
     "Got a slot at the forum in March."),
    ("Daniel was honest about what went wrong when Leeds changed its front door.",
     "Changed our consultation line script to start with 'tell me about the family'."),
    ("It helped to hear that the first year of a RES team is messy everywhere.",
     "Agreed realistic first-year measures with my director."),
    ("Clear and kind. I left with three things to do, not thirty.",
     "Done two of the three; the third is waiting on HR."),
    ("Rachel showed me the 2gether team's supervision notes. I had never seen it written "
     "down like that.", "Started recording supervision against family goals."),
    ("Useful on making the case for clinical psychology in an adolescent service.",
     "Business case submitted to our finance board."),
    ("Imran's turn-the-curve example was exactly the level of detail I needed.",
     "Ran our first turn-the-curve session on re-referrals."),
    ("A good session, though we ran out of time on the budget question.",
     "Booked a follow-up to cover the budget."),
    ("Joanne's stories about FGC coordinators finding relatives were moving and practical.",
     "Our FGC service now asks every child who they would invite."),
    ("Coaching rather than advice, which I needed.",
     "Decided to apply for the service manager post."),
    ("Owen's feedback on my recorded conversation was sharp and generous.",
     "Using more reflections in supervision; my team have noticed."),
    ("I came wanting answers and left with better questions.",
     "Took the questions to our leadership away day."),
    ("Helpful on the politics of improvement after a poor judgement.",
     "Agreed a shared message about improvement with the lead member."),
    ("Practical on what a diagnostic visit looks like from the inside.",
     "Drafted our own self-assessment before the partner visit."),
    ("Margaret's view on when to hold firm and when to let a change go was invaluable.",
     "Let one initiative go; protected the one that matters."),
    ("Good on what group supervision needs to feel safe.",
     "Introduced a 'what I got wrong this week' round."),
    ("Felt rushed; the video kept dropping.",
     "We will pick it up at the next session."),
    ("Honest about the cost of RES teams and what they save.",
     "Shared the cost model with our finance lead."),
    ("Clear on how to involve schools in the design, not just consult them.",
     "Two head teachers joined our design group."),
    ("Helped me see my own righting reflex as a manager.",
     "Asking more and telling less in one-to-ones."),
]

# The demo mentor's private notes on the sessions held with her.
MENTOR_NOTES = [
    "Strong on vision, less sure on sequencing. Next: the first 90 days in detail.",
    "Worried about the lead member. Suggested inviting her to group supervision.",
    "Good progress on measures. Challenge next time: what will she stop doing?",
    "Tired; the re-inspection is weighing on her. Kept it short and practical.",
    "Has let go of the performance meeting. Talked about handling the backlash.",
    "Ready to apply for the service manager post. Offered to read her application.",
    "Still describing the plan as training. Pushed on what changes for children.",
    "Brought a real case; useful discussion about drift.",
    "Asked about our own mistakes in 2010 to 2012. Shared the early lessons.",
    "Next session: the business case and who needs to see it first.",
]


MENTOR_FIRST_NAMES = {"Margaret", "Daniel", "Rachel", "Imran", "Joanne", "Owen"}


def _feedback_for(feedback, first_name):
    """The next unused feedback that names this mentor, or else names nobody: a mentee
    never thanks one mentor for another's session."""
    def named(text):
        return {n for n in MENTOR_FIRST_NAMES if n in text}

    for entry in feedback:
        if named(entry[0]) == {first_name}:
            return entry
    return next((entry for entry in feedback if not named(entry[0])), None)


def _seed_slots_and_bookings(mentors, people):
    """Each mentor's usual slot, every three weeks, from seventeen months ago to two months
    ahead, always on a working day. About half of the past slots were booked by aspiring
    leaders from partner authorities; most of those were held, some with feedback."""
    from cms.bank_holidays import is_working_day
    from cms.demo import DEMO_LEADERS, in_christmas_break, joined_network, took_part

    joined = joined_network()

    now = timezone.now()
    today = timezone.localdate()
    tz = timezone.get_current_timezone()
    mentees = [people[e] for e, *_ in DEMO_LEADERS if e in people]
    feedback = [f for f in FEEDBACK]
    notes = list(MENTOR_NOTES)
    for index, mentor in enumerate(mentors):
        if mentor.slots.exists():
            continue
        weekday, hour, minute, minutes = MENTOR_HOURS[index % len(MENTOR_HOURS)]
        monday = today - datetime.timedelta(days=today.weekday())
        slots = []
        for week in range(-75, 10, 3):
            day = monday + datetime.timedelta(weeks=week, days=weekday)
            if not is_working_day(day) or in_christmas_break(day):
                continue  # the mentor is off: no slot that week
            start = datetime.datetime.combine(day, datetime.time(hour, minute), tz)
            in_person = week % 2 == 0
            slots.append(MentoringSlot(
                mentor=mentor, starts_at=start,
                ends_at=start + datetime.timedelta(minutes=minutes),
                mode=MentoringSlot.Mode.IN_PERSON if in_person else MentoringSlot.Mode.VIDEO,
                location="Merrion House, 110 Merrion Centre, Leeds" if in_person else "",
                video_link="" if in_person else f"https://video.example.org/mentor-{mentor.pk}",
            ))
        MentoringSlot.objects.bulk_create(slots)
        MentoringSlot.objects.filter(mentor=mentor).update(
            created_at=slots[0].starts_at - datetime.timedelta(days=30))
        rng = random.Random(mentor.user.email)
        upcoming = 0
        for slot in mentor.slots.order_by("starts_at"):
            is_past = slot.ends_at <= now
            if is_past and rng.random() > 0.55:
                continue
            if not is_past and (upcoming >= 2 or slot.starts_at < now + datetime.timedelta(
                    days=2) or rng.random() > 0.4):
                continue
            able = [m for m in mentees if took_part(m, slot.starts_at - datetime.timedelta(
                days=30), joined)]
            if not able:
                continue
            mentee = rng.choice(able)
            goals = rng.choice(GOALS.get(mentee.email, ["Talk through my development plan."]))
            booked_at = slot.starts_at - datetime.timedelta(days=rng.randint(6, 25))
            booking = MentoringBooking.objects.create(slot=slot, mentee=mentee, goals=goals)
            history = [("booked", "", MentoringBooking.Status.BOOKED, goals,
                        mentee, booked_at)]
            if not is_past:
                upcoming += 1
            else:
                roll = rng.random()
                if roll < 0.08:
                    status, action = MentoringBooking.Status.CANCELLED, "cancelled"
                    booking.cancelled_at = slot.starts_at - datetime.timedelta(days=2)
                    booking.cancel_reason = "Called to an urgent strategy meeting."
                    history.append((action, MentoringBooking.Status.BOOKED, status,
                                    booking.cancel_reason, mentee, booking.cancelled_at))
                elif roll < 0.15:
                    status = MentoringBooking.Status.NOT_HELD
                    booking.outcome_recorded_at = slot.ends_at
                    history.append(("not_held", MentoringBooking.Status.BOOKED,
                                    status, "", mentor.user, slot.ends_at))
                else:
                    status = MentoringBooking.Status.HELD
                    booking.outcome_recorded_at = slot.ends_at + datetime.timedelta(hours=2)
                    if mentor.user.email == "mentor@example.org" and notes:
                        booking.mentor_notes = notes.pop(0)
                    history.append(("held", MentoringBooking.Status.BOOKED,
                                    status, "", mentor.user, booking.outcome_recorded_at))
                    said = _feedback_for(feedback, mentor.user.full_name.split()[0])
                    if said and rng.random() < 0.6:
                        feedback.remove(said)
                        booking.mentee_feedback, booking.goals_progress = said
                        booking.feedback_at = slot.ends_at + datetime.timedelta(days=1)
                booking.status = status
                booking.save()
            for action, from_status, to_status, reason, actor, at in history:
                audit.record(booking, f"secondments.mentoring.{action}", actor=actor,
                             from_status=from_status, to_status=to_status, reason=reason,
                             timestamp=at)
            MentoringBooking.objects.filter(pk=booking.pk).update(created_at=booked_at)
