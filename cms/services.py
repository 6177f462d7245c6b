"""Rules about people, organisations and roles."""

from django.contrib.auth.models import Group
from django.db import transaction

from cms.models import User
from cms.roles import role_for_organisation


@transaction.atomic
def complete_signup(user, *, full_name, job_title, organisation):
    """A new account belongs to an organisation, and that decides its first role."""
    user.full_name = full_name
    user.job_title = job_title
    user.organisation = organisation
    user.save(update_fields=["full_name", "job_title", "organisation"])
    user.groups.add(Group.objects.get(name=role_for_organisation(organisation)))


@transaction.atomic
def update_profile(user, form):
    """Save a profile; moving to another organisation moves the person between
    practitioner and visiting leader."""
    # The form has already copied the new values onto the instance, so the old
    # organisation is read from the database.
    previous = User.objects.select_related("organisation").get(pk=user.pk)
    old_role = role_for_organisation(previous.organisation)
    profile = form.save()
    new_role = role_for_organisation(profile.organisation)
    if old_role != new_role:
        profile.groups.remove(Group.objects.get(name=old_role))
        profile.groups.add(Group.objects.get(name=new_role))
    return profile
