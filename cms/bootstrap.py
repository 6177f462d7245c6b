"""The rows every installation needs before anything else: the page tree's root, the root
collection, the default locale and the role groups. Migrations create them; this puts them
back where a database was emptied (a flushed test database, a restored partial dump)."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page

from cms.roles import ALL_ROLES, sync_role_permissions


def ensure_base_data():
    locale, _ = Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if Page.get_first_root_node() is None:
        Page.add_root(
            instance=Page(
                title="Root",
                slug="root",
                content_type=ContentType.objects.get_for_model(Page),
                locale=locale,
            )
        )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    for name in ALL_ROLES:
        Group.objects.get_or_create(name=name)
    sync_role_permissions()
