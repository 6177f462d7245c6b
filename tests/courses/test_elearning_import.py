"""Importing SCORM packages: manifests of each version and edition read right; unsafe or
invalid zips refused with a form error that says why; files stored in default storage."""

import io
import random
import zipfile
from decimal import Decimal

import pytest
from django.core.files.storage import default_storage

from courses import scorm
from courses.forms import ELearningPackageForm
from courses.models import ELearningPackage
from tests import scorm_packages as pkg


def read(content, **limits):
    options = {"max_files": 100, "max_total_bytes": 20 * 1024 * 1024, "max_ratio": 100}
    options.update(limits)
    return scorm.read_package(io.BytesIO(content), scorm.Limits(**options))


@pytest.mark.parametrize("edition, version, label", [
    ("1.2", "1.2", "SCORM 1.2"),
    ("2004-2nd", "2004", "SCORM 2004 2nd edition"),
    ("2004-3rd", "2004", "SCORM 2004 3rd edition"),
    ("2004-4th", "2004", "SCORM 2004 4th edition"),
])
def test_it_reads_each_version_and_edition_from_the_schemaversion(edition, version, label):
    _, members, manifest = read(pkg.package_zip(edition))
    assert (manifest.version, manifest.edition) == (version, label)
    assert manifest.title == "Safeguarding essentials"
    assert manifest.launch_path == "index.html"
    assert [s.identifier for s in manifest.scos] == ["item-sco-1"]
    assert {path for _, path in members} >= {"imsmanifest.xml", "index.html", "shared/sco.js"}


@pytest.mark.parametrize("edition, version", [("1.2", "1.2"), ("2004-4th", "2004")])
def test_it_tells_the_version_from_the_namespaces_without_a_schemaversion(edition, version):
    _, _, manifest = read(pkg.package_zip(edition, extra_metadata=False))
    assert manifest.version == version


def test_it_reads_every_sco_of_a_multi_sco_package_in_order():
    _, _, manifest = read(pkg.package_zip("2004-3rd", scos=pkg.MULTI_SCO))
    assert [(s.identifier, s.title, s.href) for s in manifest.scos] == [
        ("item-intro", "Introduction", "intro/index.html"),
        ("item-practice", "Practice", "practice/index.html"),
        ("item-quiz", "Quiz", "quiz/index.html"),
    ]
    assert manifest.launch_path == "intro/index.html"


def test_it_reads_the_scorm_12_mastery_score():
    _, _, manifest = read(pkg.package_zip("1.2", mastery_score=80))
    assert manifest.scos[0].mastery_score == "80"
    assert manifest.mastery_score == "80"


def test_it_reads_the_scorm_2004_min_normalized_measure_as_a_percentage():
    _, _, manifest = read(pkg.package_zip("2004-4th", mastery_score=75))
    assert manifest.scos[0].mastery_score == "75"


def test_it_takes_the_first_organization_when_none_is_default():
    _, _, manifest = read(pkg.package_zip("1.2", default_org=False))
    assert manifest.launch_path == "index.html"


def _zip_with(files, **kwargs):
    base = {"imsmanifest.xml": pkg.manifest("1.2"), "index.html": "<p>hi</p>",
            "shared/sco.js": ""}
    base.update(files)
    return pkg.build_zip(base, **kwargs)


@pytest.mark.parametrize("content, reason", [
    (_zip_with({"../evil.html": "x"}), "outside its own folder"),
    (_zip_with({"a/../../evil.html": "x"}), "outside its own folder"),
    (_zip_with({"/etc/evil.html": "x"}), "outside its own folder"),
    (_zip_with({"C:/evil.html": "x"}), "outside its own folder"),
    (_zip_with({"a\\..\\evil.html": "x"}), "outside its own folder"),
    (_zip_with({}, symlinks=[("link.html", "/etc/passwd")]), "contains a link"),
    (pkg.build_zip({"index.html": "<p>hi</p>"}), "no imsmanifest.xml"),
    (b"this is not a zip", "not a zip file"),
])
def test_it_refuses_unsafe_or_broken_zips(content, reason):
    with pytest.raises(scorm.PackageError, match=reason):
        read(content)


def test_it_refuses_a_zip_bomb_by_its_compression_ratio():
    bomb = _zip_with({"padding.txt": b"\0" * (8 * 1024 * 1024)})
    assert len(bomb) < 100 * 1024  # 8 MB of zeros squeezed into a few KB
    with pytest.raises(scorm.PackageError, match="zip bombs"):
        read(bomb)


def test_it_refuses_a_package_that_unzips_beyond_the_size_limit():
    content = _zip_with({"big.bin": random.Random(1).randbytes(2 * 1024 * 1024)})
    with pytest.raises(scorm.PackageError, match="unzips to"):
        read(content, max_total_bytes=1024 * 1024)


def test_it_refuses_too_many_files():
    content = _zip_with({f"page-{i}.html": "x" for i in range(20)})
    with pytest.raises(scorm.PackageError, match="files and folders"):
        read(content, max_files=10)


