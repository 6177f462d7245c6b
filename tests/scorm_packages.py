"""SCORM packages built by the tests: zips with manifests for SCORM 1.2 and SCORM 2004 (2nd,
3rd and 4th editions), with one SCO or several, and with a mastery score; and the hostile
zips an upload must refuse.

Each SCO page is a real one: its script finds the runtime in the parent page the way
packages do (walking up window.parent for API or API_1484_11), resumes from its suspend
data, and reports completion when its "Finish" button is pressed."""

import io
import stat
import zipfile

NS_12 = (
    'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" '
    'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
)
NS_2004 = (
    'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" '
    'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" '
    'xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" '
    'xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" '
    'xmlns:imsss="http://www.imsglobal.org/xsd/imsss" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
)
SCHEMAVERSION = {
    "1.2": "1.2",
    "2004-2nd": "CAM 1.3",
    "2004-3rd": "2004 3rd Edition",
    "2004-4th": "2004 4th Edition",
}

SCO_12_SCRIPT = """
function findAPI(win) {
  var tries = 0;
  while (!win.API && win.parent && win.parent !== win && tries < 10) { win = win.parent; tries++; }
  return win.API || null;
}
var api = findAPI(window);
var out = document.getElementById('out');
api.LMSInitialize('');
var resumed = api.LMSGetValue('cmi.suspend_data');
out.textContent = 'entry=' + api.LMSGetValue('cmi.core.entry') + ' suspend=' + resumed +
  ' status=' + api.LMSGetValue('cmi.core.lesson_status') + ' name=' +
  api.LMSGetValue('cmi.core.student_name') + ' mastery=' +
  api.LMSGetValue('cmi.student_data.mastery_score');
if (api.LMSGetValue('cmi.core.lesson_status') === 'not attempted') {
  api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
}
document.getElementById('save').onclick = function () {
  api.LMSSetValue('cmi.core.lesson_location', 'page-2');
  api.LMSSetValue('cmi.suspend_data', 'answered=q1,q2');
  api.LMSSetValue('cmi.core.exit', 'suspend');
  api.LMSSetValue('cmi.core.session_time', '0000:01:30.00');
  api.LMSCommit('');
  api.LMSFinish('');
  document.getElementById('done').textContent = 'saved';
};
document.getElementById('finish').onclick = function () {
  api.LMSSetValue('cmi.core.score.raw', document.getElementById('score').value);
  api.LMSSetValue('cmi.core.score.min', '0');
  api.LMSSetValue('cmi.core.score.max', '100');
  api.LMSSetValue('cmi.core.lesson_status', FINAL_STATUS);
  api.LMSSetValue('cmi.core.session_time', '0000:02:00.00');
  api.LMSSetValue('cmi.core.exit', '');
  api.LMSCommit('');
  api.LMSFinish('');
  document.getElementById('done').textContent = 'finished';
};
"""

SCO_2004_SCRIPT = """
function findAPI(win) {
  var tries = 0;
  while (!win.API_1484_11 && win.parent && win.parent !== win && tries < 10) {
    win = win.parent; tries++;
  }
  return win.API_1484_11 || null;
}
var api = findAPI(window);
var out = document.getElementById('out');
api.Initialize('');
out.textContent = 'entry=' + api.GetValue('cmi.entry') + ' suspend=' +
  api.GetValue('cmi.suspend_data') + ' status=' + api.GetValue('cmi.completion_status') +
  ' name=' + api.GetValue('cmi.learner_name') + ' mastery=' +
  api.GetValue('cmi.scaled_passing_score');
api.SetValue('cmi.completion_status', 'incomplete');
document.getElementById('save').onclick = function () {
  api.SetValue('cmi.location', 'page-2');
  api.SetValue('cmi.suspend_data', 'answered=q1,q2');
  api.SetValue('cmi.exit', 'suspend');
  api.SetValue('cmi.session_time', 'PT1M30S');
  api.Commit('');
  api.Terminate('');
  document.getElementById('done').textContent = 'saved';
};
document.getElementById('finish').onclick = function () {
  var score = Number(document.getElementById('score').value);
  api.SetValue('cmi.score.raw', String(score));
  api.SetValue('cmi.score.min', '0');
  api.SetValue('cmi.score.max', '100');
  api.SetValue('cmi.score.scaled', String(score / 100));
  api.SetValue('cmi.completion_status', 'completed');
  api.SetValue('cmi.success_status', score >= 80 ? 'passed' : 'failed');
  api.SetValue('cmi.session_time', 'PT2M');
  api.SetValue('cmi.exit', 'normal');
  api.Commit('');
  api.Terminate('');
  document.getElementById('done').textContent = 'finished';
};
"""


def sco_page(version, title, final_status="completed"):
    script = SCO_12_SCRIPT if version == "1.2" else SCO_2004_SCRIPT
    script = script.replace("FINAL_STATUS", repr(final_status))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>body {{ font-family: sans-serif; }}</style></head>
