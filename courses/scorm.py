"""Reading a SCORM package: the zip checked before anything is extracted, and its manifest
(`imsmanifest.xml`) parsed for SCORM 1.2 and SCORM 2004 (2nd, 3rd and 4th editions).

Everything here is pure: it reads a zip and says what is in it, or raises PackageError with
a sentence staff can act on. Storing the files is courses.elearning_services' business."""

import posixpath
import stat
import zipfile
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from urllib.parse import unquote

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError
from defusedxml.ElementTree import fromstring as parse_xml
from django.conf import settings

MANIFEST = "imsmanifest.xml"

SCORM_12 = "1.2"
SCORM_2004 = "2004"

# Namespaces that say which SCORM a manifest is, when its schemaversion does not.
ADLCP_12 = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
ADLCP_2004 = "http://www.adlnet.org/xsd/adlcp_v1p3"
ADLSEQ_2004 = "http://www.adlnet.org/xsd/adlseq_v1p3"
ADLNAV_2004 = "http://www.adlnet.org/xsd/adlnav_v1p3"


class PackageError(Exception):
    """The package cannot be used; the message says why, for the person who uploaded it."""


@dataclass(frozen=True)
class Limits:
    max_files: int
    max_total_bytes: int
    max_ratio: int

    @classmethod
    def from_settings(cls):
        return cls(
            max_files=settings.ELEARNING_MAX_FILES,
            max_total_bytes=settings.ELEARNING_MAX_UNCOMPRESSED_MB * 1024 * 1024,
            max_ratio=settings.ELEARNING_MAX_COMPRESSION_RATIO,
        )


@dataclass
class Sco:
    """A launchable item of the package's organisation: a SCO (which talks to the runtime)
    or an asset (a plain page)."""

    identifier: str
    title: str
    href: str
    is_sco: bool = True
    # SCORM 1.2 adlcp:masteryscore (0-100); SCORM 2004 minNormalizedMeasure (-1..1) * 100.
    mastery_score: str | None = None


@dataclass
class Manifest:
    version: str  # SCORM_12 or SCORM_2004
    edition: str  # what people call it: "SCORM 1.2", "SCORM 2004 4th edition"...
    identifier: str
    title: str
    items: list[Sco] = field(default_factory=list)

    @property
    def scos(self):
        return [item for item in self.items if item.is_sco]

    @property
    def launch_path(self):
        return self.items[0].href

    @property
    def mastery_score(self):
        """The package's mastery score when it has one SCO (or all SCOs share one)."""
        scores = {item.mastery_score for item in self.scos}
        return scores.pop() if len(scores) == 1 else None

    def as_json(self):
        return [asdict(item) for item in self.items]


# --- the zip -----------------------------------------------------------------------------

def _is_symlink(info):
    mode = info.external_attr >> 16
    return info.create_system == 3 and stat.S_ISLNK(mode)