@pytest.mark.parametrize("xml, reason", [
    (pkg.BILLION_LAUGHS, "entities"),
    (pkg.XXE, "entities"),
    (b"<manifest><unclosed></manifest>", "not well-formed"),
    (b'<manifest identifier="x"><organizations/><resources/></manifest>',
     "does not say which SCORM"),
])
def test_it_refuses_hostile_or_broken_manifests(xml, reason):
    content = pkg.build_zip({"imsmanifest.xml": xml, "index.html": "x"})
    with pytest.raises(scorm.PackageError, match=reason):
        read(content)


def test_it_refuses_a_launch_file_missing_from_the_package():
    content = pkg.build_zip({"imsmanifest.xml": pkg.manifest("1.2"), "shared/sco.js": ""})
    with pytest.raises(scorm.PackageError, match="not in the package"):
        read(content)


def test_it_refuses_a_launch_outside_the_package():
    content = pkg.build_zip({"imsmanifest.xml": pkg.manifest(
        "1.2", scos=[("x", "X", "https://example.com/course.html")]), "shared/sco.js": ""})
    with pytest.raises(scorm.PackageError, match="outside the package"):
        read(content)


# --- through the upload form ---------------------------------------------------------------

@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_it_stores_an_uploaded_package_in_default_storage(db, media, staff):
    form = ELearningPackageForm(data={"title": ""}, for_user=staff, files={
        "package_file": pkg.uploaded(pkg.package_zip("2004-4th", mastery_score=80))})
    assert form.is_valid(), form.errors
    package = ELearningPackage.objects.get(pk=form.save().pk)
    assert package.title == "Safeguarding essentials"  # from the manifest
    assert (package.version, package.edition) == ("2004", "SCORM 2004 4th edition")
    assert package.launch_path == "index.html"
    assert package.mastery_score == Decimal("80")
    assert package.uploaded_by == staff
    assert package.file_count == 4
    with default_storage.open(package.storage_path("shared/sco.js")) as handle:
        assert handle.read() == b"window.packageScriptLoaded = true;\n"


def test_it_refuses_an_unsafe_upload_with_a_form_error_that_says_why(db, media):
    bomb = _zip_with({"padding.txt": b"\0" * (8 * 1024 * 1024)})
    form = ELearningPackageForm(data={"title": "Bomb"},
                                files={"package_file": pkg.uploaded(bomb)})
    assert not form.is_valid()
    assert "zip bombs" in form.errors["package_file"][0]
    assert form.errors["package_file"][0].startswith("This package cannot be used")
    assert not ELearningPackage.objects.exists()
    assert not (media / "elearning").exists()


def test_replacing_a_package_keeps_its_address_and_moves_its_files(
        db, media, django_capture_on_commit_callbacks):
    package = pkg.make_package("1.2")
    old_prefix, key = package.storage_prefix, package.key
    form = ELearningPackageForm(
        data={"title": "Safeguarding essentials (2027)"}, instance=package,
        files={"package_file": pkg.uploaded(pkg.package_zip("2004-3rd"))})
    assert form.is_valid(), form.errors
    with django_capture_on_commit_callbacks(execute=True):
        form.save()
    package.refresh_from_db()
    assert package.key == key and package.storage_prefix != old_prefix
    assert package.version == "2004"
    assert default_storage.exists(package.storage_path("index.html"))
    assert not default_storage.exists(f"{old_prefix}/index.html")


def test_the_upload_limit_is_a_form_error(db, media, settings):
    settings.ELEARNING_MAX_UPLOAD_MB = 0
    form = ELearningPackageForm(data={"title": "x"},
                                files={"package_file": pkg.uploaded(pkg.package_zip())})
    assert not form.is_valid()
    assert "the most allowed is 0 MB" in form.errors["package_file"][0]


def test_a_zip_member_that_lies_about_its_size_is_not_read_past_it():
    content = _zip_with({})
    archive = zipfile.ZipFile(io.BytesIO(content))
    info = archive.getinfo("index.html")
    with pytest.raises(scorm.PackageError, match="too large"):
        scorm.read_member(archive, info, limit=3)


def test_staff_upload_in_the_admin_and_a_bad_zip_gets_a_form_error(client, staff, media):
    client.force_login(staff)
    url = "/admin/snippets/courses/elearningpackage/add/"
    form_page = client.get(url).content.decode()
    assert 'enctype="multipart/form-data"' in form_page
    bad = client.post(url, {"title": "Bad", "package_file": pkg.uploaded(
        _zip_with({"../evil.html": "x"}))})
    assert bad.status_code == 200
    assert "This package cannot be used: The package contains a file outside its own " \
           "folder" in bad.content.decode().replace("&#x27;", "'")
    assert not ELearningPackage.objects.exists()
    good = client.post(url, {"title": "", "package_file": pkg.uploaded(
        pkg.package_zip("2004-3rd", scos=pkg.MULTI_SCO))})
    assert good.status_code == 302
    package = ELearningPackage.objects.get()
    assert package.edition == "SCORM 2004 3rd edition" and len(package.scos) == 3
    assert package.uploaded_by == staff
