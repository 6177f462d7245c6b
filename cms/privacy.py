"""Personal data: what each person can download about themselves, and erasure.

Each app says what it holds about a person (`export_for(user)` -> JSON-able dict) and how
to forget them (`erase_for(user)`), registered through the `register_personal_data` hook
(cms.registry.PersonalData). Erasure
keeps the rows that figures are counted from (bookings, completions) but removes what
identifies the person; certificates already issued still verify, as issued.
"""

import datetime

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone


def _providers():
    from cms import registry

    return registry.personal_data()


def export_for(user):
    """Everything the platform holds about the person, as JSON-able data."""
    data = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "job_title": user.job_title,
            "organisation": str(user.organisation) if user.organisation else None,
            "team": str(user.team) if user.team else None,
            "roles": sorted(user.groups.values_list("name", flat=True)),
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "email_addresses": list(
                EmailAddress.objects.filter(user=user).values("email", "verified", "primary")
            ),
            "two_factor_methods": sorted(
                Authenticator.objects.filter(user=user).values_list("type", flat=True)
            ),
        },
    }
    for provider in _providers():
        data[provider.name] = provider.export_for(user)
    return data


@transaction.atomic
def erase_account(user):
    """Forget a person: remove or anonymise their personal data and close the account.
    Learning and booking records stay (without the person) so reports stay right."""
    from cms import audit

    for provider in _providers():
        provider.erase_for(user)
    audit.forget_actor(user)
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.email = f"erased-{user.pk}@invalid.example"
    user.full_name = "Erased user"
    user.job_title = ""
    user.team = None
    user.calendar_token = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.erased_at = timezone.now()
    user.save()
    user.groups.clear()
    _end_sessions(user)


def _end_sessions(user):
    # Sessions are signed blobs; end any that belong to this person.
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()


def purge_expired(now=None):
    """Apply the retention rules. Returns a dict of what was done, for the command to print."""
    from cms.models import User

    now = now or timezone.now()
    done = {}
    unverified_before = now - datetime.timedelta(days=settings.UNVERIFIED_ACCOUNT_RETENTION_DAYS)
    never_verified = (
        User.objects.filter(date_joined__lt=unverified_before, erased_at__isnull=True,
                            last_login__isnull=True)
        .exclude(emailaddress__verified=True)
        .exclude(is_superuser=True)
    )
    done["unverified accounts deleted"] = never_verified.count()
    never_verified.delete()

    inactive_before = now - datetime.timedelta(days=365 * settings.INACTIVE_ACCOUNT_RETENTION_YEARS)
    inactive = User.objects.filter(
        erased_at__isnull=True, is_superuser=False, last_login__lt=inactive_before
    )
    count = 0
    for user in inactive.iterator():
        erase_account(user)
        count += 1
    done["inactive accounts anonymised"] = count

    for provider in _providers():
        if provider.purge_expired is not None:
            done.update(provider.purge_expired(now))
    return done
