from django.contrib.sessions.backends import cached_db

from cms.sessions import FastLoadMixin


class SessionStore(FastLoadMixin, cached_db.SessionStore):
    pass
