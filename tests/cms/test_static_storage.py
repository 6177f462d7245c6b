"""Production static files: hashed names from the manifest, each address worked out once
per process (cms.storage)."""

import json

from cms.storage import StaticFilesStorage


def test_addresses_come_from_the_manifest_and_are_worked_out_once(tmp_path, settings):
    settings.STATIC_URL = "/static/"
    (tmp_path / "staticfiles.json").write_text(json.dumps({
        "version": "1.1", "hash": "0", "paths": {"css/site.css": "css/site.0f1e2d3c.css"}}))
    storage = StaticFilesStorage(location=str(tmp_path), base_url="/static/")
    assert storage.url("css/site.css") == "/static/css/site.0f1e2d3c.css"
    storage.hashed_files["css/site.css"] = "css/site.changed.css"
    assert storage.url("css/site.css") == "/static/css/site.0f1e2d3c.css"  # kept
    assert storage.url("css/site.css", force=True) == "/static/css/site.changed.css"
