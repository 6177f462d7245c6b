"""Run the test OpenID Connect provider: migrate a fresh SQLite file, create the people
and the client application given in the environment, then serve on 127.0.0.1 (port 0:
any free port) and print "READY <port>" on stdout."""

import json
import os
import sys
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

os.environ["DJANGO_SETTINGS_MODULE"] = "tests.cms.oidc_provider.settings"


class ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def main():
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application
    from oauth2_provider.models import Application

    call_command("migrate", verbosity=0)
    for person in json.loads(os.environ["IDP_USERS"]):
        User.objects.create_user(**person)
    for client in json.loads(os.environ["IDP_CLIENTS"]):
        Application.objects.create(
            name=client["client_id"], client_id=client["client_id"],
            client_secret=client["client_secret"], redirect_uris=client["redirect_uri"],
            client_type=Application.CLIENT_CONFIDENTIAL, skip_authorization=True,
            authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
            algorithm=Application.RS256_ALGORITHM)
    server = make_server("127.0.0.1", 0, get_wsgi_application(),
                         server_class=ThreadingServer, handler_class=QuietHandler)
    print(f"READY {server.server_port}", flush=True)
    sys.stdout.close()
    server.serve_forever()


if __name__ == "__main__":
    main()
