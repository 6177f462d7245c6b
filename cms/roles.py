"""Roles are Django groups. This module is the one place that says who can do what."""

PRACTITIONERS = "Practitioners"
VISITING_LEADERS = "Visiting leaders"
MENTORS = "Mentors"
TEAM_MANAGERS = "Team managers"
CENTRE_STAFF = "Centre staff"

ALL_ROLES = [PRACTITIONERS, VISITING_LEADERS, MENTORS, TEAM_MANAGERS, CENTRE_STAFF]


GENERATION_KEY = "roles:generation"
ROLE_CACHE_SECONDS = 5 * 60


def _roles_key(user_id):
    from cms.page_cache import read_generation

    return f"roles:{read_generation(GENERATION_KEY)}:{user_id}"


def _load(user):
    """Read the user's groups and permissions once per request object, from the cache
    when they have not changed (they are asked on every page: menu, admin link, userbar).
    Django's permission check reads `_perm_cache`, so it asks the database no more."""
    from django.conf import settings
    from django.contrib.auth.backends import ModelBackend
    from django.core.cache import cache

    key = _roles_key(user.pk) if settings.SHARED_FRAGMENTS else None
    facts = cache.get(key) if key else None
    if facts is None:
        names = frozenset(user.groups.values_list("name", flat=True))
        facts = (names, frozenset(ModelBackend().get_all_permissions(user)))
        if key:
            cache.set(key, facts, ROLE_CACHE_SECONDS)
    user._role_names = facts[0]
    if not hasattr(user, "_perm_cache"):
        user._perm_cache = set(facts[1])


def forget_all_roles(sender=None, action="post_", **kwargs):
    """Receiver: any change to a group or a permission drops everyone's cached roles (rare:
    staff change them in the admin)."""
    from cms.page_cache import bump_generation

    if action.startswith("post_"):
        bump_generation(GENERATION_KEY)


def forget_user_roles(sender=None, instance=None, **kwargs):
    """Receiver: a saved or deleted user (superuser flag, active flag) drops their own."""
    _forget(instance.pk)


def forget_member_roles(sender=None, instance=None, action="", reverse=False, pk_set=None,
                        **kwargs):
    """Receiver of a person's groups or own permissions changing: drops the roles of the
    people concerned (everyone's when a group is emptied)."""
    if not action.startswith("post_"):
        return
    if not reverse:
        _forget(instance.pk)
    elif pk_set:
        for user_id in pk_set:
            _forget(user_id)
    else:
        forget_all_roles()


def _forget(user_id):
    from django.core.cache import cache
    from django.db import transaction

    key = _roles_key(user_id)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def group_names(user):
    """The user's group names, read once per request object."""
    if not user.is_authenticated:
        return frozenset()
    if getattr(user, "_role_names", None) is None:
        _load(user)
    return user._role_names


def has_role(user, role):
    return role in group_names(user)


def is_centre_staff(user):
    return user.is_authenticated and (user.is_superuser or has_role(user, CENTRE_STAFF))


def is_team_manager(user):
    return has_role(user, TEAM_MANAGERS)


def is_mentor(user):
    return has_role(user, MENTORS)


def is_visiting_leader(user):
    return has_role(user, VISITING_LEADERS)


def is_practitioner(user):
    return has_role(user, PRACTITIONERS)


def can_access_admin(user):
    if not user.is_authenticated:
        return False
    group_names(user)
    return user.has_perm("wagtailadmin.access_admin")


def role_for_organisation(organisation):
    """A person from the host authority is a practitioner; anyone else a visiting leader."""
    if organisation is not None and organisation.is_host_authority:
        return PRACTITIONERS
    return VISITING_LEADERS


# Models Centre staff manage through the admin, by app. Each app's models are all staff's.
STAFF_APPS = ["cms", "cpd", "courses", "events", "secondments", "partnerships", "wagtaildocs",
              "wagtailimages",
              "wagtailredirects", "taggit"]
STAFF_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "bulk_delete_page",
                          "lock_page", "unlock_page"]
STAFF_COLLECTION_PERMISSIONS = ["add_image", "change_image", "choose_image", "delete_image",
                                "add_document", "change_document", "choose_document",
                                "delete_document"]
# Permissions beyond a model's add/change/delete/view (reports and the like).
STAFF_EXTRA_PERMISSIONS = [("wagtailadmin", "access_admin"), ("cms", "view_reports")]


def sync_role_permissions(**kwargs):
    """Give Centre staff editor and moderator rights over every page type and the
    operational models of each app. Runs after every migrate, so it is idempotent and
    picks up the permissions of models added later."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    staff, _ = Group.objects.get_or_create(name=CENTRE_STAFF)
    permissions = Permission.objects.filter(content_type__app_label__in=STAFF_APPS).exclude(
        content_type__app_label="cms", content_type__model="user", codename="delete_user"
    )
    extra = [
        Permission.objects.filter(content_type__app_label=app, codename=codename).first()
        for app, codename in STAFF_EXTRA_PERMISSIONS
    ]
    staff.permissions.add(*permissions, *[p for p in extra if p])

    root = Page.get_first_root_node()
    if root is not None:
        for codename in STAFF_PAGE_PERMISSIONS:
            permission = Permission.objects.filter(
                content_type__app_label="wagtailcore", codename=codename
            ).first()
            if permission:
                GroupPagePermission.objects.get_or_create(
                    group=staff, page=root, permission=permission
                )
    collection = Collection.get_first_root_node()
    if collection is not None:
        for codename in STAFF_COLLECTION_PERMISSIONS:
            permission = Permission.objects.filter(codename=codename).first()
            if permission:
                GroupCollectionPermission.objects.get_or_create(
                    group=staff, collection=collection, permission=permission
                )
