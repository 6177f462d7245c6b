from django.contrib.sessions.backends import db

from cms.sessions import FastLoadMixin


class SessionStore(FastLoadMixin, db.SessionStore):
    pass