<body><main><h1>{title}</h1>
<p id="out"></p>
<label for="score">Score</label> <input id="score" value="90">
<button id="save" type="button">Save and leave</button>
<button id="finish" type="button">Finish</button>
<p id="done"></p>
<img src="images/logo.svg" alt="">
</main>
<script src="shared/sco.js"></script>
<script>{script}</script>
</body></html>"""


LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        '<rect width="10" height="10" fill="#005ea5"/></svg>')


def manifest(edition="1.2", title="Safeguarding essentials", scos=(("sco-1", "Lesson 1",
             "index.html"),), mastery_score=None, extra_metadata=True, default_org=True):
    """imsmanifest.xml for `edition` ("1.2", "2004-2nd", "2004-3rd", "2004-4th")."""
    is_12 = edition == "1.2"
    items = []
    resources = []
    for identifier, item_title, href in scos:
        mastery = ""
        if mastery_score is not None:
            if is_12:
                mastery = f"<adlcp:masteryscore>{mastery_score}</adlcp:masteryscore>"
            else:
                mastery = (
                    "<imsss:sequencing><imsss:objectives>"
                    '<imsss:primaryObjective objectiveID="primary" satisfiedByMeasure="true">'
                    f"<imsss:minNormalizedMeasure>{mastery_score / 100}"
                    "</imsss:minNormalizedMeasure></imsss:primaryObjective>"
                    "</imsss:objectives></imsss:sequencing>")
        items.append(f'<item identifier="item-{identifier}" identifierref="res-{identifier}">'
                     f"<title>{item_title}</title>{mastery}</item>")
        scormtype = 'adlcp:scormtype="sco"' if is_12 else 'adlcp:scormType="sco"'
        resources.append(
            f'<resource identifier="res-{identifier}" type="webcontent" {scormtype} '
            f'href="{href}"><file href="{href}"/><dependency identifierref="shared"/>'
            "</resource>")
    resources.append('<resource identifier="shared" type="webcontent" '
                     + ('adlcp:scormtype="asset"' if is_12 else 'adlcp:scormType="asset"')
                     + '><file href="shared/sco.js"/></resource>')
    metadata = ""
    if extra_metadata:
        metadata = (f"<metadata><schema>ADL SCORM</schema>"
                    f"<schemaversion>{SCHEMAVERSION[edition]}</schemaversion></metadata>")
    default = ' default="org-1"' if default_org else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="pkg-{edition}" version="1" {NS_12 if is_12 else NS_2004}>
  {metadata}
  <organizations{default}>
    <organization identifier="org-1"><title>{title}</title>{''.join(items)}</organization>
  </organizations>
  <resources>{''.join(resources)}</resources>
</manifest>""".encode()


def build_zip(files, symlinks=(), compression=zipfile.ZIP_DEFLATED):
    """A zip (bytes) of {name: bytes or str}; `symlinks` are (name, target) entries."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
        for name, target in symlinks:
            info = zipfile.ZipInfo(name)
            info.create_system = 3
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)
    return buffer.getvalue()


def package_zip(edition="1.2", title="Safeguarding essentials", scos=None, mastery_score=None,
                final_status="completed", extra_files=None, **manifest_options):
    """A whole working package: manifest, one page per SCO, a shared script and an image."""
    version = "1.2" if edition == "1.2" else "2004"
    scos = scos or (("sco-1", "Lesson 1", "index.html"),)
    files = {"imsmanifest.xml": manifest(edition, title, scos, mastery_score,
                                         **manifest_options)}
    for _identifier, item_title, href in scos:
        files[href] = sco_page(version, item_title, final_status)
    files["shared/sco.js"] = "window.packageScriptLoaded = true;\n"
    files["images/logo.svg"] = LOGO
    files.update(extra_files or {})
    return build_zip(files)


MULTI_SCO = (("intro", "Introduction", "intro/index.html"),
             ("practice", "Practice", "practice/index.html"),
             ("quiz", "Quiz", "quiz/index.html"))


def uploaded(content, name="package.zip"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="application/zip")


def make_package(edition="1.2", title="Safeguarding essentials", by=None, **options):
    """An ELearningPackage imported through the same form staff use."""
    from courses.forms import ELearningPackageForm

    form = ELearningPackageForm(data={"title": title},
                                files={"package_file": uploaded(package_zip(
                                    edition, title, **options))},
                                for_user=by)
    assert form.is_valid(), form.errors
    return form.save()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<manifest identifier="x"><metadata><schemaversion>&lol4;</schemaversion></metadata></manifest>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE manifest [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<manifest identifier="x"><metadata><schemaversion>1.2</schemaversion></metadata>
<organizations><organization identifier="o"><title>&secret;</title></organization>
</organizations><resources/></manifest>"""
