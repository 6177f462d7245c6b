"""Production settings send the security headers, checked against a real gunicorn."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    port = _free_port()
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DEBUG": "0",
        "SECRET_KEY": "test-production-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SQLITE_PATH": str(tmp_path_factory.mktemp("db") / "db.sqlite3"),
    }
    # The shared cache's table (production without Redis caches in the database).
    subprocess.run([sys.executable, "manage.py", "createcachetable"], cwd=ROOT, env=env,
                   check=True, capture_output=True)
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "1"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1)
            break
        except OSError as error:
            if getattr(error, "code", None):
                break
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(timeout=10)


def _get(url, https=True):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https" if https else "http"})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        return opener.open(request, timeout=5)
    except urllib.error.HTTPError as error:
        return error


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_it_sends_the_security_headers_in_production(production_server):
    response = _get(production_server + "/healthz")
    headers = response.headers
    assert response.status == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


def test_it_redirects_plain_http_to_https(production_server):
    response = _get(production_server + "/search/", https=False)
    assert response.status == 301
    assert response.headers["Location"].startswith("https://")


def test_cookies_are_secure_and_http_only_and_sessions_expire():
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_SECURE,"
        " s.CSRF_COOKIE_HTTPONLY, s.SESSION_COOKIE_AGE <= 12 * 3600)"
    )
    env = {"PATH": os.environ.get("PATH", ""), "DEBUG": "0",
           "SECRET_KEY": "test-production-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"}
    result = subprocess.run([sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.stdout.split() == ["True"] * 5, result.stderr
