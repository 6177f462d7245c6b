"""Whole-database copies for the tests that need the seeded demo.

Seeding the demo costs about 40 s of CPU. A test process seeds it once, keeps an exact copy,
and puts that copy in place whenever a module (or a browser test) asks for the demo; when it
is done, the database it found is put back. Copies are the databases' own: SQLite's backup
API (every page of the database, in milliseconds) and PostgreSQL's template databases
(`CREATE DATABASE … TEMPLATE …`, a file-level copy). Nothing is mocked: the tests read and
write the real database the copy became.
"""

import os

from django.core.management import call_command
from django.db import connection
from django.test.utils import override_settings

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

_sqlite_copies = {}
_pg_copies = set()


def _seed():
    from django.contrib.auth.models import Group
    from wagtail.models import Page

    from cms.bootstrap import ensure_base_data
    from cms.roles import CENTRE_STAFF

    if Page.get_first_root_node() is None or not Group.objects.filter(
        name=CENTRE_STAFF, permissions__isnull=False
    ).exists():
        ensure_base_data()
    with override_settings(DEBUG=True, TASKS=IMMEDIATE):
        call_command("seed_demo", stdout=open(os.devnull, "w"))


def _forget_cached_ids():
    """Ids are the copy's again: forget those the replaced database handed out."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Site

    ContentType.objects.clear_cache()
    Site.clear_site_root_paths_cache()


# SQLite -------------------------------------------------------------------------------------

def _sqlite_save(name):
    import sqlite3

    connection.ensure_connection()
    copy = _sqlite_copies.get(name) or sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(copy)
    _sqlite_copies[name] = copy


def _sqlite_load(name):
    connection.ensure_connection()
    _sqlite_copies[name].backup(connection.connection)


# PostgreSQL ---------------------------------------------------------------------------------

def _pg_admin(sql_statements):
    """Run statements from the server's maintenance database, with this process's own
    connection to the test database closed (a template must have no other sessions)."""
    import psycopg

    connection.close()
    settings = connection.settings_dict
    with psycopg.connect(
        host=settings["HOST"] or "127.0.0.1", port=settings["PORT"] or 5432,
        user=settings["USER"], password=settings["PASSWORD"] or None, dbname="postgres",
        autocommit=True,
    ) as admin:
        # Sessions a finished test left open (a thread's connection) would block the copy.
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()", [settings["NAME"]])
        for sql in sql_statements:
            admin.execute(sql)


def _pg_name(name):
    return f"{connection.settings_dict['NAME']}_{name}"


def _pg_save(name):
    db, copy = connection.settings_dict["NAME"], _pg_name(name)
    _pg_admin([f'DROP DATABASE IF EXISTS "{copy}"', f'CREATE DATABASE "{copy}" TEMPLATE "{db}"'])
    _pg_copies.add(copy)


def _pg_load(name):
    db, copy = connection.settings_dict["NAME"], _pg_name(name)
    _pg_admin([f'DROP DATABASE "{db}"', f'CREATE DATABASE "{db}" TEMPLATE "{copy}"'])


# The two operations the fixtures use ---------------------------------------------------------

def save(name):
    (_sqlite_save if connection.vendor == "sqlite" else _pg_save)(name)


def load(name):
    (_sqlite_load if connection.vendor == "sqlite" else _pg_load)(name)
    _forget_cached_ids()


def has(name):
    if connection.vendor == "sqlite":
        return name in _sqlite_copies
    return _pg_name(name) in _pg_copies


def put_demo_in_place():
    """The database now holds the seeded demo, committed: seeded here the first time, a copy
    of that seed after."""
    if has("demo"):
        load("demo")
    else:
        _seed()
        save("demo")


def drop_copies():
    if connection.vendor == "sqlite":
        for copy in _sqlite_copies.values():
            copy.close()
        _sqlite_copies.clear()
    elif _pg_copies:
        _pg_admin([f'DROP DATABASE IF EXISTS "{copy}"' for copy in sorted(_pg_copies)])
        _pg_copies.clear()
