"""Signals by which feature apps tell each other what happened without importing each
other. The kernel only declares them; the app named sends, any app may listen.

attendance_marked: sent by events inside the transaction that marks someone attended or
  not (so a listener's writes commit or roll back with the mark). Arguments:
  `user`, `booking_id`, `module_id` (the page id of a course module the event counts
  for, or None), `attended` (True, or False when attendance is taken back: a no-show),
  `by` (who marked it).

mentor_role_removed: sent by the kernel, once committed, for each person who has just
  lost the Mentors role (apps that keep mentoring close it). Arguments: `user`.
"""

from django.dispatch import Signal

attendance_marked = Signal()

mentor_role_removed = Signal()


def notice_mentor_role_removed(sender=None, instance=None, action="", reverse=False,
                               pk_set=None, **kwargs):
    """Receiver of changes to people's groups: send `mentor_role_removed` for each person
    who has just lost the Mentors role, however it was taken away (admin, code, a group
    emptied)."""
    from django.contrib.auth.models import Group
    from django.db import transaction

    from cms import roles
    from cms.models import User

    if action not in ("post_remove", "pre_clear", "post_clear"):
        return
    if action == "pre_clear":
        # After a clear the removed members are unknown: remember them now.
        if reverse:
            instance._mentors_before_clear = (
                list(instance.user_set.values_list("pk", flat=True))
                if instance.name == roles.MENTORS else [])
        else:
            instance._mentors_before_clear = (
                [instance.pk] if instance.groups.filter(name=roles.MENTORS).exists() else [])
        return
    if action == "post_clear":
        user_ids = getattr(instance, "_mentors_before_clear", [])
    elif reverse:
        user_ids = list(pk_set or []) if instance.name == roles.MENTORS else []
    else:
        mentors = Group.objects.filter(name=roles.MENTORS, pk__in=pk_set or []).exists()
        user_ids = [instance.pk] if mentors else []
    for user in User.objects.filter(pk__in=user_ids).exclude(groups__name=roles.MENTORS):
        transaction.on_commit(
            lambda user=user: mentor_role_removed.send(sender=User, user=user))
