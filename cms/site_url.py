"""One base URL for every absolute link: emails, PDFs, QR codes, calendar files and the
Wagtail Site record that page URLs (`page.full_url`) come from. SITE_URL is the truth;
`manage.py sync_site_url` makes the Site record agree, and a system check
(`manage.py check --database default`) fails while they disagree."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.db import DatabaseError


def absolute_url(path):
    """`path` (e.g. "/certificates/abc/") as an absolute URL on the site."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL + ("" if path.startswith("/") else "/") + path


def site_record_address(site_url=None):
    """(hostname, port) a Wagtail Site needs so that its root_url is SITE_URL. Wagtail
    writes https only for port 443 and leaves out the port only for 80 and 443."""
    parts = urlsplit(site_url or settings.SITE_URL)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"SITE_URL must be http(s)://host[:port], not {site_url!r}")
    if parts.path not in ("", "/"):
        raise ValueError("SITE_URL cannot have a path: pages are served from the root")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if parts.scheme == "https" and port != 443:
        raise ValueError("Wagtail's Site record can only give https on port 443")
    if parts.scheme == "http" and port == 443:
        raise ValueError("Wagtail's Site record gives https on port 443")
    return parts.hostname, port


def sync_site_record():
    """Point the default Site at SITE_URL. Returns True when it changed."""
    from wagtail.models import Site

    hostname, port = site_record_address()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return True


@checks.register(checks.Tags.database)
def check_site_record(app_configs=None, databases=None, **kwargs):
    """The default Site must agree with SITE_URL, or page links in emails point elsewhere."""
    if not databases or "default" not in databases:
        return []
    from wagtail.models import Site

    try:
        address = site_record_address()
    except ValueError as error:
        return [checks.Error(str(error), id="cms.E010")]
    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:  # not migrated yet
        return []
    if site is not None and (site.hostname, site.port) != address:
        return [checks.Error(
            f"The default Wagtail Site is {site.root_url} but SITE_URL is "
            f"{settings.SITE_URL}: page links in emails would point at the wrong place.",
            hint="Run `python manage.py sync_site_url` (make run does).",
            id="cms.E011",
        )]
    return []