def safe_member_path(name):
    """The member's path if it stays inside the package, else None: no absolute paths, no
    drive letters, no `..`, no backslashes (which some tools use as separators and some
    servers would read as `..\\`)."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/"):
        return None
    if len(name) > 1 and name[1] == ":":
        return None
    parts = name.split("/")
    if any(part == ".." for part in parts):
        return None
    normal = posixpath.normpath(name)
    if normal.startswith("../") or normal == ".." or normal.startswith("/"):
        return None
    return normal


def check_zip(archive, limits=None):
    """Check a zipfile.ZipFile before extracting anything. Returns the members to extract
    (files only, with their safe paths) or raises PackageError."""
    limits = limits or Limits.from_settings()
    infos = archive.infolist()
    files = [info for info in infos if not info.is_dir()]
    if len(infos) > limits.max_files:
        raise PackageError(
            f"The package has {len(infos):,} files and folders; the most allowed is "
            f"{limits.max_files:,}.")
    seen = set()
    total = compressed = 0
    members = []
    for info in infos:
        path = safe_member_path(info.filename.rstrip("/") if info.is_dir() else info.filename)
        if path is None:
            raise PackageError(
                f"The package contains a file outside its own folder ({info.filename!r}). "
                "Paths must not be absolute or contain “..”.")
        if _is_symlink(info):
            raise PackageError(f"The package contains a link ({info.filename!r}). Links are "
                               "not allowed: every file must be a real file in the package.")
        if info.flag_bits & 0x1:
            raise PackageError(f"The package contains an encrypted file ({info.filename!r}).")
        if info.is_dir():
            continue
        if path.lower() in seen:
            raise PackageError(f"The package contains {info.filename!r} twice.")
        seen.add(path.lower())
        total += info.file_size
        compressed += info.compress_size
        if info.file_size > 1024 * 1024 and (
                info.file_size > limits.max_ratio * max(info.compress_size, 1)):
            raise PackageError(
                f"{info.filename!r} expands more than {limits.max_ratio} times when unzipped, "
                "which is how zip bombs work. Re-export the package and try again.")
        members.append((info, path))
    if total > limits.max_total_bytes:
        raise PackageError(
            f"The package unzips to {total / 1024 / 1024:,.0f} MB; the most allowed is "
            f"{limits.max_total_bytes / 1024 / 1024:,.0f} MB.")
    if total > 1024 * 1024 and total > limits.max_ratio * max(compressed, 1):
        raise PackageError(
            f"The package expands more than {limits.max_ratio} times when unzipped, which is "
            "how zip bombs work. Re-export the package and try again.")
    if MANIFEST not in seen:
        raise PackageError(
            "The zip has no imsmanifest.xml at its top level, so it is not a SCORM package. "
            "(Zip the package's contents, not the folder that holds them.)")
    if not files:
        raise PackageError("The zip is empty.")
    return members


def open_zip(file):
    try:
        return zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise PackageError("The file is not a zip file (or it is damaged).") from error


def read_member(archive, info, limit):
    """A member's bytes, read no further than it says it holds (and at most `limit`)."""
    if info.file_size > limit:
        raise PackageError(f"{info.filename!r} is too large.")
    try:
        with archive.open(info) as handle:
            data = handle.read(limit + 1)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as error:
        raise PackageError(f"{info.filename!r} could not be unzipped ({error}).") from error
    if len(data) > limit:
        raise PackageError(f"{info.filename!r} is too large.")
    return data


# --- the manifest ------------------------------------------------------------------------

