"""Wagtail's user screens, fitted to our user model (full name instead of first/last), and
held to one rule: privilege is granted by a superuser, never taken.

Centre staff manage people (details, organisation, team, the ordinary roles) but cannot
make anyone a superuser, give a role that opens the admin, or set another person's
password: they send a reset link instead, through allauth's door. A superuser's own account
is edited by superusers only (its email address is where its reset link goes)."""

from allauth.account.forms import ResetPasswordForm
from django import forms
from django.contrib import messages
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.views.decorators.http import require_POST
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import CreateView as WagtailCreateView
from wagtail.users.views.users import EditView as WagtailEditView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from cms.models import User

PROFILE_FIELDS = ["email", "full_name", "job_title", "organisation", "team", "is_superuser", "groups"]
# Only superusers may set these; for anyone else they leave the form.
SUPERUSER_ONLY_FIELDS = ("is_superuser", "password1", "password2")


def admin_groups():
    """Groups whose members can open the admin (and so every staff capability)."""
    return Group.objects.filter(
        permissions__codename="access_admin", permissions__content_type__app_label="wagtailadmin"
    ).distinct()


def can_grant_privilege(user):
    return user.is_active and user.is_superuser


class PrivilegeFieldsMixin:
    """Strip the fields that grant privilege from a form shown to a non-superuser, and keep
    the person's admin roles as they are when such a form is saved."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_user = for_user
        if for_user is None or not can_grant_privilege(for_user):
            for name in SUPERUSER_ONLY_FIELDS:
                self.fields.pop(name, None)
            if "groups" in self.fields:
                self.fields["groups"].queryset = Group.objects.exclude(
                    pk__in=admin_groups().values("pk")).order_by("name")
                self.fields["groups"].help_text = (
                    "Roles that open the admin are given by a superuser.")

    @property
    def grants_privilege(self):
        return self.for_user is not None and can_grant_privilege(self.for_user)

    def save(self, commit=True):
        if "password1" not in self.fields:
            self.cleaned_data.setdefault("password1", "")
            if not self.instance.pk:
                # Staff add a person without a password; they set one through the reset
                # link (allauth's "forgotten password" page, or "Send a reset link").
                self.instance.set_unusable_password()
        return super().save(commit=commit)

    def _save_m2m(self):
        kept = []
        if not self.grants_privilege and self.instance.pk:
            kept = list(User.objects.get(pk=self.instance.pk).groups.filter(
                pk__in=admin_groups().values("pk")))
        super()._save_m2m()
        if kept:
            self.instance.groups.add(*kept)


class CentreUserCreationForm(PrivilegeFieldsMixin, UserCreationForm):
    first_name = None
    last_name = None

    class Meta(UserCreationForm.Meta):
        fields = PROFILE_FIELDS
        widgets = {"groups": forms.CheckboxSelectMultiple}


class CentreUserEditForm(PrivilegeFieldsMixin, UserEditForm):
    first_name = None
    last_name = None

    class Meta(UserEditForm.Meta):
        fields = [*PROFILE_FIELDS, "is_active"]
        widgets = {"groups": forms.CheckboxSelectMultiple}


class CreateView(WagtailCreateView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class EditView(WagtailEditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if self.object.is_superuser and not can_grant_privilege(request.user):
            raise PermissionDenied

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


def send_password_reset(request, pk):
    """Staff help someone back in by sending allauth's reset link to their own address."""
    person = get_object_or_404(User, pk=pk, is_active=True)
    if (not request.user.has_perm("cms.change_user")
            or (person.is_superuser and not can_grant_privilege(request.user))):
        raise PermissionDenied
    form = ResetPasswordForm(data={"email": person.email})
    if form.is_valid():
        form.save(request)
        messages.success(request, f"A password reset link has been sent to {person.email}.")
    else:
        messages.error(request, "No reset link could be sent to this address.")
    return redirect("wagtailusers_users:edit", pk)


class UserViewSet(WagtailUserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView

    def get_form_class(self, for_update=False):
        return CentreUserEditForm if for_update else CentreUserCreationForm

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(),
                path("<str:pk>/send-reset-link/", require_POST(send_password_reset),
                     name="send_reset_link")]
