"""Rules about people, organisations and roles.

Privilege is granted, never taken: a person joins a partner organisation by saying so (its
people are visiting leaders), but joins the host authority (whose people are practitioners
and may book host-only events) only with a confirmed email address on one of its domains,
or when Centre staff approve; and joins a team only when its manager or staff approve."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from cms import roles
from cms.models import Organisation, OrganisationMembershipRequest, TeamMembershipRequest, User
from cms.roles import role_for_organisation


class MembershipError(Exception):
    """A membership rule refused the change; the message says why, for the person."""


def confirmed_addresses(user):
    return list(EmailAddress.objects.filter(user=user, verified=True)
                .values_list("email", flat=True))


def _owns_an_address(user, organisation):
    return any(organisation.owns_address(email) for email in confirmed_addresses(user))


def recompute_roles(user):
    """Practitioner for the host authority's people, visiting leader for anyone else's;
    neither while a request to join the host authority waits for staff."""
    waiting = user.organisation is None and OrganisationMembershipRequest.objects.filter(
        user=user, status=OrganisationMembershipRequest.Status.PENDING).exists()
    wanted = None if waiting else role_for_organisation(user.organisation)
    for name in (roles.PRACTITIONERS, roles.VISITING_LEADERS):
        group = Group.objects.get(name=name)
        if name == wanted:
            user.groups.add(group)
        else:
            user.groups.remove(group)


def _move(user, organisation):
    user.organisation = organisation
    fields = ["organisation"]
    if user.team_id and user.team.organisation_id != organisation.pk:
        user.team = None
        fields.append("team")
    user.save(update_fields=fields)
    OrganisationMembershipRequest.objects.filter(
        user=user, status=OrganisationMembershipRequest.Status.PENDING).exclude(
        organisation=organisation).delete()
    TeamMembershipRequest.objects.filter(
        user=user, status=TeamMembershipRequest.Status.PENDING).exclude(
        team__organisation=organisation).delete()
    recompute_roles(user)


@transaction.atomic
def join_organisation(user, organisation):
    """Move the person to `organisation` if the rule allows it now; otherwise leave them
    where they are with a request for staff. Returns True when they moved."""
    if organisation.pk == user.organisation_id:
        return True
    if organisation.is_host_authority and not _owns_an_address(user, organisation):
        OrganisationMembershipRequest.objects.filter(
            user=user, status=OrganisationMembershipRequest.Status.PENDING).exclude(
            organisation=organisation).delete()
        OrganisationMembershipRequest.objects.get_or_create(
            user=user, organisation=organisation,
            status=OrganisationMembershipRequest.Status.PENDING)
        recompute_roles(user)
        return False
    _move(user, organisation)
    return True


def name_organisation(name):
    """'My organisation is not listed': a listed one of that name, or a new one that waits
    for staff to confirm it (never the host authority)."""
    name = " ".join(name.split())
    existing = Organisation.objects.filter(name__iexact=name).first()
    if existing is not None:
        return existing
    return Organisation.objects.create(name=name, kind=Organisation.Kind.OTHER,
                                       is_confirmed=False)


@transaction.atomic
def complete_signup(user, *, full_name, job_title, organisation):
    """A new account belongs to an organisation, and that decides its first role (the host
    authority's once the address is confirmed or staff approve)."""
    user.full_name = full_name
    user.job_title = job_title
    user.save(update_fields=["full_name", "job_title"])
    join_organisation(user, organisation)


def confirm_membership_by_address(sender=None, request=None, email_address=None, **kwargs):
    """Receiver of allauth's `email_confirmed`: a confirmed address on the domains of the
    organisation the person asked to join lets them in without waiting for staff."""
    user = email_address.user
    pending = OrganisationMembershipRequest.objects.filter(
        user=user, status=OrganisationMembershipRequest.Status.PENDING).select_related(
        "organisation").first()
    if pending and pending.organisation.owns_address(email_address.email):
        with transaction.atomic():
            _decide(pending, None, approve=True)
            _move(user, pending.organisation)


def _decide(membership_request, by, approve):
    membership_request.status = (membership_request.Status.APPROVED if approve
                                 else membership_request.Status.DECLINED)
    membership_request.decided_by = by
    membership_request.decided_at = timezone.now()
    membership_request.save(update_fields=["status", "decided_by", "decided_at"])


def can_decide(user, membership_request):
    """Staff decide every request; a team's managers decide their team's."""
    if roles.is_centre_staff(user):
        return True
    return isinstance(membership_request, TeamMembershipRequest) and \
        membership_request.team.managers.filter(pk=user.pk).exists()


@transaction.atomic
def decide_membership_request(membership_request, by, *, approve):
    model = type(membership_request)
    membership_request = model.objects.select_for_update().get(pk=membership_request.pk)
    if not can_decide(by, membership_request):
        raise MembershipError("You cannot decide this request.")
    if not membership_request.is_pending:
        raise MembershipError("This request has already been decided.")
    _decide(membership_request, by, approve)
    user = User.objects.select_for_update().get(pk=membership_request.user_id)
    if isinstance(membership_request, OrganisationMembershipRequest):
        if approve:
            _move(user, membership_request.organisation)
        else:
            recompute_roles(user)
    elif approve:
        if membership_request.team.organisation_id != user.organisation_id:
            raise MembershipError("This person no longer belongs to the team's organisation.")
        user.team = membership_request.team
        user.save(update_fields=["team"])
    return membership_request


@transaction.atomic
def request_team(user, team):
    """Ask to join a team of one's own organisation; its manager or staff decide.
    `None` leaves the current team at once (leaving needs nobody's approval)."""
    TeamMembershipRequest.objects.filter(
        user=user, status=TeamMembershipRequest.Status.PENDING).delete()
    if team is None:
        if user.team_id:
            user.team = None
            user.save(update_fields=["team"])
        return None
    if team.pk == user.team_id:
        return None
    if team.organisation_id != user.organisation_id:
        raise MembershipError("Choose a team in your organisation, or no team.")
    return TeamMembershipRequest.objects.create(user=user, team=team)


@transaction.atomic
def update_profile(user, form):
    """Save a profile. A new organisation or team is joined by the same rules as at sign-up:
    at once where the rule allows, else by a request someone decides. Returns what waits."""
    profile = form.save()
    waiting = []
    organisation = form.cleaned_data.get("organisation")
    if organisation is not None and organisation.pk != profile.organisation_id:
        if not join_organisation(profile, organisation):
            waiting.append(f"Your request to join {organisation} waits for the Centre "
                           "to confirm it.")
    if "team" in form.cleaned_data:
        team = form.cleaned_data["team"]
        try:
            if team is None or team.organisation_id == profile.organisation_id:
                if request_team(profile, team) is not None:
                    waiting.append(f"Your request to join {team} waits for its manager.")
        except MembershipError as error:
            waiting.append(str(error))
    return waiting

