"""Who may see programme outcome figures: the one place it is checked.

Only people with the reporting permission `outcomes.view_outcomes` (given to Centre staff by
a migration) see figures, import them or define measures. The admin itself already demands
a signed-in session with an authenticator app (cms.middleware.AdminRequiresMFAMiddleware),
so every view here is behind MFA too.
"""

import functools

from django.core.exceptions import PermissionDenied
from wagtail.permission_policies import ModelPermissionPolicy

PERMISSION = "outcomes.view_outcomes"


def can_view_outcomes(user):
    return bool(user.is_authenticated and user.is_active and user.has_perm(PERMISSION))


def outcomes_staff_only(view):
    """Admin views of outcomes: 403 for anyone without the reporting permission."""

    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        if not can_view_outcomes(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


class OutcomesPermissionPolicy(ModelPermissionPolicy):
    """Model permissions for measures and figures, and the reporting permission on top:
    a member of staff who may edit snippets in general sees no figure without it."""

    def user_has_permission(self, user, action):
        return can_view_outcomes(user) and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        from django.contrib.auth.models import Permission
        from django.db.models import Q

        reporting = Permission.objects.filter(content_type__app_label="outcomes",
                                              codename="view_outcomes")
        return super().users_with_any_permission(actions).filter(
            Q(is_superuser=True) | Q(user_permissions__in=reporting)
            | Q(groups__permissions__in=reporting)).distinct()
