"""Factories shared by every app's tests."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from cms import roles
from cms.models import Organisation, Team, User

PASSWORD = "correct-horse-battery-staple"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Partner Authority {n}")
    kind = Organisation.Kind.LOCAL_AUTHORITY


class HostOrganisationFactory(OrganisationFactory):
    name = "Host City Council"
    is_host_authority = True
    email_domains = "example.org"


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Team {n}")
    organisation = factory.SubFactory(HostOrganisationFactory)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    job_title = "Social worker"
    organisation = factory.SubFactory(HostOrganisationFactory)

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])
            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))


def practitioner(**kwargs):
    return UserFactory(roles=[roles.PRACTITIONERS], **kwargs)


def visiting_leader(**kwargs):
    kwargs.setdefault("organisation", OrganisationFactory())
    return UserFactory(roles=[roles.VISITING_LEADERS], **kwargs)


def mentor(**kwargs):
    return UserFactory(roles=[roles.PRACTITIONERS, roles.MENTORS], **kwargs)


def team_manager(team, **kwargs):
    user = UserFactory(roles=[roles.PRACTITIONERS, roles.TEAM_MANAGERS], team=team,
                       organisation=team.organisation, **kwargs)
    team.managers.add(user)
    return user


def centre_staff(with_totp=True, **kwargs):
    user = UserFactory(roles=[roles.PRACTITIONERS, roles.CENTRE_STAFF], **kwargs)
    if with_totp:
        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

        TOTP.activate(user, generate_totp_secret())
    return user


def record_sign_in(client, user, mfa):
    """Write into a test client's session what allauth's sign-in records: a password, and
    the authenticator's code when `mfa` (the records cms.access reads)."""
    import time

    from allauth.account.internal.flows.login import (
        _AUTHENTICATION_METHODS_USER_SESSION_KEY,
        AUTHENTICATION_METHODS_SESSION_KEY,
    )
    from allauth.account.internal.userkit import user_id_to_str

    records = [{"method": "password", "at": time.time(), "email": user.email}]
    if mfa:
        records.append({"method": "mfa", "at": time.time(), "type": "totp"})
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = user_id_to_str(user)
    session.save()


def totp_code(user, seconds_needed=8):
    """The user's current authenticator code, still valid `seconds_needed` from now.

    allauth accepts only the current 30-second window's code, so a code read in the last
    moments of a window fails when it arrives in the next; wait for a fresh window instead.
    """
    import time

    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
    from allauth.mfa.utils import decrypt

    left = 30 - time.time() % 30
    if left < seconds_needed:
        time.sleep(left + 0.1)
    secret = decrypt(Authenticator.objects.get(user=user, type="totp").data["secret"])
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))
