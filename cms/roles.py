"""Roles are Django groups. This module is the one place that says who can do what."""

PRACTITIONERS = "Practitioners"
VISITING_LEADERS = "Visiting leaders"
MENTORS = "Mentors"
TEAM_MANAGERS = "Team managers"
CENTRE_STAFF = "Centre staff"

ALL_ROLES = [PRACTITIONERS, VISITING_LEADERS, MENTORS, TEAM_MANAGERS, CENTRE_STAFF]


ROLE_CACHE_SECONDS = 60 * 60


def _load(user):
    """Read the user's groups and permissions once per request object, from the kept copy
    when they have not changed (they are asked on every page: menu, admin link, userbar).
    Kept per process and in the shared cache under the roles generation
    (cms.page_cache, path 2); the person's active and superuser flags are in the key, as
    Django's permission check depends on them. Django reads `_perm_cache`, so it asks the
    database no more."""
    from django.contrib.auth.backends import ModelBackend

    from cms.page_cache import ROLES_GENERATION_KEY, kept, roles_copies

    def build():
        return (frozenset(user.groups.values_list("name", flat=True)),
                frozenset(ModelBackend().get_all_permissions(user)))

    facts = kept(roles_copies, ROLES_GENERATION_KEY,
                 f"roles:{user.pk}:{user.is_active:d}{user.is_superuser:d}", build,
                 ROLE_CACHE_SECONDS)
    user._role_names = facts[0]
    if not hasattr(user, "_perm_cache"):
        user._perm_cache = set(facts[1])


def forget_all_roles(sender=None, action="post_", **kwargs):
    """Receiver: any change to a group, a permission, a group's permissions, or a person's
    groups or own permissions drops everyone's kept roles (a new roles generation). Rare:
    staff change them in the admin, and people join a role on sign-up."""
    from cms.page_cache import ROLES_GENERATION_KEY, bump_generation

    if action.startswith("post_"):
        bump_generation(ROLES_GENERATION_KEY)


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


def teams_for_user(user):
    """The teams whose people a person may see: every team for Centre staff, otherwise the
    teams they manage."""
    from cms.models import Team

    if is_centre_staff(user):
        return Team.objects.order_by("name")
    return Team.objects.filter(managers=user).order_by("name")


def get_team_for_user(user, team_id):
    """The only way a team view (training matrix, team CPD) reaches a team: one of
    `teams_for_user`, the first when none is asked for; 404 otherwise."""
    from django.http import Http404
    from django.shortcuts import get_object_or_404

    teams = teams_for_user(user)
    if team_id:
        try:
            return get_object_or_404(teams, pk=int(team_id))
        except ValueError:
            raise Http404 from None
    team = teams.first()
    if team is None:
        raise Http404
    return team
