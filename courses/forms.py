from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from cms.limits import DateRangeValidator, LengthMessages
from courses.models import CoursePage, ELearningPackage, Programme
from courses.models.learning import normalise_certificate_number


class CatalogueFilterForm(LengthMessages, forms.Form):
    q = forms.CharField(label="Search courses", required=False, max_length=100)
    programme = forms.ChoiceField(label="Programme", required=False)
    level = forms.ChoiceField(label="Level", required=False,
                              choices=[("", "Any level")] + CoursePage.Level.choices)
    mode = forms.ChoiceField(label="Delivery", required=False,
                             choices=[("", "Any delivery")] + CoursePage.DeliveryMode.choices)
    statement = forms.TypedChoiceField(
        label="Evidences a framework statement", required=False, coerce=int,
        empty_value=None)

    def __init__(self, *args, **kwargs):
        from courses.frameworks import statement_choices

        super().__init__(*args, **kwargs)
        self.fields["programme"].choices = [("", "Any programme")] + list(
            Programme.objects.values_list("slug", "name"))
        self.fields["statement"].choices = [("", "Any statement")] + statement_choices()


class ReflectionForm(LengthMessages, forms.Form):
    text = forms.CharField(label="Your reflection", widget=forms.Textarea(attrs={"rows": 5}),
                           max_length=20000)


class AssignmentForm(forms.Form):
    course = forms.ModelChoiceField(label="Course", queryset=CoursePage.objects.none(),
                                    empty_label="Choose a course")
    members = forms.ModelMultipleChoiceField(
        label="Team members", queryset=None, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one team member."},
    )
    due_on = forms.DateField(
        label="Due date", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[DateRangeValidator(years_ahead=5)],
        help_text="The day by which they should finish the course.")

    assign_anyway = forms.BooleanField(
        label="Assign it anyway: I know some of them have not finished what it builds on",
        required=False)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = CoursePage.objects.live().order_by("title")
        self.fields["members"].queryset = members
        self.fields["members"].label_from_instance = lambda u: u.full_name or u.email
        self.missing_prerequisites = []

    def clean(self):
        """Assigning a course to someone who has not completed its prerequisites is allowed
        (their manager may know better) but never by accident: it needs the box ticked."""
        from courses.services import missing_prerequisites

        cleaned = super().clean()
        course, members = cleaned.get("course"), cleaned.get("members")
        if course and members:
            prerequisites = list(course.prerequisites.all())
            self.missing_prerequisites = [
                (member, missing) for member in members
                if (missing := missing_prerequisites(member, course, prerequisites))]
        if self.missing_prerequisites and not cleaned.get("assign_anyway"):
            names = "; ".join(
                f"{member.get_full_name()} has not completed "
                f"{' or '.join(p.title for p in missing)}"
                for member, missing in self.missing_prerequisites)
            self.add_error("assign_anyway", f"{course.title} builds on courses some of them "
                           f"have not completed ({names}). Tick the box to assign it anyway, "
                           "or choose other people.")
        return cleaned


class RevokeForm(LengthMessages, forms.Form):
    reason = forms.CharField(
        label="Reason for revoking", max_length=300,
        help_text="Kept with the certificate's record; the public check page only says "
                  "that it was revoked and when.",
        error_messages={"required": "Give a reason for revoking the certificate."},
    )


class ELearningPackageForm(LengthMessages, WagtailAdminModelForm):
    """Upload (or replace) a SCORM package. The zip is checked and its manifest read in
    clean(), so a package that cannot be used is refused with a form error that says why;
    nothing is stored until the whole package has passed."""

    package_file = forms.FileField(
        label="SCORM package (zip)",
        help_text="A SCORM 1.2 or SCORM 2004 package: a zip with imsmanifest.xml at its top "
                  "level.",
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
    )

    class Meta:
        model = ELearningPackage
        fields = ["title"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.package = None
        self.fields["title"].required = False
        self.fields["title"].help_text = "Leave blank to use the title in the package."
        if self.instance.pk:
            self.fields["package_file"].required = False
            self.fields["package_file"].help_text = (
                f"Now: {self.instance.edition}, {self.instance.file_count} files. Upload a "
                "new zip to replace it; learners' attempts are kept.")

    def clean_package_file(self):
        from django.conf import settings

        from courses import scorm

        upload = self.cleaned_data.get("package_file")
        if not upload:
            return upload
        limit = settings.ELEARNING_MAX_UPLOAD_MB * 1024 * 1024
        if upload.size > limit:
            raise forms.ValidationError(
                f"The zip is {upload.size / 1024 / 1024:,.0f} MB; the most allowed is "
                f"{settings.ELEARNING_MAX_UPLOAD_MB} MB.")
        try:
            self.package = scorm.read_package(upload)
        except scorm.PackageError as error:
            raise forms.ValidationError(f"This package cannot be used: {error}") from None
        return upload

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("title") and self.package is None and not self.instance.title:
            self.add_error("title", "Give the package a title.")
        return cleaned

    def save(self, commit=True):
        from courses import elearning_services

        package = super().save(commit=False)
        if self.package is not None:
            archive, members, manifest = self.package
            elearning_services.store_package(package, archive, members, manifest,
                                             by=self.for_user)
        elif commit:
            package.save()
        return package


class CertificateCheckForm(LengthMessages, forms.Form):
    """The question an employer answers: spaces, lower case and missing dashes are fine."""

    number = forms.CharField(
        label="What is the certificate number?", max_length=40,
        help_text="It is on the certificate, below the dates. For example, RPC-7K4M-9QXD.",
        error_messages={"required": "Enter the certificate number"},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false",
                                      "autocapitalize": "characters",
                                      "class": "certificate-number-input"}),
    )

    def clean_number(self):
        number = normalise_certificate_number(self.cleaned_data["number"])
        if number is None:
            raise forms.ValidationError(
                "Enter the certificate number as it is on the certificate, like RPC-7K4M-9QXD")
        return number