def _local(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _namespace(tag):
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""


def _children(element, name):
    return [child for child in element if _local(child.tag) == name]


def _child(element, name):
    found = _children(element, name)
    return found[0] if found else None


def _text(element, name):
    child = _child(element, name) if element is not None else None
    return (child.text or "").strip() if child is not None else ""


def _attribute(element, name):
    """An attribute by its local name, whatever its namespace or case (1.2 writes
    adlcp:scormtype, 2004 adlcp:scormType)."""
    for key, value in element.attrib.items():
        if _local(key).lower() == name.lower():
            return value.strip()
    return ""


def _xml_base(element):
    for key, value in element.attrib.items():
        if key == "{http://www.w3.org/XML/1998/namespace}base":
            return value.strip()
    return ""


def _detect_version(root):
    """(version, edition) from metadata/schemaversion, else from the namespaces used."""
    schemaversion = _text(_child(root, "metadata"), "schemaversion").lower()
    if schemaversion == "1.2":
        return SCORM_12, "SCORM 1.2"
    if schemaversion == "cam 1.3":
        return SCORM_2004, "SCORM 2004 2nd edition"
    if "2004" in schemaversion:
        for number, name in (("3rd", "3rd"), ("4th", "4th"), ("2nd", "2nd")):
            if number in schemaversion:
                return SCORM_2004, f"SCORM 2004 {name} edition"
        return SCORM_2004, "SCORM 2004"
    namespaces = {_namespace(element.tag) for element in root.iter()}
    for element in root.iter():
        namespaces.update(_namespace(key) for key in element.attrib)
    if namespaces & {ADLCP_2004, ADLSEQ_2004, ADLNAV_2004}:
        return SCORM_2004, "SCORM 2004"
    if ADLCP_12 in namespaces:
        return SCORM_12, "SCORM 1.2"
    raise PackageError(
        "The manifest does not say which SCORM it is (no schemaversion of 1.2 or 2004, and "
        "no SCORM namespaces). Only SCORM 1.2 and SCORM 2004 packages can be used.")


def _mastery_score(item, version):
    if version == SCORM_12:
        raw = _text(item, "masteryscore")
        if not raw:
            return None
        try:
            score = Decimal(raw)
        except InvalidOperation:
            raise PackageError(f"The mastery score {raw!r} is not a number.") from None
        if not 0 <= score <= 100:
            raise PackageError(f"The mastery score {raw} is not between 0 and 100.")
        return format(score.normalize(), "f")
    sequencing = _child(item, "sequencing")
    objectives = _child(sequencing, "objectives") if sequencing is not None else None
    primary = _child(objectives, "primaryObjective") if objectives is not None else None
    if primary is None or _attribute(primary, "satisfiedByMeasure").lower() != "true":
        return None
    raw = _text(primary, "minNormalizedMeasure") or "1.0"
    try:
        measure = Decimal(raw)
    except InvalidOperation:
        raise PackageError(f"The minimum normalised measure {raw!r} is not a number.") from None
    if not -1 <= measure <= 1:
        raise PackageError(f"The minimum normalised measure {raw} is not between -1 and 1.")
    return format((measure * 100).normalize(), "f")


def _href_in_package(href, files):
    path = safe_member_path(unquote(href.split("?", 1)[0].split("#", 1)[0]))
    return path is not None and path.lower() in files


def parse_manifest(data, files=()):
    """Parse imsmanifest.xml (bytes) with a hardened parser: no entities (billion laughs),
    no external references (XXE), no DTD fetching. `files` are the package's paths (lower
    case), to check that every launch file is in the package."""
    try:
        root = parse_xml(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise PackageError(
            "The manifest declares XML entities or external references, which are not "
            "allowed (they can be used to read files from the server or exhaust its "
            "memory).") from error
    except (ParseError, ValueError) as error:
        raise PackageError(f"The manifest is not well-formed XML ({error}).") from error
    if _local(root.tag) != "manifest":
        raise PackageError("imsmanifest.xml is not a content package manifest.")
    version, edition = _detect_version(root)
    resources_element = _child(root, "resources")
    resources = {}
    if resources_element is not None:
        resources_base = _xml_base(resources_element)
        for resource in _children(resources_element, "resource"):
            identifier = _attribute(resource, "identifier")
            href = _attribute(resource, "href")
            base = resources_base + _xml_base(resource)
            resources[identifier] = {
                "href": (base + href) if href else "",
                "sco": _attribute(resource, "scormtype").lower() == "sco",
            }
    organizations = _child(root, "organizations")
    candidates = _children(organizations, "organization") if organizations is not None else []
    default = _attribute(organizations, "default") if organizations is not None else ""
    organization = next((o for o in candidates if _attribute(o, "identifier") == default),
                        candidates[0] if candidates else None)
    manifest = Manifest(version=version, edition=edition,
                        identifier=_attribute(root, "identifier"),
                        title=_text(organization, "title") if organization is not None else "")

    def walk(element):
        for item in _children(element, "item"):
            ref = _attribute(item, "identifierref")
            if ref:
                resource = resources.get(ref)
                if resource is None or not resource["href"]:
                    raise PackageError(
                        f"The item {_attribute(item, 'identifier')!r} points at a resource "
                        f"({ref!r}) that the manifest does not describe.")
                href = resource["href"] + _attribute(item, "parameters")
                if "://" in href or href.startswith("//"):
                    raise PackageError(
                        f"The item {_attribute(item, 'identifier')!r} launches {href!r}, "
                        "outside the package. Only content inside the package can be hosted.")
                if files and not _href_in_package(href, files):
                    raise PackageError(
                        f"The launch file {href!r} is not in the package.")
                if _attribute(item, "isvisible").lower() != "false":
                    manifest.items.append(Sco(
                        identifier=_attribute(item, "identifier") or ref,
                        title=_text(item, "title") or manifest.title,
                        href=href, is_sco=resource["sco"],
                        mastery_score=_mastery_score(item, version)))
            walk(item)

    if organization is not None:
        walk(organization)
    if not manifest.items:
        # A package of one resource and no organisation: launch its first resource.
        first = next((r for r in resources.values() if r["href"]), None)
        if first is None:
            raise PackageError("The manifest has nothing to launch: no item of an "
                               "organization points at a resource with a file.")
        if files and not _href_in_package(first["href"], files):
            raise PackageError(f"The launch file {first['href']!r} is not in the package.")
        manifest.items.append(Sco(identifier="resource", title=manifest.title or "Package",
                                  href=first["href"], is_sco=first["sco"]))
    if not manifest.title:
        manifest.title = manifest.items[0].title
    if len({item.identifier for item in manifest.items}) != len(manifest.items):
        raise PackageError("Two items of the manifest have the same identifier.")
    return manifest


def read_package(file, limits=None):
    """Check a zip and parse its manifest. Returns (zipfile, members, manifest)."""
    limits = limits or Limits.from_settings()
    archive = open_zip(file)
    members = check_zip(archive, limits)
    by_path = {path.lower(): info for info, path in members}
    data = read_member(archive, by_path[MANIFEST], limit=5 * 1024 * 1024)
    manifest = parse_manifest(data, files=set(by_path))
    return archive, members, manifest
