from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class CmsConfig(AppConfig):
    default = True
    name = "cms"
    verbose_name = "Centre"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from cms import credential_keys, site_url  # noqa: F401  (register their checks)

        # Every CSV and XLSX Wagtail writes for us keeps formula-like cells as text.
        from cms.exports import make_wagtail_exports_inert

        make_wagtail_exports_inert()

        from cms.roles import sync_role_permissions

        # Permissions are created app by app after migrate, so roles get theirs once the
        # last app with models has had its turn.
        post_migrate.connect(_after_last_app(sync_role_permissions), weak=False)
        # The database cache's table, whatever the settings of the process that migrates
        # (production without Redis shares its cache through it).
        post_migrate.connect(_after_last_app(ensure_cache_table), weak=False)

        # Pages can be published from anywhere (the admin, scheduled publishing, code), so
        # the cache of anonymous pages listens for Wagtail's own publish signals.
        from wagtail.signals import page_published, page_unpublished

        from cms.page_cache import invalidate_on_change, invalidate_pages

        page_published.connect(invalidate_pages, dispatch_uid="page_cache_published")
        page_unpublished.connect(invalidate_pages, dispatch_uid="page_cache_unpublished")
        # Shared fragments of signed-in pages (routes, menus, module lists) come from the
        # page tree too; any saved or deleted page, site or view restriction drops them.
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import post_page_move

        post_save.connect(invalidate_on_change, dispatch_uid="page_cache_saved")
        post_delete.connect(invalidate_on_change, dispatch_uid="page_cache_deleted")
        post_page_move.connect(invalidate_pages, dispatch_uid="page_cache_moved")

        # Setting up an authenticator app takes a code from it: the session has passed MFA.
        from allauth.mfa.signals import authenticator_added

        from cms.access import record_mfa_on_activation

        authenticator_added.connect(record_mfa_on_activation, dispatch_uid="mfa_on_activation")

        # A confirmed address on the host's domains lets a waiting member in.
        from allauth.account.signals import email_confirmed

        from cms.services import confirm_membership_by_address

        email_confirmed.connect(confirm_membership_by_address, dispatch_uid="membership_email")

        # Roles and permissions are cached per person (cms.roles); changes drop them.
        from django.contrib.auth.models import Group, Permission
        from django.db.models.signals import m2m_changed

        from cms.models import User
        from cms.roles import forget_all_roles

        for model in (Group, Permission):
            post_save.connect(forget_all_roles, sender=model, dispatch_uid=f"roles_{model}_s")
            post_delete.connect(forget_all_roles, sender=model, dispatch_uid=f"roles_{model}_d")
        m2m_changed.connect(forget_all_roles, sender=Group.permissions.through,
                            dispatch_uid="roles_group_permissions")
        for through in (User.groups.through, User.user_permissions.through):
            m2m_changed.connect(forget_all_roles, sender=through,
                                dispatch_uid=f"roles_{through}_m2m")
        # Every save or delete of a person (a new password, deactivation, a new name or
        # team) moves their generation on: the copy of them kept for signed-in requests and
        # the fragments showing them are built afresh (cms.page_cache, path 4).
        from cms.page_cache import register_personal_records

        register_personal_records(User, lambda instance: [instance.pk])
        from cms.models import Team
        from cms.page_cache import invalidate_on_membership_change

        m2m_changed.connect(invalidate_pages, sender=Team.managers.through,
                            dispatch_uid="page_cache_team_managers")
        # Who belongs to a team is the team's too: its matrix is kept until it changes.
        for signal in (post_save, post_delete):
            signal.connect(invalidate_on_membership_change, sender=User,
                           dispatch_uid=f"page_cache_membership_{signal is post_save}")
        from cms.signals import notice_mentor_role_removed

        m2m_changed.connect(notice_mentor_role_removed, sender=User.groups.through,
                            dispatch_uid="mentor_role_removed")


class CentreUsersAppConfig(WagtailUsersAppConfig):
    default = False
    user_viewset = "cms.admin_users.UserViewSet"


def ensure_cache_table(using="default", **kwargs):
    """`createcachetable` for the production cache's table (it skips a table that exists)."""
    from django.conf import settings
    from django.core.management.commands.createcachetable import Command

    command = Command()
    command.verbosity = 0
    command.create_table(using, settings.DATABASE_CACHE_TABLE, dry_run=False)


def _after_last_app(handler):
    def receiver(sender, **kwargs):
        from django.apps import apps

        with_models = [c for c in apps.get_app_configs() if c.models_module is not None]
        if with_models and sender is with_models[-1]:
            handler(**kwargs)

    return receiver
