"""Demo content for secondments and mentoring; called by `seed_demo` after the Centre's
pages and people. Creates only what is missing, so a second run changes nothing."""

import datetime

from django.utils import timezone

from cms import roles
from cms.demo import DEFAULT_PASSWORD, _child, _ensure_user, rich
from secondments.models import (
    ApplicationHistory,
    ExpertiseArea,
    MentoringBooking,
    MentoringBookingHistory,
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

VISITING_LEADERS = [
    # email, name, job title, index into context["partners"]
    ("leader2@example.org", "Nadia Hussain", "Team manager, early help", 1),
    ("leader3@example.org", "Peter Walsh", "Head of service, children in need", 2),
    ("leader4@example.org", "Claire Dobson", "Practice lead, adolescent service", 3),
    ("leader5@example.org", "Femi Adeyemi", "Service manager, front door", 4),
    ("leader6@example.org", "Laura Price", "Principal social worker", 0),
    ("leader7@example.org", "Gareth Jones", "Assistant director (interim)", 4),
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
    ]


# opportunity slug, applicant email, status, sponsor decision
APPLICATIONS = [
    ("2gether-res-team", "leader2@example.org", Status.ACCEPTED, "endorsed"),
    ("2gether-res-team", "leader3@example.org", Status.OFFERED, "endorsed"),
    ("2gether-res-team", "leader4@example.org", Status.SUBMITTED, "pending"),
    ("restorative-adolescent-service", "leader5@example.org", Status.SHORTLISTED, "endorsed"),
    ("restorative-adolescent-service", "leader7@example.org", Status.SUBMITTED, "endorsed"),
    ("front-door-duty-and-advice", "leader6@example.org", Status.REJECTED, "declined"),
    ("front-door-duty-and-advice", "leader7@example.org", Status.WITHDRAWN, "pending"),
    ("rethink-formulation-practice", "leader6@example.org", Status.COMPLETED, "endorsed"),
    ("rethink-formulation-practice", "leader5@example.org", Status.DECLINED, "endorsed"),
    ("centre-leadership-team", "leader@example.org", Status.SUBMITTED, "pending"),
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
REASONS = {
    Status.SHORTLISTED: "Clear learning goals and strong sponsor support.",
    Status.OFFERED: "Panel agreed an offer.",
    Status.REJECTED: "This secondment needs front door management experience; please apply "
                     "for the RES secondment next round.",
    Status.COMPLETED: "Completed all twelve weeks; introduced formulation in two teams at home.",
    Status.WITHDRAWN: "Could not be released by my authority this year.",
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
        opportunities[fields["slug"]] = _child(
            index, SecondmentOpportunityPage, fields["slug"],
            **{k: v for k, v in fields.items() if k != "slug"},
        )
    leaders = _seed_leaders(context)
    leaders["leader@example.org"] = people["leader@example.org"]
    staff = people["staff@example.org"]
    for slug, email, status, sponsor in APPLICATIONS:
        _seed_application(opportunities[slug], leaders[email], status, sponsor, staff)
    mentors = _seed_mentors(context)
    _seed_slots_and_bookings(mentors, leaders)
    stdout.write(f"Secondments: {len(opportunities)} opportunities, {len(mentors)} mentors.\n")


def _seed_leaders(context):
    leaders = {}
    partners = context["partners"]
    for email, name, title, partner_index in VISITING_LEADERS:
        leaders[email], _ = _ensure_user(
            email, name, title, partners[partner_index % len(partners)], None,
            [roles.VISITING_LEADERS], DEFAULT_PASSWORD,
        )
    return leaders


def _seed_application(opportunity, applicant, status, sponsor_decision, staff):
    if SecondmentApplication.objects.filter(opportunity=opportunity, applicant=applicant).exists():
        return
    first = applicant.full_name.split()[0]
    application = SecondmentApplication.objects.create(
        opportunity=opportunity,
        opportunity_title=opportunity.title,
        applicant=applicant,
        organisation_name=applicant.organisation.name if applicant.organisation else "",
        current_role=applicant.job_title,
        experience=f"{first} has led a team through a period of change after an Ofsted "
                   "inspection and introduced group supervision.",
        learning_goals="How restorative practice works across early help and social work, "
                       "and how to lead its introduction at home.",
        sponsor_name="Director of Children's Services",
        sponsor_email=f"dcs.{applicant.pk}@partner.example.org",
        sponsor_decision=sponsor_decision,
        sponsor_decided_at=timezone.now() if sponsor_decision != "pending" else None,
        sponsor_comment="Strongly support." if sponsor_decision == "endorsed" else "",
        status=status,
        outcome=REASONS[Status.COMPLETED] if status == Status.COMPLETED else "",
    )
    ApplicationHistory.objects.create(
        application=application, actor=applicant, actor_label=applicant.get_full_name(),
        action="secondment.submitted", to_status=Status.SUBMITTED,
    )
    previous = Status.SUBMITTED
    for step in PATHS[status]:
        actor = applicant if step in (Status.ACCEPTED, Status.DECLINED, Status.WITHDRAWN) \
            else staff
        ApplicationHistory.objects.create(
            application=application, actor=actor, actor_label=actor.get_full_name(),
            action=f"secondment.{step}", from_status=previous, to_status=step,
            reason=REASONS.get(step, ""),
        )
        previous = step


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


def _seed_slots_and_bookings(mentors, leaders):
    now = timezone.localtime()
    monday = (now - datetime.timedelta(days=now.weekday())).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    for index, mentor in enumerate(mentors):
        if mentor.slots.exists():
            continue
        day = index % 5
        hour = 10 if index % 2 == 0 else 14
        slots = []
        for week in range(-2, 6):
            naive = (monday + datetime.timedelta(weeks=week, days=day)).replace(
                tzinfo=None, hour=hour
            )
            start = timezone.make_aware(naive)
            in_person = week % 2 == 0
            slots.append(MentoringSlot(
                mentor=mentor, starts_at=start, ends_at=start + datetime.timedelta(hours=1),
                mode=MentoringSlot.Mode.IN_PERSON if in_person else MentoringSlot.Mode.VIDEO,
                location="Merrion House, 110 Merrion Centre, Leeds" if in_person else "",
                video_link="" if in_person else f"https://video.example.org/mentor-{mentor.pk}",
            ))
        MentoringSlot.objects.bulk_create(slots)
        _seed_bookings(mentor, leaders, index)


def _seed_bookings(mentor, leaders, index):
    now = timezone.now()
    slots = list(mentor.slots.order_by("starts_at"))
    past = [s for s in slots if s.ends_at <= now]
    future = [s for s in slots if s.starts_at > now + datetime.timedelta(days=2)]
    mentees = [leaders[e] for e in ("leader2@example.org", "leader3@example.org",
                                    "leader6@example.org")]
    mentee = mentees[index % len(mentees)]
    goals = "Prepare to lead the introduction of restorative practice in my service."
    # One held session with notes and feedback, one awaiting the mentor's record.
    if past:
        booking = MentoringBooking.objects.create(
            slot=past[0], mentee=mentee, goals=goals, status=MentoringBooking.Status.HELD,
            mentor_notes="Good grasp of the model; next time: planning the first team "
                         "briefing.",
            outcome_recorded_at=past[0].ends_at,
            mentee_feedback="Practical and encouraging.",
            goals_progress="Drafted a one-page plan for my leadership team.",
            feedback_at=past[0].ends_at,
        )
        _booked(booking, mentee)
    if len(past) > 1:
        _booked(MentoringBooking.objects.create(slot=past[1], mentee=mentee, goals=goals),
                mentee)
    # Some upcoming sessions booked, the rest open.
    if future and index % 2 == 0:
        other = mentees[(index + 1) % len(mentees)]
        _booked(MentoringBooking.objects.create(
            slot=future[0], mentee=other,
            goals="Talk through how to set up a duty and advice function."), other)


def _booked(booking, mentee):
    MentoringBookingHistory.objects.create(
        booking=booking, actor=mentee, action="mentoring.booked", to_status="booked",
        reason=booking.goals,
    )
