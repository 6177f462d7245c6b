"""Admin permission policies for records that only the services may create or remove."""

from wagtail.permission_policies import ModelPermissionPolicy


class RecordPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, with some admin actions refused to everyone, superusers too.

    Bookings, applications and certificates are made and ended only by their services,
    which lock, check the rules and write history; an admin add form would skip all that
    and an admin delete would lose the record (and, by cascade, its history).
    """

    def __init__(self, model, refused=("add", "delete"), **kwargs):
        super().__init__(model, **kwargs)
        self.refused = frozenset(refused)

    def user_has_permission(self, user, action):
        return action not in self.refused and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(set(actions) - self.refused)
