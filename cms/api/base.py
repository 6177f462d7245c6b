"""What every endpoint shares: pagination, the `updated_since` filter, and base viewsets for
the three scopes (public, personal token, organisation token)."""

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, viewsets
from rest_framework.permissions import AllowAny

from cms.api.auth import HasOrganisationToken, HasPersonalToken, token_of
from cms.api.pagination import ApiPagination  # noqa: F401 (the default, in settings)
from cms.models import ApiToken

UPDATED_SINCE = OpenApiParameter(
    "updated_since", OpenApiTypes.DATETIME, OpenApiParameter.QUERY, required=False,
    description="Only records changed at or after this time (ISO 8601, for example "
    "2026-11-27T18:00:00Z). Keep the time of your last pull and send it next time.")


def updated_since(request):
    """The `updated_since` query parameter as an aware datetime, or None. A bad value is a
    400 that says what is expected, never a 500."""
    value = request.query_params.get("updated_since", "").strip()
    if not value:
        return None
    # A "+01:00" offset arrives as " 01:00" when the client did not encode the plus sign.
    value = value.replace(" ", "+")
    try:
        moment = parse_datetime(value)
    except ValueError:
        moment = None
    if moment is None:
        raise exceptions.ValidationError(
            {"updated_since": ["Give a date and time in ISO 8601, for example "
                               "2026-11-27T18:00:00Z."]})
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def filter_updated_since(queryset, request, field):
    moment = updated_since(request)
    return queryset.filter(**{f"{field}__gte": moment}) if moment else queryset


class ApiViewSet(viewsets.ReadOnlyModelViewSet):
    """Subclasses say which records they serve in `records()` (never reached while the
    OpenAPI document is generated, which has no real request)."""

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.get_serializer_class().Meta.model.objects.none()
        return self.records()

    def records(self):
        raise NotImplementedError


class PublicViewSet(ApiViewSet):
    """Read by anyone: what the public site shows."""
    permission_classes = [AllowAny]


class PersonalViewSet(ApiViewSet):
    """Read with a personal token: its owner's own records, nobody else's."""
    permission_classes = [HasPersonalToken]

    @property
    def person(self):
        return self.request.user


class OrganisationViewSet(ApiViewSet):
    """Read with an organisation token: records of that organisation's people only."""
    permission_classes = [HasOrganisationToken]

    @property
    def organisation(self):
        return token_of(self.request, ApiToken.Scope.ORGANISATION).organisation


def with_updated_since(viewset):
    """Document `updated_since` on a viewset's list."""
    return extend_schema_view(list=extend_schema(parameters=[UPDATED_SINCE]))(viewset)
